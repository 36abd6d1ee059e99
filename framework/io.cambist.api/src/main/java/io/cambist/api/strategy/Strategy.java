package io.cambist.api.strategy;

import org.osgi.annotation.versioning.ConsumerType;

import io.cambist.api.model.Candle;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.Trade;
import io.cambist.api.order.OrderEvent;

/**
 * A trading strategy. Register the implementation as a DS component with
 * {@code scope = ServiceScope.PROTOTYPE} and the service properties {@value #TYPE} (short name, e.g. {@code grid}) and
 * {@value #FACTORY_PID} (the factory PID of its configurations, e.g. {@code io.cambist.strategy.grid}); the runner
 * gets one object per bot.
 * <p>
 * Every callback of one instance runs on one thread at a time, in event order: hold no locks. A callback that throws
 * moves this instance alone to {@link StrategyState#FAILED}. Reach markets only through the {@link StrategyContext}.
 */
@ConsumerType
public interface Strategy {

    /** Service property: the strategy type's short name, as used by {@code cambist backtest --strategy}. */
    String TYPE = "cambist.strategy.type";

    /** Service property: the factory PID whose configurations create instances of this type. */
    String FACTORY_PID = "cambist.strategy.pid";

    /**
     * Starts the instance: validate parameters (throw {@link IllegalArgumentException} with a message that says what
     * to fix, e.g. {@code fast period 30 must be below slow period 20}), subscribe, and rebuild from
     * {@link StrategyContext#savedState()} and {@link StrategyContext#openOrders()} after a restart or hot swap
     * without placing duplicate orders.
     */
    void onStart(StrategyContext context);

    /** A candle closed. */
    default void onCandle(Candle candle) {
    }

    /** Best bid/offer changed. */
    default void onTicker(Ticker ticker) {
    }

    /** A public trade printed. */
    default void onTrade(Trade trade) {
    }

    /** The order book changed. */
    default void onOrderBook(OrderBook book) {
    }

    /** One of this instance's orders changed state or filled (including exits the engine placed for it). */
    default void onOrderEvent(OrderEvent event) {
    }

    /** An external signal arrived for this instance (webhook, AI agent, signal file in a backtest). */
    default void onSignal(Signal signal) {
    }

    /**
     * Returns the instance's state, to be handed to the next incarnation (after a bundle update or a restart) through
     * {@link StrategyContext#savedState()}. Called on the instance's thread between events.
     */
    default StrategySnapshot snapshot() {
        return StrategySnapshot.EMPTY;
    }

    /** The instance is stopping (configuration deleted, bot stopped, container shutting down). */
    default void onStop() {
    }
}
