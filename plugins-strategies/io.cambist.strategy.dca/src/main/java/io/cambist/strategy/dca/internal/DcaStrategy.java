package io.cambist.strategy.dca.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * The DCA bot: {@link RecurringMode recurring} buys, or {@link SafetyMode safety-order cycles}. Exits of the engine
 * ({@code exit.*}) work on both: a stop-loss exit halts the bot (it would otherwise buy straight back into a falling
 * market), a take-profit or trailing-stop exit ends the cycle like the bot's own take profit. The engine cancels the
 * bot's orders before it sends an exit, so the bot's take profit never holds back the base the exit sells.
 */
@Component(scope = ServiceScope.PROTOTYPE, configurationPid = DcaStrategy.PID,
        configurationPolicy = ConfigurationPolicy.IGNORE,
        property = {Strategy.TYPE + "=" + DcaStrategy.TYPE, Strategy.FACTORY_PID + "=" + DcaStrategy.PID})
@Designate(ocd = DcaConfiguration.class, factory = true)
public class DcaStrategy implements Strategy {

    /** Factory PID of DCA bots. */
    public static final String PID = "io.cambist.strategy.dca";
    /** The strategy type, as in {@code cambist backtest --strategy dca}. */
    public static final String TYPE = "dca";

    private final Logger logger = LoggerFactory.getLogger(DcaStrategy.class);
    private StrategyContext context;
    private Instrument instrument;
    private RecurringMode recurring;
    private SafetyMode safety;
    private boolean stopping;

    @Override
    public void onStart(StrategyContext ctx) {
        DcaSettings settings = DcaSettings.from(ctx.parameters());
        InstrumentSpec spec = ctx.spec(ctx.instrument()).orElse(InstrumentSpec.unrestricted(ctx.instrument()));
        this.context = ctx;
        this.instrument = ctx.instrument();
        if (!settings.ignored().isEmpty()) {
            logger.warn("dca {}: parameters {} do not apply to mode {} and are ignored", ctx.instanceId(),
                    settings.ignored(), settings.mode().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (settings.mode() == Mode.RECURRING) {
            recurring = new RecurringMode(ctx, settings, spec);
            recurring.restore(ctx.savedState());
        } else {
            safety = new SafetyMode(ctx, settings, spec);
            safety.restore(ctx.savedState());
        }
        ctx.subscribe(Subscription.candles(instrument, null));
        logger.info("dca {}: {} on {}", ctx.instanceId(), settings.mode() == Mode.RECURRING ? "buying "
                + settings.baseOrderQuote().toPlainString() + " " + instrument.quote() + " every " + settings.interval()
                : "safety cycles of " + settings.baseOrderQuote().toPlainString() + " " + instrument.quote() + " with "
                        + settings.maxSafetyOrders() + " safety orders and a " + settings.takeProfit().toPlainString()
                        + " % take profit", instrument);
    }

    @Override
    public void onCandle(Candle c) {
        if (stopping || !c.instrument().equals(instrument)) {
            return;
        }
        if (recurring != null) {
            recurring.onCandle(c);
        } else {
            safety.onCandle(c);
        }
    }

    @Override
    public void onOrderEvent(OrderEvent e) {
        if (!stopping) {
            if (recurring != null) {
                recurring.onOrderEvent(e);
            } else {
                safety.onOrderEvent(e);
            }
        }
        if (!stopping) {
            ExitRules.exitKind(e.order().tag()).ifPresent(kind -> exitEvent(e, kind));
        }
    }

    /** An exit of the engine changed state (the engine cancelled the bot's orders before sending it). */
    private void exitEvent(OrderEvent e, String kind) {
        Order o = e.order();
        if (o.status().isTerminal() && o.status() != OrderStatus.FILLED) {
            logger.warn("dca {}: the engine's {} exit ended {}{}; the engine tries again at the next candle",
                    context.instanceId(), kind, o.status(), o.reason() == null ? "" : " (" + o.reason() + ")");
            return;
        }
        if (o.status() != OrderStatus.FILLED) {
            return;
        }
        if (kind.equals("stopLoss")) {
            stopping = true;
            for (Order open : context.openOrders()) {
                context.cancel(open.clientOrderId());
            }
            context.halt("the engine's stop-loss exit sold the position at " + o.averagePrice().toPlainString()
                    + "; the DCA bot stops rather than buy back into a falling market");
            return;
        }
        if (safety != null) {
            safety.endCycle("the engine's " + kind + " exit at " + o.averagePrice().toPlainString());
        } else {
            logger.info("dca {}: the engine's {} exit sold the position at {}; recurring buys go on",
                    context.instanceId(), kind, o.averagePrice().toPlainString());
        }
    }

    @Override
    public StrategySnapshot snapshot() {
        if (recurring != null) {
            return recurring.snapshot();
        }
        return safety == null ? StrategySnapshot.EMPTY : safety.state.snapshot();
    }
}
