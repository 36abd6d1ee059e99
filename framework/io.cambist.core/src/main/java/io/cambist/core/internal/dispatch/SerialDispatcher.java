package io.cambist.core.internal.dispatch;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Live and paper dispatch: per-instance serial queues and per-account serial lanes on shared executors. */
final class SerialDispatcher implements Dispatcher {

    private final Logger logger = LoggerFactory.getLogger(SerialDispatcher.class);
    private final Executor events;
    private final Executor venueCalls;

    SerialDispatcher(Executor events, Executor venueCalls) {
        this.events = events;
        this.venueCalls = venueCalls;
    }

    @Override
    public InstanceQueue newQueue(String name, int capacity, EventSink sink) {
        return new SerialQueue(name, events, capacity, sink);
    }

    @Override
    public Executor newLane(String name) {
        SerialQueue lane = new SerialQueue(name, venueCalls, Integer.MAX_VALUE, task -> runTask(name, (Runnable) task));
        return lane::offer;
    }

    private void runTask(String lane, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            logger.warn("task on {} failed", lane, e);
        }
    }

    @Override
    public boolean synchronous() {
        return false;
    }
}
