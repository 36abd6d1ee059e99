package io.cambist.core.internal.strategy;

import io.cambist.api.strategy.Strategy;

/** Makes strategy objects of one type (in OSGi: the prototype service's {@code ServiceObjects}). */
public interface StrategyFactory {

    /** A new object for one instance. */
    Strategy create();

    /** Gives an object back when its instance stops or swaps to new code. */
    default void release(Strategy strategy) {
    }
}
