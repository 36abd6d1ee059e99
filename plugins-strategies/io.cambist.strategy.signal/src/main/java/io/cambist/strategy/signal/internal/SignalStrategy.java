package io.cambist.strategy.signal.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.TradingMode;

/**
 * The signal bot: one order per external signal, with the client order id the webhook returned to the sender.
 * <ul>
 * <li>buy: {@code size} (base), else {@code sizeQuote}, else the bot's {@code defaultQuote}; a market order, or a
 * limit at {@code price}; capped by the free quote balance (limit and base-sized buys keep 1 % of it for fees);</li>
 * <li>sell: {@code size}, else {@code sizeQuote} at the limit or last price, else the whole position; never more than
 * the bot holds and has free;</li>
 * <li>close: cancels the bot's open orders and sells the whole position at market.</li>
 * </ul>
 * The engine's exits ({@code exit.*}) apply to signal trades like to any other position.
 */
@Component(scope = ServiceScope.PROTOTYPE, configurationPid = SignalStrategy.PID,
        configurationPolicy = ConfigurationPolicy.IGNORE,
        property = {Strategy.TYPE + "=" + SignalStrategy.TYPE, Strategy.FACTORY_PID + "=" + SignalStrategy.PID})
@Designate(ocd = SignalConfiguration.class, factory = true)
public class SignalStrategy implements Strategy {

    /** Factory PID of signal bots. */
    public static final String PID = "io.cambist.strategy.signal";
    /** The strategy type, as in {@code cambist backtest --strategy signal --signals FILE}. */
    public static final String TYPE = "signal";
    static final String TAG = "signal:";
    /** Share of the free quote a limit or base-sized buy may use, so that the fee fits. */
    static final BigDecimal FEE_ROOM = new BigDecimal("0.99");
    static final int QUANTITY_SCALE = 8;

    private final Logger logger = LoggerFactory.getLogger(SignalStrategy.class);
    private StrategyContext context;
    private Instrument instrument;
    private InstrumentSpec spec;
    private SignalSettings settings;
    private BigDecimal lastPrice;
    private long handled;
    private String lastSignal;

    @Override
    public void onStart(StrategyContext ctx) {
        SignalSettings s = SignalSettings.from(ctx.parameters(), ctx.mode() != TradingMode.BACKTEST);
        this.context = ctx;
        this.instrument = ctx.instrument();
        this.spec = ctx.spec(instrument).orElse(InstrumentSpec.unrestricted(instrument));
        this.settings = s;
        ctx.savedState().ifPresent(saved -> {
            try {
                handled = Long.parseLong(saved.values().getOrDefault("signals", "0"));
            } catch (NumberFormatException e) {
                handled = 0;
            }
            lastSignal = saved.get("lastSignal");
        });
        ctx.subscribe(Subscription.candles(instrument, null));
        logger.info("signal bot {} ready on {} {} (auth {}, default quote {})", ctx.instanceId(), ctx.account(), instrument,
                s.auth().name().toLowerCase(java.util.Locale.ROOT), s.defaultQuote() == null ? "none"
                        : s.defaultQuote().toPlainString());
    }

    @Override
    public void onCandle(Candle c) {
        if (c.instrument().equals(instrument)) {
            lastPrice = c.close();
        }
    }

    @Override
    public void onSignal(Signal s) {
        handled++;
        lastSignal = s.id();
        if (!s.instrument().equals(instrument)) {
            logger.warn("signal bot {}: signal {} is for {}, but the bot trades {}; ignored", context.instanceId(), s.id(),
                    s.instrument(), instrument);
            return;
        }
        OrderRequest request = switch (s.action()) {
            case BUY -> buy(s);
            case SELL -> sell(s);
            case CLOSE -> close(s);
        };
        if (request == null) {
            return;
        }
        if (s.clientOrderId() != null) {
            request = request.withClientOrderId(s.clientOrderId());
        }
        Order o = context.submit(request.withTag(tag(s)));
        logger.info("signal bot {}: signal {} ({} from {}) -> order {} {} {} {}{}: {}", context.instanceId(), s.id(),
                s.action().name().toLowerCase(java.util.Locale.ROOT), s.source(), o.clientOrderId(), o.side(),
                o.quantity() == null ? plain(o.quoteQuantity()) + " " + instrument.quote() : plain(o.quantity()),
                o.type(), o.limitPrice() == null ? "" : " at " + plain(o.limitPrice()), o.status()
                        + (o.reason() == null ? "" : " (" + o.reason() + ")"));
    }

    private OrderRequest buy(Signal s) {
        BigDecimal free = context.balance(instrument.quote()).free();
        BigDecimal price = s.price() == null ? null : spec.roundPriceDown(s.price());
        if (s.size() != null) {
            BigDecimal q = roundQuantity(s.size());
            BigDecimal reference = price != null ? price : lastPrice;
            if (reference == null || q.multiply(reference).compareTo(free.multiply(FEE_ROOM)) <= 0) {
                return order(Side.BUY, q, price, s);
            }
            logger.info("signal bot {}: signal {} asks for {} {} but only {} {} is free: buying less", context.instanceId(),
                    s.id(), plain(q), instrument.base(), plain(free), instrument.quote());
            return byQuote(free.multiply(FEE_ROOM), price, s);
        }
        BigDecimal quote = s.sizeQuote() != null ? s.sizeQuote() : settings.defaultQuote();
        if (quote == null) {
            logger.warn("signal bot {}: signal {} gives no size and the bot has no defaultQuote; nothing bought",
                    context.instanceId(), s.id());
            return null;
        }
        if (price == null && quote.compareTo(free) <= 0) {
            return OrderRequest.marketQuote(instrument, Side.BUY, quote);
        }
        BigDecimal cap = price == null ? free : free.multiply(FEE_ROOM);
        return byQuote(quote.min(cap), price, s);
    }

    /** A buy spending at most {@code quote}: by quote amount at market, or its quantity at the limit. */
    private OrderRequest byQuote(BigDecimal quote, BigDecimal price, Signal s) {
        if (quote.signum() <= 0) {
            logger.warn("signal bot {}: signal {}: no {} free to buy with", context.instanceId(), s.id(),
                    instrument.quote());
            return null;
        }
        if (price == null) {
            return OrderRequest.marketQuote(instrument, Side.BUY, quote);
        }
        return order(Side.BUY, quantityFor(quote, price), price, s);
    }

    private OrderRequest sell(Signal s) {
        BigDecimal sellable = context.position().quantity().min(context.balance(instrument.base()).free());
        BigDecimal price = s.price() == null ? null : spec.roundPriceUp(s.price());
        BigDecimal q = sellable;
        if (s.size() != null) {
            q = s.size().min(sellable);
        } else if (s.sizeQuote() != null) {
            BigDecimal reference = price != null ? price : lastPrice;
            if (reference == null) {
                logger.warn("signal bot {}: signal {} sells by quote amount before any price is known; ignored",
                        context.instanceId(), s.id());
                return null;
            }
            q = quantityFor(s.sizeQuote(), reference).min(sellable);
        }
        return order(Side.SELL, roundQuantity(q), price, s);
    }

    private OrderRequest close(Signal s) {
        for (Order o : context.openOrders()) {
            context.cancel(o.clientOrderId());
        }
        return order(Side.SELL, spec.roundQuantityDown(context.position().quantity().max(BigDecimal.ZERO)), null, s);
    }

    private OrderRequest order(Side side, BigDecimal q, BigDecimal price, Signal s) {
        if (q.signum() <= 0) {
            logger.info("signal bot {}: signal {} ({}): nothing to {}", context.instanceId(), s.id(),
                    s.action().name().toLowerCase(java.util.Locale.ROOT), side == Side.BUY ? "buy" : "sell");
            return null;
        }
        return price == null ? OrderRequest.market(instrument, side, q) : OrderRequest.limit(instrument, side, q, price);
    }

    /** A quantity rounded down to the venue's step size (kept as it is when the venue has none). */
    private BigDecimal roundQuantity(BigDecimal q) {
        BigDecimal r = spec.roundQuantityDown(q);
        return r.signum() <= 0 ? BigDecimal.ZERO : r.stripTrailingZeros();
    }

    /** {@code amount / price} as a quantity: to the step size, or to {@value #QUANTITY_SCALE} decimals without one. */
    private BigDecimal quantityFor(BigDecimal amount, BigDecimal price) {
        int scale = spec.stepSize().signum() > 0 ? QUANTITY_SCALE + 10 : QUANTITY_SCALE;
        return roundQuantity(amount.divide(price, scale, RoundingMode.DOWN));
    }

    private static String tag(Signal s) {
        String id = s.id().replaceAll("[^A-Za-z0-9_.:-]", "_");
        return TAG + (id.length() > 40 ? id.substring(0, 40) : id);
    }

    @Override
    public void onOrderEvent(OrderEvent e) {
        Order o = e.order();
        Optional<String> exit = ExitRules.exitKind(o.tag());
        if (exit.isEmpty()) {
            if (o.status() == OrderStatus.REJECTED && e.previous() != null && o.tag() != null && o.tag().startsWith(TAG)) {
                logger.warn("signal bot {}: order {} for {} was refused by the venue: {}", context.instanceId(),
                        o.clientOrderId(), o.tag(), o.reason());
            }
            return;
        }
        if (o.status() == OrderStatus.FILLED) {
            logger.info("signal bot {}: the engine's {} exit sold {} {} at {}; the bot keeps taking signals",
                    context.instanceId(), exit.get(), plain(o.filledQuantity()), instrument.base(),
                    plain(o.averagePrice()));
        } else if (o.status().isTerminal()) {
            logger.warn("signal bot {}: the engine's {} exit ended {}{}; the engine tries again at the next candle",
                    context.instanceId(), exit.get(), o.status(), o.reason() == null ? "" : " (" + o.reason() + ")");
        }
    }

    @Override
    public StrategySnapshot snapshot() {
        Map<String, String> m = new TreeMap<>();
        m.put("signals", Long.toString(handled));
        if (lastSignal != null) {
            m.put("lastSignal", lastSignal);
        }
        return new StrategySnapshot(1, m);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
