package io.cambist.benchmarks.engine;

import java.math.BigDecimal;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;

/**
 * Reacts to every candle with a market order, buying and selling a small quantity in turn, so every tick has an
 * order to measure; tells its owner when the venue has acknowledged the order ({@code NEW} reached the strategy),
 * which is when the engine is quiet again.
 */
final class ReactingStrategy implements Strategy {

    static final BigDecimal QUANTITY = new BigDecimal("0.01");

    /** What the owner hears. */
    interface Observer {
        /** A candle reached the strategy (called first thing in {@code onCandle}). */
        void candle();

        /** The venue accepted ({@code NEW}) or someone refused ({@code REJECTED}) the order. */
        void answered(OrderEvent event);
    }

    private final Observer observer;
    private StrategyContext context;
    private boolean buy = true;

    ReactingStrategy(Observer observer) {
        this.observer = observer;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        ctx.subscribe(Subscription.candles(ctx.instrument(), null));
    }

    @Override
    public void onCandle(Candle candle) {
        observer.candle();
        context.submit(OrderRequest.market(context.instrument(), buy ? Side.BUY : Side.SELL, QUANTITY));
        buy = !buy;
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        if (event.status() == OrderStatus.NEW || event.status() == OrderStatus.REJECTED) {
            observer.answered(event);
        }
    }
}
