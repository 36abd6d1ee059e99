package io.cambist.api.strategy;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's strategy runner. Instances come from factory configurations; this service reports on them, pauses,
 * resumes and halts them (the kill switch), and delivers external signals into their queues.
 */
@ProviderType
public interface StrategyRunner {

    /** Every instance, sorted by id. */
    List<StrategyStatus> instances();

    /** One instance. */
    Optional<StrategyStatus> instance(String id);

    /**
     * The state an instance last saved ({@link Strategy#snapshot()}: taken on pause, stop, hot swap and at least every
     * minute), e.g. a grid's completed cycles and realised profit; empty when it has saved none.
     */
    default Optional<StrategySnapshot> savedState(String id) {
        return Optional.empty();
    }

    /** The strategy types currently available (registered by strategy bundles), sorted. */
    List<String> types();

    /**
     * Stops delivering events to an instance; they queue up until {@link #resume}.
     *
     * @throws java.util.NoSuchElementException for an unknown id
     */
    StrategyStatus pause(String id);

    /** Resumes a paused (or halted) instance. */
    StrategyStatus resume(String id);

    /** Kill switch for one instance: cancel its open orders and move it to HALTED. */
    StrategyStatus halt(String id, String reason);

    /** Kill switch for everything: every instance HALTED, every open order cancelled. */
    List<StrategyStatus> haltAll(String reason);

    /**
     * Queues an external signal for an instance.
     *
     * @throws java.util.NoSuchElementException for an unknown id
     * @throws IllegalStateException when the instance cannot take it (not running, queue full), with the reason
     */
    void deliver(String id, Signal signal);
}
