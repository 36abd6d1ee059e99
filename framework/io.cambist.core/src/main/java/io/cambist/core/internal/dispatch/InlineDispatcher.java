package io.cambist.core.internal.dispatch;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Synchronous dispatch for backtests: events are handled on the calling thread. */
final class InlineDispatcher implements Dispatcher {

    static final InlineDispatcher INSTANCE = new InlineDispatcher();

    @Override
    public InstanceQueue newQueue(String name, int capacity, EventSink sink) {
        return new InlineQueue(sink);
    }

    @Override
    public Executor newLane(String name) {
        return new InlineLane();
    }

    @Override
    public boolean synchronous() {
        return true;
    }

    /** Runs tasks on the caller's thread, but never nested inside another task of the same lane. */
    private static final class InlineLane implements Executor {
        private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
        private boolean running;

        @Override
        public void execute(Runnable task) {
            if (running) {
                pending.addLast(task);
                return;
            }
            running = true;
            try {
                task.run();
                Runnable next;
                while ((next = pending.pollFirst()) != null) {
                    next.run();
                }
            } finally {
                running = false;
            }
        }
    }
}
