package io.cambist.strategy.dca.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.strategy.dca.internal.CycleState.Phase;

/**
 * Safety-order cycles. A cycle opens with a market buy of {@code baseOrderQuote}; when it fills, the safety orders go
 * out as buy limits below the entry ({@link SafetyPlan}) and one take-profit sell limit for the whole position at
 * {@code takeProfit} % above the true average entry (the volume-weighted price of every buy filled in the cycle, as
 * the portfolio keeps it). Every buy fill moves the average, so the take profit is cancelled and placed again. When it
 * fills, the remaining safety orders are cancelled and the next candle opens a new cycle. The optional stop loss
 * sells everything and halts the bot.
 */
final class SafetyMode {

    static final String TAG_BASE = "dca:base";
    static final String TAG_SAFETY = "dca:so";
    static final String TAG_TAKE_PROFIT = "dca:tp";
    private static final int MAX_BACKOFF = 64;

    private final Logger logger = LoggerFactory.getLogger(SafetyMode.class);
    private final StrategyContext context;
    private final DcaSettings settings;
    private final InstrumentSpec spec;
    private final Instrument instrument;
    final CycleState state = new CycleState();
    private long candles;
    private boolean fundsLogged;

    SafetyMode(StrategyContext context, DcaSettings settings, InstrumentSpec spec) {
        this.context = context;
        this.settings = settings;
        this.spec = spec;
        this.instrument = context.instrument();
    }

    // ---------------------------------------------------------------- restart and hot swap

    /** Takes over from a previous incarnation: its snapshot, corrected by the open orders (which the core keeps). */
    void restore(Optional<StrategySnapshot> saved) {
        boolean known = saved.isPresent() && state.restore(saved.get());
        List<Order> open = context.openOrders();
        state.safety.clear();
        ClientOrderId tp = null;
        for (Order o : open) {
            String tag = o.tag() == null ? "" : o.tag();
            if (tag.startsWith(TAG_SAFETY)) {
                state.safety.put(Integer.parseInt(tag.substring(TAG_SAFETY.length())), o.clientOrderId());
            } else if (tag.equals(TAG_TAKE_PROFIT)) {
                if (tp != null) {
                    context.cancel(tp);
                }
                tp = o.clientOrderId();
            } else if (tag.equals(TAG_BASE)) {
                state.base = o.clientOrderId();
                state.phase = Phase.BASE;
            }
        }
        Position position = context.position();
        if (!known) {
            state.phase = state.base != null ? Phase.BASE : position.quantity().signum() > 0 ? Phase.OPEN : Phase.IDLE;
            state.entry = position.averageEntryPrice();
        }
        Order lastTp = state.takeProfit == null ? null : context.order(state.takeProfit).orElse(null);
        state.takeProfit = tp;
        if (state.phase == Phase.BASE) {
            Order base = state.base == null ? null : context.order(state.base).orElse(null);
            if (base == null || !base.isOpen()) {
                if (base != null && base.filledQuantity().signum() > 0) {
                    baseFinished(base);
                    return;
                }
                state.phase = position.quantity().signum() > 0 ? Phase.OPEN : Phase.IDLE;
            }
        }
        if (state.phase == Phase.OPEN && tp == null) {
            if (lastTp != null && lastTp.status() == OrderStatus.FILLED) {
                endCycle("take profit (filled while the bot was away)");
            } else {
                state.takeProfitNeeded = spec.roundQuantityDown(position.quantity()).signum() > 0;
            }
        }
        checkEnded();
    }

    // ---------------------------------------------------------------- candles

    void onCandle(Candle c) {
        candles++;
        checkEnded();
        if (state.phase == Phase.IDLE && candles >= state.retryAt) {
            open();
        } else if (state.phase == Phase.OPEN) {
            Position p = context.position();
            if (settings.stopLoss() != null && p.averageEntryPrice() != null && p.quantity().signum() > 0) {
                BigDecimal level = SafetyPlan.stopLoss(settings, p.averageEntryPrice());
                if (c.low().compareTo(level) <= 0) {
                    stop("stop loss: the price fell to " + plain(c.low()) + ", at or below " + plain(level) + " ("
                            + plain(settings.stopLoss()) + " % below the average entry " + plain(p.averageEntryPrice())
                            + ")");
                    return;
                }
            }
            if (state.takeProfitNeeded && context.openOrders().stream().noneMatch(o -> ExitRules.exitKind(o.tag()).isPresent())) {
                placeTakeProfit();
            }
        }
    }

    /** Opens a cycle with a market buy of the base order's quote amount. */
    private void open() {
        BigDecimal free = context.balance(instrument.quote()).free();
        if (free.compareTo(settings.baseOrderQuote()) < 0) {
            if (!fundsLogged) {
                logger.warn("dca {}: not enough {} to open a cycle (base order {}, free {}); waiting",
                        context.instanceId(), instrument.quote(), plain(settings.baseOrderQuote()), plain(free));
                fundsLogged = true;
            }
            return;
        }
        fundsLogged = false;
        state.reset();
        Order o = context.submit(OrderRequest.marketQuote(instrument, Side.BUY, settings.baseOrderQuote())
                .withTag(TAG_BASE));
        if (o.status() == OrderStatus.REJECTED) {
            refused("base order", o.reason());
            return;
        }
        state.started++;
        state.base = o.clientOrderId();
        state.phase = Phase.BASE;
    }

    private void refused(String what, String reason) {
        state.refusals++;
        state.retryAt = candles + Math.min(MAX_BACKOFF, 1L << Math.min(6, state.refusals - 1));
        state.phase = Phase.IDLE;
        logger.warn("dca {}: the {} was refused ({}); retrying in {} candles", context.instanceId(), what, reason,
                state.retryAt - candles);
    }

    // ---------------------------------------------------------------- order events

    void onOrderEvent(OrderEvent e) {
        Order o = e.order();
        ClientOrderId id = o.clientOrderId();
        if (e.isFill() && belongs(o)) {
            money(e.fill(), o);
        }
        if (state.phase == Phase.CLOSING) {
            if (o.tag() != null && o.tag().startsWith("close:") && o.status().isTerminal()) {
                halt(o);
            }
            return;
        }
        if (id.equals(state.base)) {
            if (o.status().isTerminal()) {
                if (o.filledQuantity().signum() > 0) {
                    baseFinished(o);
                } else {
                    refused("base order", o.reason() == null ? o.status().toString() : o.reason());
                }
            }
        } else if (state.safetyNumber(id) > 0) {
            int k = state.safetyNumber(id);
            if (o.status() == OrderStatus.FILLED) {
                state.safetyFilled++;
                logger.info("dca {}: safety order {} filled at {}; average entry now {}", context.instanceId(), k,
                        plain(o.averagePrice()), plain(context.position().averageEntryPrice()));
            }
            if (o.status().isTerminal()) {
                state.safety.remove(k);
            }
            if (e.isFill() && state.phase == Phase.OPEN) {
                placeTakeProfit();
            }
        } else if (id.equals(state.takeProfit)) {
            if (o.status() == OrderStatus.FILLED) {
                endCycle("take profit at " + plain(o.averagePrice()));
            } else if (o.status().isTerminal()) {
                state.takeProfit = null;
                state.takeProfitNeeded = true;
            }
        }
        checkEnded();
    }

    private boolean belongs(Order o) {
        String tag = o.tag() == null ? "" : o.tag();
        return tag.startsWith("dca:") || tag.startsWith("close:") || ExitRules.exitKind(tag).isPresent();
    }

    /** Adds a fill's cash flow to the cycle's money (fees in the quote currency). */
    private void money(Fill f, Order o) {
        BigDecimal notional = f.price().multiply(f.quantity());
        BigDecimal fee = f.fee();
        if (instrument.base().equals(f.feeCurrency())) {
            fee = fee.multiply(f.price());
        } else if (f.feeCurrency() != null && !instrument.quote().equals(f.feeCurrency())) {
            fee = BigDecimal.ZERO;
        }
        if (f.side() == Side.BUY) {
            state.spent = state.spent.add(notional).add(fee);
        } else {
            state.received = state.received.add(notional).subtract(fee);
        }
    }

    /** The base order filled: the safety orders and the take profit go out. */
    private void baseFinished(Order base) {
        state.refusals = 0;
        state.entry = base.averagePrice();
        state.phase = Phase.OPEN;
        if (state.safety.isEmpty()) {
            placeSafetyOrders();
        }
        placeTakeProfit();
        logger.info("dca {}: cycle {} opened: bought {} {} at {}; {} safety orders below, take profit at {}",
                context.instanceId(), state.started, plain(base.filledQuantity()), instrument.base(), plain(state.entry),
                state.safety.size(), state.takeProfit == null ? "-" : plain(context.order(state.takeProfit)
                        .map(Order::limitPrice).orElse(null)));
    }

    private void placeSafetyOrders() {
        BigDecimal free = context.balance(instrument.quote()).free();
        for (int k = 1; k <= settings.maxSafetyOrders(); k++) {
            BigDecimal price = SafetyPlan.price(settings, k, state.entry, spec);
            BigDecimal q = SafetyPlan.quantity(settings, k, price, spec);
            BigDecimal cost = price.multiply(q);
            if (q.signum() <= 0 || price.signum() <= 0 || free.compareTo(cost) < 0
                    || spec.violation(price, q).isPresent()) {
                logger.warn("dca {}: placed {} of {} safety orders: safety order {} ({} {} at {}) {}", context.instanceId(),
                        k - 1, settings.maxSafetyOrders(), k, plain(q), instrument.base(), plain(price),
                        free.compareTo(cost) < 0 ? "needs " + plain(cost) + " " + instrument.quote() + ", " + plain(free)
                                + " free" : spec.violation(price, q).orElse("is too small"));
                return;
            }
            Order o = context.submit(OrderRequest.limit(instrument, Side.BUY, q, price).withTag(TAG_SAFETY + k));
            if (o.status() == OrderStatus.REJECTED) {
                logger.warn("dca {}: safety order {} was refused: {}", context.instanceId(), k, o.reason());
                return;
            }
            state.safety.put(k, o.clientOrderId());
            free = free.subtract(cost);
        }
    }

    /** (Re)places the take profit for the whole position at its % above the average entry. */
    private void placeTakeProfit() {
        if (state.takeProfit != null) {
            context.cancel(state.takeProfit);
            state.takeProfit = null;
        }
        Position p = context.position();
        BigDecimal q = spec.roundQuantityDown(p.quantity());
        if (q.signum() <= 0 || p.averageEntryPrice() == null) {
            state.takeProfitNeeded = false;
            return;
        }
        BigDecimal price = SafetyPlan.takeProfit(settings, p.averageEntryPrice(), spec);
        Order o = context.submit(OrderRequest.limit(instrument, Side.SELL, q, price).withTag(TAG_TAKE_PROFIT));
        if (o.status() == OrderStatus.REJECTED) {
            logger.warn("dca {}: the take profit ({} at {}) was refused: {}; retrying at the next candle",
                    context.instanceId(), plain(q), plain(price), o.reason());
            state.takeProfitNeeded = true;
            return;
        }
        state.takeProfit = o.clientOrderId();
        state.takeProfitNeeded = false;
    }

    /** The cycle is over (take profit, or an exit that took profit): cancel what is left, then a new cycle. */
    void endCycle(String how) {
        state.completed++;
        BigDecimal pnl = state.received.subtract(state.spent);
        state.profit = state.profit.add(pnl);
        logger.info("dca {}: cycle {} closed by {} after {} safety orders: spent {} {}, received {}, profit {} (total {} "
                + "in {} cycles)", context.instanceId(), state.started, how, state.safetyFilled, plain(state.spent),
                instrument.quote(), plain(state.received), plain(pnl), plain(state.profit), state.completed);
        for (Order o : new ArrayList<>(context.openOrders())) {
            context.cancel(o.clientOrderId());
        }
        state.phase = Phase.ENDING;
        state.takeProfit = null;
        state.takeProfitNeeded = false;
        checkEnded();
    }

    /** ENDING becomes IDLE once no order of the bot is open any more. */
    private void checkEnded() {
        if (state.phase == Phase.ENDING && context.openOrders().isEmpty()) {
            state.phase = Phase.IDLE;
            state.reset();
        }
    }

    // ---------------------------------------------------------------- stop loss

    private void stop(String reason) {
        state.phase = Phase.CLOSING;
        state.closing = reason;
        logger.info("dca {}: {}; selling the position, cancelling the orders and stopping", context.instanceId(), reason);
        context.closePosition("dca-stopLoss");
        if (context.openOrders().stream().noneMatch(o -> o.tag() != null && o.tag().startsWith("close:"))) {
            halt(null);
        }
    }

    private void halt(Order close) {
        String why = state.closing;
        if (close != null && close.status() != OrderStatus.FILLED) {
            why += " (the closing sell ended " + close.status() + (close.reason() == null ? "" : ": " + close.reason())
                    + "; check the position)";
        }
        context.halt(why);
    }

    static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
