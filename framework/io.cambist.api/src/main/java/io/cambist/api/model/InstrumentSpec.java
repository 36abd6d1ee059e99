package io.cambist.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The trading rules a venue sets for an instrument. Orders that break them are refused before they are sent, with a
 * message that names the rule the way Binance does ({@code PRICE_FILTER}, {@code LOT_SIZE}, {@code MIN_NOTIONAL}).
 *
 * @param instrument  the instrument
 * @param venueSymbol the venue's own name for it, e.g. {@code BTCUSDT} or {@code XBT/USD}
 * @param tickSize    price increment; {@code 0} when the venue sets none
 * @param stepSize    quantity increment; {@code 0} when the venue sets none
 * @param minQuantity smallest order quantity; {@code 0} when the venue sets none
 * @param maxQuantity largest order quantity; {@code null} when unlimited
 * @param minNotional smallest price × quantity; {@code 0} when the venue sets none
 * @param trading     false when the venue has halted the instrument
 */
public record InstrumentSpec(Instrument instrument, String venueSymbol, BigDecimal tickSize, BigDecimal stepSize,
        BigDecimal minQuantity, BigDecimal maxQuantity, BigDecimal minNotional, boolean trading) {

    public InstrumentSpec {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(venueSymbol, "venueSymbol");
        tickSize = tickSize == null ? BigDecimal.ZERO : tickSize;
        stepSize = stepSize == null ? BigDecimal.ZERO : stepSize;
        minQuantity = minQuantity == null ? BigDecimal.ZERO : minQuantity;
        minNotional = minNotional == null ? BigDecimal.ZERO : minNotional;
    }

    /** Rules that allow anything: for venues that publish none. */
    public static InstrumentSpec unrestricted(Instrument instrument) {
        return new InstrumentSpec(instrument, instrument.base() + instrument.quote(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, BigDecimal.ZERO, true);
    }

    /** The price rounded down to the tick size (unchanged when there is none). */
    public BigDecimal roundPriceDown(BigDecimal price) {
        return roundDown(price, tickSize);
    }

    /** The price rounded up to the tick size (unchanged when there is none). */
    public BigDecimal roundPriceUp(BigDecimal price) {
        if (tickSize.signum() == 0) {
            return price;
        }
        return price.divide(tickSize, 0, RoundingMode.CEILING).multiply(tickSize).stripTrailingZeros();
    }

    /** The quantity rounded down to the step size (unchanged when there is none). */
    public BigDecimal roundQuantityDown(BigDecimal quantity) {
        return roundDown(quantity, stepSize);
    }

    private static BigDecimal roundDown(BigDecimal value, BigDecimal increment) {
        if (increment.signum() == 0) {
            return value;
        }
        return value.divide(increment, 0, RoundingMode.FLOOR).multiply(increment).stripTrailingZeros();
    }

    /**
     * Checks an order against the rules.
     *
     * @param price    limit price, or the reference price for a market order; {@code null} skips the price checks
     * @param quantity base quantity; {@code null} skips the quantity checks
     * @return the first rule broken, as a message for the user, or empty when the order passes
     */
    public Optional<String> violation(BigDecimal price, BigDecimal quantity) {
        String sym = venueSymbol;
        if (!trading) {
            return Optional.of("instrument " + instrument.symbol() + " is not trading on the venue");
        }
        if (price != null) {
            if (price.signum() <= 0) {
                return Optional.of("price " + price.toPlainString() + " must be positive (PRICE_FILTER) for " + sym);
            }
            if (tickSize.signum() > 0 && price.remainder(tickSize).signum() != 0) {
                return Optional.of("price " + price.toPlainString() + " is not a multiple of tick size "
                        + tickSize.toPlainString() + " (PRICE_FILTER) for " + sym);
            }
        }
        if (quantity != null) {
            if (quantity.signum() <= 0) {
                return Optional.of("quantity " + quantity.toPlainString() + " must be positive (LOT_SIZE) for " + sym);
            }
            if (quantity.compareTo(minQuantity) < 0) {
                return Optional.of("quantity " + quantity.toPlainString() + " below LOT_SIZE minimum "
                        + minQuantity.toPlainString() + " for " + sym);
            }
            if (maxQuantity != null && maxQuantity.signum() > 0 && quantity.compareTo(maxQuantity) > 0) {
                return Optional.of("quantity " + quantity.toPlainString() + " above LOT_SIZE maximum "
                        + maxQuantity.toPlainString() + " for " + sym);
            }
            if (stepSize.signum() > 0 && quantity.remainder(stepSize).signum() != 0) {
                return Optional.of("quantity " + quantity.toPlainString() + " is not a multiple of LOT_SIZE step "
                        + stepSize.toPlainString() + " for " + sym);
            }
        }
        if (price != null && quantity != null && minNotional.signum() > 0
                && price.multiply(quantity).compareTo(minNotional) < 0) {
            return Optional.of("notional " + price.multiply(quantity).stripTrailingZeros().toPlainString()
                    + " below MIN_NOTIONAL " + minNotional.toPlainString() + " for " + sym);
        }
        return Optional.empty();
    }
}
