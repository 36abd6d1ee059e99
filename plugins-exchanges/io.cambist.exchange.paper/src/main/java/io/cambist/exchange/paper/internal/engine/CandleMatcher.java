package io.cambist.exchange.paper.internal.engine;

import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;

import io.cambist.api.model.Candle;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;

/**
 * Matches open orders against one candle: market orders at its open; limits at the open when it gapped through them
 * (taker) or at the limit when the range reaches it (maker); stops trigger on the range. With a volume limit, orders
 * share a part of the candle's volume in placement order and may fill partly.
 */
final class CandleMatcher {

    /** Where the matcher's results go. */
    interface Outcome {
        /** A fresh trade id. */
        String tradeId();

        /** The order filled (balances already moved). */
        void filled(EngineOrder order, Fill fill);

        /** A stop order triggered (no status change, nothing to report). */
        void triggered(EngineOrder order);

        /** The order ended (expired or rejected) without a fill. */
        void ended(EngineOrder order);
    }

    private final InstrumentSpec spec;
    private final String base;
    private final String quote;
    private final BigDecimal makerFee;
    private final BigDecimal takerFee;
    private final BigDecimal volumeLimit;
    private final Balances balances;
    private final Funds funds;
    private final Outcome outcome;
    private BigDecimal capacity;

    CandleMatcher(EngineSettings settings, Balances balances, Funds funds, Outcome outcome) {
        this.spec = settings.spec();
        this.base = spec.instrument().base();
        this.quote = spec.instrument().quote();
        this.makerFee = settings.makerFee();
        this.takerFee = settings.takerFee();
        this.volumeLimit = settings.volumeLimit();
        this.balances = balances;
        this.funds = funds;
        this.outcome = outcome;
    }

    /** Starts a candle: resets the volume the orders may share. */
    void begin(Candle c) {
        capacity = volumeLimit.signum() > 0 ? c.volume().multiply(volumeLimit) : null;
    }

    void match(EngineOrder o, Candle c) {
        EngineOrder.Terms t = o.terms();
        switch (t.type()) {
            case MARKET:
                execute(o, c.open(), Liquidity.TAKER, c.openTime());
                expireRest(o, c.time(), "market order");
                return;
            case STOP_MARKET:
            case STOP_LIMIT:
                if (!o.triggered) {
                    trigger(o, c);
                } else {
                    matchLimit(o, c);
                }
                return;
            default:
                matchLimit(o, c);
        }
    }

    /** Stops trigger when the candle's range reaches the stop: at the open if it gapped through, else at the stop. */
    private void trigger(EngineOrder o, Candle c) {
        EngineOrder.Terms t = o.terms();
        boolean buy = t.side() == Side.BUY;
        BigDecimal stop = t.stopPrice();
        boolean atOpen = buy ? c.open().compareTo(stop) >= 0 : c.open().compareTo(stop) <= 0;
        boolean inRange = buy ? c.high().compareTo(stop) >= 0 : c.low().compareTo(stop) <= 0;
        if (!atOpen && !inRange) {
            return;
        }
        BigDecimal price = atOpen ? c.open() : stop;
        long time = atOpen ? c.openTime() : c.time();
        o.triggered = true;
        outcome.triggered(o);
        if (t.type() == OrderType.STOP_MARKET) {
            execute(o, price, Liquidity.TAKER, time);
            expireRest(o, c.time(), "stop-market order");
            return;
        }
        if (buy ? price.compareTo(t.limitPrice()) <= 0 : price.compareTo(t.limitPrice()) >= 0) {
            execute(o, price, Liquidity.TAKER, time);
        }
        if (t.timeInForce() == TimeInForce.IOC || t.timeInForce() == TimeInForce.FOK) {
            expireRest(o, c.time(), t.timeInForce() + " stop-limit order");
        }
    }

    private void matchLimit(EngineOrder o, Candle c) {
        EngineOrder.Terms t = o.terms();
        BigDecimal limit = t.limitPrice();
        boolean buy = t.side() == Side.BUY;
        if (buy ? c.open().compareTo(limit) <= 0 : c.open().compareTo(limit) >= 0) {
            if (t.timeInForce() == TimeInForce.POST_ONLY) {
                execute(o, limit, Liquidity.MAKER, c.openTime());
            } else {
                execute(o, c.open(), Liquidity.TAKER, c.openTime());
            }
        } else if (buy ? c.low().compareTo(limit) <= 0 : c.high().compareTo(limit) >= 0) {
            execute(o, limit, Liquidity.MAKER, c.time());
        }
        if (t.timeInForce() == TimeInForce.IOC || t.timeInForce() == TimeInForce.FOK) {
            expireRest(o, c.time(), t.timeInForce() + " order");
        }
    }

    /** Fills as much of the order as the candle allows at one price, or rejects it when the balance cannot pay. */
    private void execute(EngineOrder o, BigDecimal price, Liquidity liquidity, long time) {
        EngineOrder.Terms t = o.terms();
        boolean buy = t.side() == Side.BUY;
        BigDecimal rate = liquidity == Liquidity.MAKER ? makerFee : takerFee;
        BigDecimal qty;
        boolean exactQuote = t.quoteQuantity() != null;
        if (exactQuote) {
            qty = buy ? funds.buyQuantity(t.quoteQuantity(), price, rate) : funds.sellQuantity(t.quoteQuantity(), price, rate);
            if (qty.signum() <= 0 || qty.compareTo(spec.minQuantity()) < 0) {
                fail(o, "quote amount " + Funds.plain(t.quoteQuantity()) + " " + quote + " comes to " + Funds.plain(qty)
                        + " " + base + " at " + Funds.plain(price) + ": too small to trade (LOT_SIZE minimum "
                        + Funds.plain(spec.minQuantity()) + ", step " + Funds.plain(spec.stepSize()) + ")", time);
                return;
            }
        } else {
            qty = o.remaining();
        }
        if (capacity != null && qty.compareTo(capacity) > 0) {
            if (t.timeInForce() == TimeInForce.FOK) {
                end(o, OrderStatus.EXPIRED, "fill-or-kill order for " + Funds.plain(qty) + " " + base
                        + " could not be filled completely: only " + Funds.plain(capacity)
                        + " available within the candle's volume limit", time);
                return;
            }
            qty = funds.roundDown(capacity);
            exactQuote = false;
            if (qty.signum() <= 0) {
                return;
            }
        }
        BigDecimal notional = qty.multiply(price);
        BigDecimal fee;
        if (exactQuote) {
            // the fee takes the rounding of the quantity, so the quote amount is spent (or received) exactly
            fee = buy ? t.quoteQuantity().subtract(notional) : notional.subtract(t.quoteQuantity());
        } else {
            fee = notional.multiply(rate);
        }
        String currency = buy ? quote : base;
        BigDecimal need = buy ? notional.add(fee) : qty;
        BigDecimal have = balances.free(currency).add(o.locked);
        if (need.compareTo(have) > 0) {
            fail(o, Funds.insufficient(need, currency, have), time);
            return;
        }
        funds.release(o);
        if (buy) {
            balances.debit(quote, need);
            balances.credit(base, qty);
        } else {
            balances.debit(base, qty);
            balances.credit(quote, notional.subtract(fee));
        }
        o.addFill(qty, price, notional);
        o.fees = o.fees.add(fee);
        o.updatedTime = time;
        boolean done = exactQuote || (t.quantity() != null && o.filled.compareTo(t.quantity()) >= 0);
        o.status = done ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!done && (t.type() == OrderType.LIMIT || t.type() == OrderType.STOP_LIMIT)) {
            funds.relock(o);
        }
        if (capacity != null) {
            capacity = capacity.subtract(qty);
        }
        outcome.filled(o, new Fill(outcome.tradeId(), t.clientOrderId(), t.venueOrderId(), spec.instrument(), t.side(),
                price, qty, fee, quote, liquidity, time));
    }

    private void expireRest(EngineOrder o, long time, String what) {
        if (o.status.isOpen()) {
            boolean volume = capacity != null && capacity.compareTo(ZERO) <= 0;
            String reason = o.filled.signum() == 0 ? what + " expired unfilled" + (volume ? ": the candle's volume limit"
                    + " was used up" : "") : what + " expired with part unfilled: the candle's volume limit was reached";
            end(o, OrderStatus.EXPIRED, reason, time);
        }
    }

    private void fail(EngineOrder o, String reason, long time) {
        end(o, o.filled.signum() == 0 ? OrderStatus.REJECTED : OrderStatus.EXPIRED, reason, time);
    }

    private void end(EngineOrder o, OrderStatus status, String reason, long time) {
        funds.release(o);
        o.status = status;
        o.reason = reason;
        o.updatedTime = time;
        outcome.ended(o);
    }
}
