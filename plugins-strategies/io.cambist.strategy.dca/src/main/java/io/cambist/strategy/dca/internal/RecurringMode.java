package io.cambist.strategy.dca.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * Recurring buys: a market buy of {@code baseOrderQuote} at the first candle, then at the first candle closing at or
 * after each further {@code interval} on the candle clock (so a backtest buys on the same schedule as live trading).
 * Missed buys (the bot was stopped) are not caught up: the next buy is the next one due. On a venue that cannot size a
 * market order by quote amount, the quantity is worked out from the last close instead.
 */
final class RecurringMode {

    static final String TAG = "dca:buy";
    static final int VERSION = 1;

    private final Logger logger = LoggerFactory.getLogger(RecurringMode.class);
    private final StrategyContext context;
    private final DcaSettings settings;
    private final InstrumentSpec spec;
    private final Instrument instrument;
    private long nextBuy = Long.MIN_VALUE;
    private int buys;
    private boolean byQuantity;
    private boolean fundsLogged;
    private BigDecimal lastClose;

    RecurringMode(StrategyContext context, DcaSettings settings, InstrumentSpec spec) {
        this.context = context;
        this.settings = settings;
        this.spec = spec;
        this.instrument = context.instrument();
    }

    void restore(Optional<StrategySnapshot> saved) {
        saved.filter(s -> s.version() == VERSION && "recurring".equals(s.get("mode"))).ifPresent(s -> {
            try {
                nextBuy = Long.parseLong(s.get("nextBuy"));
                buys = Integer.parseInt(s.get("buys"));
                byQuantity = Boolean.parseBoolean(s.get("byQuantity"));
            } catch (RuntimeException e) {
                logger.warn("dca {}: the saved schedule cannot be read ({}); buying at the next candle",
                        context.instanceId(), e.toString());
            }
        });
    }

    void onCandle(Candle c) {
        lastClose = c.close();
        if (nextBuy == Long.MIN_VALUE) {
            nextBuy = c.time();
        }
        if (c.time() < nextBuy) {
            return;
        }
        long step = settings.interval().toMillis();
        while (nextBuy <= c.time()) {
            nextBuy += step;
        }
        buy();
    }

    private void buy() {
        BigDecimal free = context.balance(instrument.quote()).free();
        if (free.compareTo(settings.baseOrderQuote()) < 0) {
            if (!fundsLogged) {
                logger.warn("dca {}: not enough {} for the recurring buy of {} (free {}); skipping buys until there is",
                        context.instanceId(), instrument.quote(), plain(settings.baseOrderQuote()), plain(free));
                fundsLogged = true;
            }
            return;
        }
        fundsLogged = false;
        OrderRequest request;
        if (byQuantity) {
            BigDecimal q = settings.baseOrderQuote().divide(lastClose, SafetyPlan.QUANTITY_SCALE + 10, RoundingMode.DOWN);
            q = spec.stepSize().signum() > 0 ? spec.roundQuantityDown(q) : q.setScale(SafetyPlan.QUANTITY_SCALE,
                    RoundingMode.DOWN);
            if (q.signum() <= 0) {
                return;
            }
            request = OrderRequest.market(instrument, Side.BUY, q.stripTrailingZeros());
        } else {
            request = OrderRequest.marketQuote(instrument, Side.BUY, settings.baseOrderQuote());
        }
        Order o = context.submit(request.withTag(TAG));
        if (o.status() != OrderStatus.REJECTED) {
            buys++;
        } else {
            refused(o);
        }
    }

    void onOrderEvent(OrderEvent e) {
        Order o = e.order();
        if (TAG.equals(o.tag()) && o.status() == OrderStatus.REJECTED && e.previous() != null) {
            buys--;
            refused(o);
        } else if (TAG.equals(o.tag()) && o.status() == OrderStatus.FILLED) {
            logger.info("dca {}: recurring buy {} filled: {} {} at {}", context.instanceId(), buys,
                    plain(o.filledQuantity()), instrument.base(), plain(o.averagePrice()));
        }
    }

    private void refused(Order o) {
        String reason = o.reason() == null ? "" : o.reason();
        if (!byQuantity && reason.contains("MARKET_ORDER_BY_QUOTE") && lastClose != null) {
            logger.info("dca {}: the venue cannot size market orders by quote amount; buying by quantity from now on",
                    context.instanceId());
            byQuantity = true;
            buy();
            return;
        }
        logger.warn("dca {}: the recurring buy was refused: {}", context.instanceId(), reason);
    }

    StrategySnapshot snapshot() {
        Map<String, String> m = new TreeMap<>();
        m.put("mode", "recurring");
        m.put("nextBuy", Long.toString(nextBuy));
        m.put("buys", Integer.toString(buys));
        m.put("byQuantity", Boolean.toString(byQuantity));
        return new StrategySnapshot(VERSION, m);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
