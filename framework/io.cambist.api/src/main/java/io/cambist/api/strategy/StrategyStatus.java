package io.cambist.api.strategy;

import java.util.Map;
import java.util.Objects;

import io.cambist.api.model.Instrument;
import io.cambist.api.portfolio.Position;

/**
 * A strategy instance as the runner reports it.
 *
 * @param id              instance id
 * @param type            strategy type
 * @param configurationPid the configuration the instance comes from
 * @param account         venue account
 * @param instrument      instrument
 * @param mode            backtest, paper or live
 * @param state           lifecycle state
 * @param reason          why it is FAILED, HALTED or waiting, else {@code null}
 * @param parameters      its parameters
 * @param position        the position it holds
 * @param openOrders      number of open orders
 * @param queued          events waiting in its queue
 * @param queueCapacity   the queue's capacity
 * @param queueFull       true when events are being refused because the queue is full (a visible status, not silent
 *                        loss)
 * @param dropped         events refused because the queue was full
 * @param processed       events delivered so far
 * @param since           when it entered its state, epoch milliseconds
 */
public record StrategyStatus(String id, String type, String configurationPid, String account, Instrument instrument,
        TradingMode mode, StrategyState state, String reason, Map<String, String> parameters, Position position,
        int openOrders, int queued, int queueCapacity, boolean queueFull, long dropped, long processed, long since) {

    public StrategyStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
