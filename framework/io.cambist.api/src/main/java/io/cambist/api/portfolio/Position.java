package io.cambist.api.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.model.Instrument;

/**
 * A holding of an instrument's base currency, built from fills (spot: long or flat).
 *
 * @param account           venue account
 * @param strategyId        owning strategy instance, or {@code null} for the account-wide position
 * @param instrument        the instrument
 * @param quantity          base quantity held
 * @param averageEntryPrice volume-weighted price of the quantity held, or {@code null} when flat
 * @param realizedPnl       profit and loss closed so far, in the quote currency, after fees
 * @param unrealizedPnl     (last price − average entry) × quantity, in the quote currency
 * @param fees              fees paid, in the quote currency
 * @param lastPrice         last known market price, or {@code null}
 */
public record Position(String account, String strategyId, Instrument instrument, BigDecimal quantity,
        BigDecimal averageEntryPrice, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees,
        BigDecimal lastPrice) {

    public Position {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(quantity, "quantity");
        realizedPnl = realizedPnl == null ? BigDecimal.ZERO : realizedPnl;
        unrealizedPnl = unrealizedPnl == null ? BigDecimal.ZERO : unrealizedPnl;
        fees = fees == null ? BigDecimal.ZERO : fees;
    }

    /** A flat position. */
    public static Position flat(String account, String strategyId, Instrument instrument) {
        return new Position(account, strategyId, instrument, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null);
    }

    /** True when nothing is held. */
    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    /** Realized plus unrealized. */
    public BigDecimal totalPnl() {
        return realizedPnl.add(unrealizedPnl);
    }
}
