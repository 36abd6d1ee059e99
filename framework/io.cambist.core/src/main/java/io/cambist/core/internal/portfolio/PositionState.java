package io.cambist.core.internal.portfolio;

import java.math.BigDecimal;
import java.math.MathContext;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.portfolio.Position;
import io.cambist.core.internal.journal.JournalRecord.PositionSaved;

/**
 * One position built from fills (signed: a strategy that sells inventory it did not buy goes below zero). Changed only
 * under the engine's book lock; each change publishes an immutable {@link Core} that readers use without locking.
 * <p>
 * Accounting: the average entry is the volume-weighted price of the quantity held; reducing the position realizes
 * (price − average) × quantity; every fee (buy or sell, valued in the quote currency) is subtracted from realized P&amp;L
 * when paid, so realized + unrealized always equals the change in equity.
 */
public final class PositionState {

    static final MathContext MC = MathContext.DECIMAL64;
    private static final long DAY = 86_400_000L;

    /** An immutable view of the position's numbers. */
    public record Core(BigDecimal quantity, BigDecimal average, BigDecimal realized, BigDecimal fees, long day,
            BigDecimal realizedAtDayStart) {
    }

    private static final Core FLAT = new Core(BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, Long.MIN_VALUE,
            BigDecimal.ZERO);

    private final String account;
    private final String strategyId;
    private final Instrument instrument;
    private volatile Core core = FLAT;
    private long version;

    public PositionState(String account, String strategyId, Instrument instrument) {
        this.account = account;
        this.strategyId = strategyId;
        this.instrument = instrument;
    }

    public String account() {
        return account;
    }

    public String strategyId() {
        return strategyId;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The current numbers. */
    public Core core() {
        return core;
    }

    /** Increases on every change (cheap change detection for hot paths). */
    public long version() {
        return version;
    }

    /**
     * Applies a fill.
     *
     * @param baseFee  fee charged in the base currency (reduces the quantity received), or zero
     * @param quoteFee the whole fee valued in the quote currency
     */
    public void apply(Side side, BigDecimal price, BigDecimal quantity, BigDecimal baseFee, BigDecimal quoteFee,
            long time) {
        Core c = core;
        BigDecimal held = c.quantity;
        BigDecimal average = c.average;
        BigDecimal realized = c.realized;
        BigDecimal signed = side == Side.BUY ? quantity : quantity.negate();
        long day = Math.floorDiv(time, DAY);
        BigDecimal atDayStart = day == c.day ? c.realizedAtDayStart : realized;
        if (held.signum() == 0 || held.signum() == signed.signum()) {
            BigDecimal absHeld = held.abs();
            average = average == null || absHeld.signum() == 0 ? price
                    : average.multiply(absHeld).add(price.multiply(quantity)).divide(absHeld.add(quantity), MC);
            held = held.add(signed);
        } else {
            BigDecimal closing = quantity.min(held.abs());
            BigDecimal perUnit = held.signum() > 0 ? price.subtract(average) : average.subtract(price);
            realized = realized.add(perUnit.multiply(closing));
            held = held.add(signed);
            if (held.signum() == 0) {
                average = null;
            } else if (held.signum() == signed.signum()) {
                average = price; // flipped: the remainder opened at this price
            }
        }
        if (baseFee.signum() != 0) {
            held = held.subtract(baseFee);
            if (held.signum() == 0) {
                average = null;
            }
        }
        realized = realized.subtract(quoteFee);
        core = new Core(held, average, realized, c.fees.add(quoteFee), day, atDayStart);
        version++;
    }

    /** Restores the numbers from a checkpoint. */
    public void restore(PositionSaved saved) {
        core = new Core(saved.quantity(), saved.average(), saved.realized(), saved.fees(), saved.day(),
                saved.realizedAtDayStart());
        version++;
    }

    /** Realized P&amp;L since 00:00 UTC of {@code now}'s day. */
    public BigDecimal realizedToday(long now) {
        Core c = core;
        return Math.floorDiv(now, DAY) == c.day ? c.realized.subtract(c.realizedAtDayStart) : BigDecimal.ZERO;
    }

    /** The position as the API shows it, valued at {@code lastPrice} (may be {@code null}). */
    public Position toPosition(BigDecimal lastPrice) {
        Core c = core;
        BigDecimal unrealized = lastPrice == null || c.average == null || c.quantity.signum() == 0 ? BigDecimal.ZERO
                : lastPrice.subtract(c.average).multiply(c.quantity);
        return new Position(account, strategyId, instrument, c.quantity, c.average, c.realized, unrealized, c.fees,
                lastPrice);
    }

    /** The checkpoint record. */
    public PositionSaved toRecord() {
        Core c = core;
        return new PositionSaved(account, strategyId, instrument, c.quantity, c.average, c.realized, c.fees, c.day,
                c.realizedAtDayStart);
    }
}
