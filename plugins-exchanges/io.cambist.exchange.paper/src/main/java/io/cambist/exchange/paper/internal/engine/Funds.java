package io.cambist.exchange.paper.internal.engine;

import static java.math.BigDecimal.ONE;
import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;

/**
 * The money side of orders: what an order locks while it rests, what quantity a quote amount buys or sells, and the
 * messages for a balance that cannot pay.
 */
final class Funds {

    /** Decimal places of quantities derived from a quote amount when the instrument has no step size. */
    static final int DERIVED_SCALE = 18;

    private final InstrumentSpec spec;
    private final String base;
    private final String quote;
    private final BigDecimal takerFee;
    private final BigDecimal lockFee;
    private final Balances balances;

    Funds(EngineSettings settings, Balances balances) {
        this.spec = settings.spec();
        this.base = spec.instrument().base();
        this.quote = spec.instrument().quote();
        this.takerFee = settings.takerFee();
        this.lockFee = settings.makerFee().max(settings.takerFee());
        this.balances = balances;
    }

    /**
     * Locks what a new order may spend: quantity × limit × (1 + the higher fee) for limit buys, quantity × stop ×
     * (1 + taker fee) for stop-market buys, the estimate at the last price for market buys, the quote amount for buys
     * by quote amount, and the base quantity (or its estimate) for sells.
     *
     * @return {@code null} when locked, else why the order cannot be accepted
     */
    String reserve(EngineOrder o, BigDecimal lastPrice, String noPrice) {
        EngineOrder.Terms t = o.terms();
        boolean buy = t.side() == Side.BUY;
        BigDecimal need;
        if (buy) {
            switch (t.type()) {
                case LIMIT:
                case STOP_LIMIT:
                    need = t.quantity().multiply(t.limitPrice()).multiply(ONE.add(lockFee));
                    break;
                case STOP_MARKET:
                    need = t.quantity().multiply(t.stopPrice()).multiply(ONE.add(takerFee));
                    break;
                default:
                    if (t.quoteQuantity() != null) {
                        need = t.quoteQuantity();
                    } else if (lastPrice == null) {
                        return noPrice;
                    } else {
                        need = t.quantity().multiply(lastPrice).multiply(ONE.add(takerFee));
                    }
            }
        } else if (t.quoteQuantity() != null) {
            if (lastPrice == null) {
                return noPrice;
            }
            need = sellQuantity(t.quoteQuantity(), lastPrice, takerFee);
        } else {
            need = t.quantity();
        }
        String currency = buy ? quote : base;
        BigDecimal free = balances.free(currency);
        if (free.compareTo(need) < 0) {
            return insufficient(need, currency, free);
        }
        balances.lock(currency, need);
        o.locked = need;
        return null;
    }

    /** Re-locks what the unfilled rest of a resting limit order may still spend. */
    void relock(EngineOrder o) {
        EngineOrder.Terms t = o.terms();
        boolean buy = t.side() == Side.BUY;
        String currency = buy ? quote : base;
        BigDecimal need = buy ? o.remaining().multiply(t.limitPrice()).multiply(ONE.add(lockFee)) : o.remaining();
        need = need.min(balances.free(currency));
        balances.lock(currency, need);
        o.locked = need;
    }

    /** Unlocks everything the order holds. */
    void release(EngineOrder o) {
        balances.unlock(o.terms().side() == Side.BUY ? quote : base, o.locked);
        o.locked = ZERO;
    }

    /** Quantity bought by spending exactly {@code amount} including the fee: amount / (price × (1 + fee)), rounded down. */
    BigDecimal buyQuantity(BigDecimal amount, BigDecimal price, BigDecimal rate) {
        return roundDown(amount.divide(price.multiply(ONE.add(rate)), DERIVED_SCALE, RoundingMode.DOWN));
    }

    /** Quantity to sell to receive exactly {@code amount} after the fee: amount / (price × (1 - fee)), rounded up. */
    BigDecimal sellQuantity(BigDecimal amount, BigDecimal price, BigDecimal rate) {
        BigDecimal q = amount.divide(price.multiply(ONE.subtract(rate)), DERIVED_SCALE, RoundingMode.UP);
        if (spec.stepSize().signum() > 0) {
            q = q.divide(spec.stepSize(), 0, RoundingMode.CEILING).multiply(spec.stepSize());
        }
        return q.signum() == 0 ? ZERO : q.stripTrailingZeros();
    }

    /** A quantity rounded down to the step size (or to {@link #DERIVED_SCALE} places without one). */
    BigDecimal roundDown(BigDecimal q) {
        BigDecimal r = spec.stepSize().signum() > 0 ? spec.roundQuantityDown(q)
                : q.setScale(Math.min(q.scale(), DERIVED_SCALE), RoundingMode.DOWN);
        return r.signum() == 0 ? ZERO : r.stripTrailingZeros();
    }

    static String insufficient(BigDecimal need, String currency, BigDecimal have) {
        return "insufficient balance: need " + plain(need) + " " + currency + ", have " + plain(have);
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
