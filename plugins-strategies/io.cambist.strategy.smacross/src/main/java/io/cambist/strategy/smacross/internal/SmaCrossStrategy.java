package io.cambist.strategy.smacross.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.Parameters;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * The reference strategy. At the close of candle <i>i</i>, when both simple moving averages of closes are defined at
 * <i>i-1</i> and <i>i</i>: if flat and fast(i-1) &lt;= slow(i-1) and fast(i) &gt; slow(i), a market buy spending the
 * whole free quote balance (sized by quote amount); if long and fast(i-1) &gt;= slow(i-1) and fast(i) &lt; slow(i), a
 * market sell of the whole position. Nothing else. Its state is the window of closes, handed over on a hot swap.
 */
@Component(scope = ServiceScope.PROTOTYPE, configurationPid = SmaCrossStrategy.PID,
        configurationPolicy = ConfigurationPolicy.IGNORE,
        property = {Strategy.TYPE + "=" + SmaCrossStrategy.TYPE, Strategy.FACTORY_PID + "=" + SmaCrossStrategy.PID})
@Designate(ocd = SmaCrossConfiguration.class, factory = true)
public class SmaCrossStrategy implements Strategy {

    /** Factory PID of SMA cross bots. */
    public static final String PID = "io.cambist.strategy.smacross";
    /** The strategy type, as in {@code cambist backtest --strategy smacross}. */
    public static final String TYPE = "smacross";
    static final int DEFAULT_FAST = 10;
    static final int DEFAULT_SLOW = 30;
    static final int MAX_PERIOD = 100_000;
    static final int SNAPSHOT_VERSION = 1;
    static final String CLOSES = "closes";

    private final Logger logger = LoggerFactory.getLogger(SmaCrossStrategy.class);
    private StrategyContext context;
    private Instrument instrument;
    private MovingAverageCross cross;

    @Override
    public void onStart(StrategyContext ctx) {
        Parameters p = ctx.parameters();
        int fast = p.integer("fast", DEFAULT_FAST);
        int slow = p.integer("slow", DEFAULT_SLOW);
        validate(fast, slow);
        this.context = ctx;
        this.instrument = ctx.instrument();
        this.cross = new MovingAverageCross(fast, slow);
        ctx.savedState().ifPresent(this::restore);
        ctx.subscribe(Subscription.candles(instrument, null));
    }

    /** Checks the periods, with the message the operator sees. */
    static void validate(int fast, int slow) {
        if (fast < 1) {
            throw new IllegalArgumentException("fast period " + fast + " must be 1 or more candles");
        }
        if (slow > MAX_PERIOD) {
            throw new IllegalArgumentException("slow period " + slow + " must be at most " + MAX_PERIOD + " candles");
        }
        if (fast >= slow) {
            throw new IllegalArgumentException("fast period " + fast + " must be below slow period " + slow);
        }
    }

    @Override
    public void onCandle(Candle candle) {
        if (candle.instrument() != instrument && !candle.instrument().equals(instrument)) {
            return;
        }
        int signal = cross.add(candle.close());
        if (signal > 0) {
            buy();
        } else if (signal < 0) {
            sell();
        }
    }

    private void buy() {
        Position position = context.position();
        if (!position.isFlat() || !context.openOrders().isEmpty()) {
            return;
        }
        BigDecimal quote = context.balance(instrument.quote()).free();
        if (quote.signum() > 0) {
            context.submit(OrderRequest.marketQuote(instrument, Side.BUY, quote).withTag("smacross:cross-up"));
        }
    }

    private void sell() {
        Position position = context.position();
        if (position.quantity().signum() <= 0 || !context.openOrders().isEmpty()) {
            return;
        }
        context.submit(OrderRequest.market(instrument, Side.SELL, position.quantity()).withTag("smacross:cross-down"));
    }

    @Override
    public StrategySnapshot snapshot() {
        if (cross == null) {
            return StrategySnapshot.EMPTY;
        }
        StringJoiner closes = new StringJoiner(",");
        for (BigDecimal c : cross.window()) {
            closes.add(c.toPlainString());
        }
        return new StrategySnapshot(SNAPSHOT_VERSION, Map.of(CLOSES, closes.toString()));
    }

    /** Replays the saved closes, which rebuilds the averages and their last relation exactly. */
    private void restore(StrategySnapshot saved) {
        String text = saved.get(CLOSES);
        if (saved.version() != SNAPSHOT_VERSION || text == null) {
            logger.warn("SMA cross instance '{}' ignores a saved state of version {}: it starts with an empty window",
                    context.instanceId(), saved.version());
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        try {
            for (String c : text.split(",")) {
                cross.add(new BigDecimal(c));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("saved state of SMA cross instance '" + context.instanceId()
                    + "' holds a close that is not a number: " + e.getMessage());
        }
    }
}
