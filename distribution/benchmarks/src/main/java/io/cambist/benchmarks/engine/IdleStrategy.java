package io.cambist.benchmarks.engine;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Subscription;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;

/**
 * A strategy that subscribes to its instrument's candles and only counts them: the engine and the venue alone, with
 * every candle still dispatched to the strategy.
 */
public final class IdleStrategy implements Strategy {

    private long candles;

    @Override
    public void onStart(StrategyContext context) {
        context.subscribe(Subscription.candles(context.instrument(), null));
    }

    @Override
    public void onCandle(Candle candle) {
        candles++;
    }

    /** Candles received. */
    public long candles() {
        return candles;
    }
}
