package io.cambist.core.internal.dispatch;

import java.util.concurrent.Executor;

/**
 * How the engine runs event handlers and venue calls: serial queues on shared executors (live and paper), or
 * synchronously on the calling thread (backtests).
 */
public interface Dispatcher {

    /** A new ordered queue delivering to {@code sink}. */
    InstanceQueue newQueue(String name, int capacity, EventSink sink);

    /** A serial executor for one account's venue calls (place, cancel, reconcile run one after another, in order). */
    Executor newLane(String name);

    /** True when everything runs on the calling thread. */
    boolean synchronous();

    /** Everything on the calling thread, for backtests. */
    static Dispatcher inline() {
        return InlineDispatcher.INSTANCE;
    }

    /**
     * Instance queues on {@code events}, account lanes on {@code venueCalls} (which may block on the network, so they
     * must not share threads with strategies).
     */
    static Dispatcher serial(Executor events, Executor venueCalls) {
        return new SerialDispatcher(events, venueCalls);
    }
}
