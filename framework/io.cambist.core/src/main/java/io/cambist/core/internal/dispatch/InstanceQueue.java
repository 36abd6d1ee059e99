package io.cambist.core.internal.dispatch;

/**
 * The ordered event queue of one strategy instance. Market events and signals are bounded (a full queue refuses them
 * and counts market events as dropped, a visible status); order events and control tasks are never refused.
 */
public interface InstanceQueue {

    /** Queues a market event; false (and counted as dropped) when the queue is full. */
    boolean offerMarket(Object event);

    /** Queues a bounded event that the caller reports itself when refused (signals); false when full. */
    boolean offerBounded(Object event);

    /** Queues an event that must never be lost (order events, control tasks). */
    void offer(Object event);

    /** Queues an event ahead of everything already queued (the start of a new incarnation). */
    void offerFirst(Object event);

    /** Stops delivering; events keep queueing. */
    void pause();

    /** Delivers again, starting with what queued up. */
    void resume();

    /** True while paused. */
    boolean paused();

    /**
     * Waits until no event is being handled (after {@link #pause()}, the in-flight event finishes and nothing else
     * starts).
     *
     * @return false when the wait timed out
     */
    boolean awaitIdle(long timeoutMillis);

    /** Events waiting. */
    int size();

    /** Capacity for bounded events. */
    int capacity();

    /** True while bounded events are being refused. */
    boolean full();

    /** Market events refused because the queue was full. */
    long dropped();
}
