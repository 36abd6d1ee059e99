package io.cambist.core.internal.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;

/** A strategy for tests: records what it receives (into a shared list) and runs hooks. */
public class RecordingStrategy implements Strategy {

    public final List<Object> events;
    public volatile StrategyContext ctx;
    public volatile StrategySnapshot restored;
    public volatile boolean stopped;
    public Consumer<StrategyContext> startHook = c -> c.subscribe(Subscription.candles(c.instrument(), null));
    public BiConsumer<RecordingStrategy, Candle> candleHook = (s, c) -> {
    };
    public BiConsumer<RecordingStrategy, OrderEvent> orderHook = (s, e) -> {
    };
    private int candles;

    public RecordingStrategy() {
        this(Collections.synchronizedList(new ArrayList<>()));
    }

    public RecordingStrategy(List<Object> sink) {
        this.events = sink;
    }

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
        restored = context.savedState().orElse(null);
        if (restored != null && restored.get("candles") != null) {
            candles = Integer.parseInt(restored.get("candles"));
        }
        startHook.accept(context);
    }

    @Override
    public void onCandle(Candle candle) {
        candles++;
        events.add(candle);
        candleHook.accept(this, candle);
    }

    @Override
    public void onTicker(Ticker ticker) {
        events.add(ticker);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        events.add(event);
        orderHook.accept(this, event);
    }

    @Override
    public void onSignal(Signal signal) {
        events.add(signal);
    }

    @Override
    public StrategySnapshot snapshot() {
        return new StrategySnapshot(1, Map.of("candles", Integer.toString(candles)));
    }

    @Override
    public void onStop() {
        stopped = true;
    }

    public int candles() {
        return candles;
    }
}
