package io.cambist.core.internal.strategy;

import java.math.BigDecimal;
import java.math.MathContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Side;
import io.cambist.api.model.Ticker;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.core.internal.journal.JournalRecord.ExitSaved;
import io.cambist.core.internal.portfolio.PositionState;

/**
 * Enforces an instance's exit rules on its long position, on its instance thread. At the close of candle <i>i</i>,
 * with the state from before <i>i</i>: stop loss if {@code low <= stop level}, else trailing stop if armed and
 * {@code low <= highest × (1 − callback%)}, else take profit if {@code high >= take level}; only then the highest price
 * is raised to {@code high} (when armed) and the trailing stop arms if {@code high} reached the activation level. A
 * ticker newer than the last candle is checked the same way with low = high = its price; tickers at or before the
 * last candle's close add nothing and are skipped. An exit closes the position: the instance's open orders are
 * cancelled first (so a bot's resting sells no longer lock the base), then a market sell of the whole position is
 * sent, tagged {@code exit:stopLoss}, {@code exit:trailingStop} or {@code exit:takeProfit}; one at a time. While it is
 * in flight the instance's other new orders are refused, so the strategy cannot re-open what the exit closes.
 */
final class ExitTracker {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Logger logger = LoggerFactory.getLogger(ExitTracker.class);
    private final StrategyInstance owner;
    private volatile ExitRules rules = ExitRules.NONE;
    private volatile boolean fromContext;
    private boolean armed;
    private BigDecimal highest;
    private ClientOrderId pending;
    private long lastCandleTime = Long.MIN_VALUE;
    private String lastRefusal;
    private PositionState position;
    private BigDecimal levelsFor;
    private BigDecimal stopLevel;
    private BigDecimal takeLevel;
    private BigDecimal activationLevel;

    ExitTracker(StrategyInstance owner) {
        this.owner = owner;
    }

    ExitRules rules() {
        return rules;
    }

    boolean active() {
        return !rules.isEmpty();
    }

    synchronized boolean armed() {
        return armed;
    }

    synchronized BigDecimal highest() {
        return highest;
    }

    /** Rules from the {@code exit.*} parameters; ignored once the strategy set its own. */
    synchronized void fromParameters(ExitRules fromParams) {
        if (!fromContext) {
            rules = fromParams;
            levelsFor = null;
        }
    }

    /** Rules set by the strategy through its context. */
    synchronized void set(ExitRules newRules) {
        rules = newRules == null ? ExitRules.NONE : newRules;
        fromContext = true;
        levelsFor = null;
        save();
    }

    /** State read back from the journal. */
    synchronized void restore(ExitSaved saved) {
        if (saved.rules() != null) {
            rules = saved.rules();
            fromContext = true;
        }
        armed = saved.armed();
        highest = saved.highest();
        levelsFor = null;
    }

    /** The position the exits watch changed owner (new settings). */
    synchronized void rebind() {
        position = null;
        levelsFor = null;
        lastCandleTime = Long.MIN_VALUE;
    }

    void onMarket(MarketEvent m, Instrument instrument) {
        if (!m.instrument().equals(instrument)) {
            return;
        }
        if (m instanceof Candle c) {
            lastCandleTime = c.time();
            evaluate(c.low(), c.high(), instrument);
        } else if (m instanceof Ticker t && t.time() > lastCandleTime) {
            BigDecimal p = t.price();
            if (p != null) {
                evaluate(p, p, instrument);
            }
        }
    }

    void onOrderEvent(OrderEvent e) {
        ClientOrderId p = pending;
        if (p != null && p.equals(e.order().clientOrderId()) && e.status().isTerminal()) {
            synchronized (this) {
                pending = null;
            }
        }
    }

    private void evaluate(BigDecimal low, BigDecimal high, Instrument instrument) {
        PositionState ps = position;
        if (ps == null) {
            ps = owner.positionState();
            position = ps;
        }
        PositionState.Core core = ps.core();
        if (core.quantity().signum() <= 0 || core.average() == null) {
            if (armed || highest != null) {
                synchronized (this) {
                    armed = false;
                    highest = null;
                    save();
                }
            }
            return;
        }
        if (pending != null) {
            return;
        }
        ExitRules r = rules;
        levels(r, core.average());
        String kind = null;
        if (stopLevel != null && low.compareTo(stopLevel) <= 0) {
            kind = "stopLoss";
        } else if (armed && highest != null && r.trailingCallbackPercent() != null && low.compareTo(
                highest.multiply(HUNDRED.subtract(r.trailingCallbackPercent())).divide(HUNDRED, MathContext.DECIMAL64)) <= 0) {
            kind = "trailingStop";
        } else if (takeLevel != null && high.compareTo(takeLevel) >= 0) {
            kind = "takeProfit";
        }
        if (kind != null) {
            exit(kind, core.quantity(), instrument);
            return;
        }
        if (r.trailingCallbackPercent() != null) {
            if (armed) {
                if (high.compareTo(highest) > 0) {
                    synchronized (this) {
                        highest = high;
                        save();
                    }
                }
            } else if (high.compareTo(activationLevel) >= 0) {
                synchronized (this) {
                    armed = true;
                    highest = high;
                    save();
                }
            }
        }
    }

    private void levels(ExitRules r, BigDecimal average) {
        if (average == levelsFor) {
            return;
        }
        BigDecimal stop = r.stopLossPrice();
        if (r.stopLossPercent() != null) {
            BigDecimal pct = percentOf(average, HUNDRED.subtract(r.stopLossPercent()));
            stop = stop == null ? pct : stop.max(pct);
        }
        stopLevel = stop;
        takeLevel = r.takeProfitPercent() == null ? null : percentOf(average, HUNDRED.add(r.takeProfitPercent()));
        activationLevel = r.trailingActivationPercent() == null ? null
                : percentOf(average, HUNDRED.add(r.trailingActivationPercent()));
        levelsFor = average;
    }

    private static BigDecimal percentOf(BigDecimal value, BigDecimal percent) {
        return value.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64);
    }

    private void exit(String kind, BigDecimal quantity, Instrument instrument) {
        InstrumentSpec spec = owner.spec(instrument);
        BigDecimal q = spec == null ? quantity : spec.roundQuantityDown(quantity);
        if (q.signum() <= 0) {
            refused(kind, "position " + quantity.toPlainString() + " rounds to zero at the venue's step size");
            return;
        }
        owner.cancelOwnOrders();
        Order o = owner.submitInternal(OrderRequest.market(instrument, Side.SELL, q).withTag(ExitRules.TAG_PREFIX + kind));
        if (o.status() == OrderStatus.REJECTED) {
            refused(kind, o.reason());
            return;
        }
        synchronized (this) {
            pending = o.clientOrderId();
            lastRefusal = null;
        }
        logger.info("instance {}: {} exit, selling {} {} (order {})", owner.id(), kind, q.toPlainString(),
                instrument.base(), o.clientOrderId());
    }

    /** Why a new order of the instance is refused while its exit is in flight, or {@code null}. */
    String refusal(OrderRequest request) {
        ClientOrderId p = pending;
        if (p == null || ExitRules.exitKind(request.tag()).isPresent()) {
            return null;
        }
        return "the position is being closed by exit order " + p + "; new orders wait until it has finished";
    }

    private void refused(String kind, String why) {
        String text = kind + ": " + why;
        if (!text.equals(lastRefusal)) {
            lastRefusal = text;
            logger.warn("instance {}: {} exit could not be placed: {}", owner.id(), kind, why);
        }
    }

    private void save() {
        owner.saveExitState(new ExitSaved(owner.id(), fromContext ? rules : null, armed, highest));
    }
}
