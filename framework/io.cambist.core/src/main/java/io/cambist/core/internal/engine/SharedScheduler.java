package io.cambist.core.internal.engine;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The framework's shared scheduler as plugins see it (service property {@code cambist.scheduler=shared}, and
 * {@code VenueListener.scheduler()}): every scheduling method works, the shutdown methods throw, because the
 * scheduler belongs to the core. Plugins cancel their own tasks instead.
 */
public final class SharedScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final ScheduledExecutorService delegate;

    private static volatile SharedScheduler fallback;

    public SharedScheduler(ScheduledExecutorService delegate) {
        this.delegate = delegate;
    }

    /**
     * A scheduler for engines built without one (backtests): created on first use, one daemon thread that ends when
     * idle. Simulated venues step synchronously and should not need it; it exists so that {@code scheduler()} is
     * never {@code null}.
     */
    static SharedScheduler fallback() {
        SharedScheduler f = fallback;
        if (f == null) {
            synchronized (SharedScheduler.class) {
                f = fallback;
                if (f == null) {
                    java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                            r -> {
                                Thread t = new Thread(r, "cambist-fallback-scheduler");
                                t.setDaemon(true);
                                return t;
                            });
                    e.setKeepAliveTime(10, TimeUnit.SECONDS);
                    e.allowCoreThreadTimeOut(true);
                    f = new SharedScheduler(e);
                    fallback = f;
                }
            }
        }
        return f;
    }

    private static UnsupportedOperationException owned() {
        return new UnsupportedOperationException("the shared scheduler belongs to the Cambist core and cannot be shut"
                + " down; cancel your own tasks instead");
    }

    @Override
    public void shutdown() {
        throw owned();
    }

    @Override
    public List<Runnable> shutdownNow() {
        throw owned();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        throw owned();
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return delegate.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return delegate.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }
}
