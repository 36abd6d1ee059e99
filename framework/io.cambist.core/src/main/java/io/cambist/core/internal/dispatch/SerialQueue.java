package io.cambist.core.internal.dispatch;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ordered queue drained by at most one thread of a shared executor at a time, in batches so that one busy queue
 * cannot hold a thread forever. Producers never block: bounded events beyond the capacity are refused and counted.
 */
final class SerialQueue implements InstanceQueue, Runnable {

    private static final int BATCH = 128;

    private final Logger logger = LoggerFactory.getLogger(SerialQueue.class);
    private final String name;
    private final Executor executor;
    private final EventSink sink;
    private final int capacity;
    private final ConcurrentLinkedDeque<Object> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Object idleMonitor = new Object();
    private volatile boolean paused;
    private volatile boolean running;
    private volatile boolean full;

    SerialQueue(String name, Executor executor, int capacity, EventSink sink) {
        this.name = name;
        this.executor = executor;
        this.capacity = capacity;
        this.sink = sink;
    }

    @Override
    public boolean offerMarket(Object event) {
        if (size.get() >= capacity) {
            dropped.incrementAndGet();
            markFull();
            return false;
        }
        enqueue(event, false);
        return true;
    }

    @Override
    public boolean offerBounded(Object event) {
        if (size.get() >= capacity) {
            markFull();
            return false;
        }
        enqueue(event, false);
        return true;
    }

    @Override
    public void offer(Object event) {
        enqueue(event, false);
    }

    @Override
    public void offerFirst(Object event) {
        enqueue(event, true);
    }

    private void markFull() {
        if (!full) {
            full = true;
            logger.warn("event queue of {} is full ({} events): market events are being dropped until it drains", name,
                    capacity);
        }
    }

    private void enqueue(Object event, boolean first) {
        if (first) {
            queue.addFirst(event);
        } else {
            queue.addLast(event);
        }
        size.incrementAndGet();
        schedule();
    }

    private void schedule() {
        if (!paused && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                logger.debug("queue {} not scheduled: executor shut down", name);
            }
        }
    }

    @Override
    public void run() {
        running = true;
        try {
            for (int i = 0; i < BATCH && !paused; i++) {
                Object event = queue.pollFirst();
                if (event == null) {
                    break;
                }
                size.decrementAndGet();
                sink.handle(event);
            }
        } finally {
            running = false;
            scheduled.set(false);
            if (full && size.get() < capacity) {
                full = false;
                logger.info("event queue of {} drained below its capacity again ({} dropped so far)", name,
                        dropped.get());
            }
            synchronized (idleMonitor) {
                idleMonitor.notifyAll();
            }
        }
        if (!paused && !queue.isEmpty()) {
            schedule();
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        if (!queue.isEmpty()) {
            schedule();
        }
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public boolean awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (idleMonitor) {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idleMonitor, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int size() {
        return size.get();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean full() {
        return full;
    }

    @Override
    public long dropped() {
        return dropped.get();
    }
}
