package io.cambist.core.internal.dispatch;

import java.util.ArrayDeque;

/**
 * A queue that handles events on the calling thread. An event offered while another is being handled (a strategy
 * submitting an order whose acknowledgement comes back synchronously) waits until the handler returns, so callbacks of
 * one instance never nest. Single-threaded: backtests only.
 */
final class InlineQueue implements InstanceQueue {

    private final EventSink sink;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private boolean delivering;
    private boolean paused;

    InlineQueue(EventSink sink) {
        this.sink = sink;
    }

    @Override
    public boolean offerMarket(Object event) {
        deliver(event);
        return true;
    }

    @Override
    public boolean offerBounded(Object event) {
        deliver(event);
        return true;
    }

    @Override
    public void offer(Object event) {
        deliver(event);
    }

    @Override
    public void offerFirst(Object event) {
        pending.addFirst(event);
        drain();
    }

    private void deliver(Object event) {
        if (delivering || paused) {
            pending.addLast(event);
            return;
        }
        delivering = true;
        try {
            sink.handle(event);
            drainLoop();
        } finally {
            delivering = false;
        }
    }

    private void drain() {
        if (delivering || paused) {
            return;
        }
        delivering = true;
        try {
            drainLoop();
        } finally {
            delivering = false;
        }
    }

    private void drainLoop() {
        Object next;
        while (!paused && (next = pending.pollFirst()) != null) {
            sink.handle(next);
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        drain();
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public boolean awaitIdle(long timeoutMillis) {
        return true;
    }

    @Override
    public int size() {
        return pending.size();
    }

    @Override
    public int capacity() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean full() {
        return false;
    }

    @Override
    public long dropped() {
        return 0;
    }
}
