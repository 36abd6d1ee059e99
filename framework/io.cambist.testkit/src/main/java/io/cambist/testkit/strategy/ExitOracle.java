package io.cambist.testkit.strategy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

import io.cambist.api.model.Candle;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;

/**
 * An independent statement of the engine's documented exit semantics (docs/engine.md, "Exit rules"), for tests: at
 * the close of candle <i>i</i>, with the state from before <i>i</i>, stop loss if {@code low <= stop level}, else the
 * trailing stop if armed and {@code low <= highest × (1 − callback%)}, else take profit if
 * {@code high >= take-profit level}; only if none fired, the highest price is raised (when armed) or the stop arms
 * ({@code high >= activation level}, highest = high). Levels follow the position's average entry at that candle; the
 * state resets while the position is flat.
 */
public final class ExitOracle {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Where the engine must exit.
     *
     * @param candle  index of the candle at whose close the exit is decided
     * @param kind    {@code stopLoss}, {@code trailingStop} or {@code takeProfit}
     * @param level   the level that was breached
     * @param highest the highest price since activation (trailing stop), else {@code null}
     */
    public record Exit(int candle, String kind, BigDecimal level, BigDecimal highest) {
    }

    private ExitOracle() {
    }

    /** The first exit the rules call for over a replay's candles and recorded positions, if any. */
    public static Optional<Exit> first(ReplayResult replay, ExitRules rules) {
        return first(replay.candles(), replay.positions(), rules);
    }

    /**
     * The first exit the rules call for.
     *
     * @param candles   the candles
     * @param positions the position at each candle ({@code null} entries count as flat)
     */
    public static Optional<Exit> first(List<Candle> candles, List<Position> positions, ExitRules rules) {
        boolean armed = false;
        BigDecimal highest = null;
        MathContext mc = MathContext.DECIMAL64;
        for (int i = 0; i < candles.size() && i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p == null || p.quantity().signum() <= 0 || p.averageEntryPrice() == null) {
                armed = false;
                highest = null;
                continue;
            }
            Candle c = candles.get(i);
            BigDecimal avg = p.averageEntryPrice();
            BigDecimal stop = rules.stopLossPrice();
            if (rules.stopLossPercent() != null) {
                BigDecimal pct = avg.multiply(HUNDRED.subtract(rules.stopLossPercent())).divide(HUNDRED, mc);
                stop = stop == null ? pct : stop.max(pct);
            }
            if (stop != null && c.low().compareTo(stop) <= 0) {
                return Optional.of(new Exit(i, "stopLoss", stop, null));
            }
            if (armed && rules.trailingCallbackPercent() != null) {
                BigDecimal trail = highest.multiply(HUNDRED.subtract(rules.trailingCallbackPercent())).divide(HUNDRED, mc);
                if (c.low().compareTo(trail) <= 0) {
                    return Optional.of(new Exit(i, "trailingStop", trail, highest));
                }
            }
            if (rules.takeProfitPercent() != null) {
                BigDecimal take = avg.multiply(HUNDRED.add(rules.takeProfitPercent())).divide(HUNDRED, mc);
                if (c.high().compareTo(take) >= 0) {
                    return Optional.of(new Exit(i, "takeProfit", take, null));
                }
            }
            if (rules.trailingCallbackPercent() != null) {
                if (armed) {
                    highest = highest.max(c.high());
                } else {
                    BigDecimal activation = avg.multiply(HUNDRED.add(rules.trailingActivationPercent())).divide(HUNDRED, mc);
                    if (c.high().compareTo(activation) >= 0) {
                        armed = true;
                        highest = c.high();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
