package io.cambist.exchange.paper.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A scheduler driven by a manual clock: tasks run on the test's thread when the test advances time. */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    final AtomicLong clock;
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    ManualScheduler(AtomicLong clock) {
        this.clock = clock;
    }

    /** Moves the clock forward, running every task that falls due, in time order. */
    void advance(long millis) {
        long target = clock.get() + millis;
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && t.due <= target)
                    .min(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
            if (next == null) {
                break;
            }
            clock.set(Math.max(clock.get(), next.due));
            if (next.period > 0) {
                next.due += next.period;
            } else {
                tasks.remove(next);
            }
            next.command.run();
        }
        clock.set(target);
    }

    /** Runs what is due now. */
    void runDue() {
        advance(0);
    }

    /** Scheduled tasks that are not cancelled. */
    long active() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, unit.toMillis(delay), 0);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(command, unit.toMillis(initialDelay), unit.toMillis(period));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(command, unit.toMillis(initialDelay), unit.toMillis(delay));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    private Task add(Runnable command, long delay, long period) {
        Task t = new Task(command, clock.get() + delay, period, sequence++);
        tasks.add(t);
        return t;
    }

    @Override
    public void execute(Runnable command) {
        add(command, 0, 0);
    }

    @Override
    public void shutdown() {
        throw new UnsupportedOperationException("the framework scheduler is shared");
    }

    @Override
    public List<Runnable> shutdownNow() {
        throw new UnsupportedOperationException("the framework scheduler is shared");
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final long period;
        final long seq;
        long due;
        boolean cancelled;

        Task(Runnable command, long due, long period, long seq) {
            this.command = command;
            this.due = due;
            this.period = period;
            this.seq = seq;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - clock.get(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            tasks.remove(this);
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || (period == 0 && !tasks.contains(this));
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
