package io.cambist.api.strategy;

import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy instance's state, handed from one incarnation to the next (hot swap, restart). Plain strings so that it
 * survives a change of code and can be journaled.
 *
 * @param version a number the strategy chooses to recognise its own format
 * @param values  the state
 */
public record StrategySnapshot(int version, Map<String, String> values) {

    /** No state. */
    public static final StrategySnapshot EMPTY = new StrategySnapshot(0, Map.of());

    public StrategySnapshot {
        values = Map.copyOf(new TreeMap<>(values));
    }

    /** A value, or {@code null}. */
    public String get(String key) {
        return values.get(key);
    }

    /** True when there is no state. */
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
