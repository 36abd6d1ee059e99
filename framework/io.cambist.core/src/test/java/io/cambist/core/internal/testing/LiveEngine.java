package io.cambist.core.internal.testing;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.cambist.core.internal.dispatch.Dispatcher;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.engine.EngineClock;

/** A live-mode engine for tests: instance queues on a thread pool, venue calls on another, a real scheduler. */
public final class LiveEngine implements AutoCloseable {

    public final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
    public final ExecutorService strategies = Executors.newFixedThreadPool(2);
    public final ExecutorService venueCalls = Executors.newCachedThreadPool();
    public final Engine engine;

    public LiveEngine(EngineClock clock, Path journal, Consumer<Engine.Builder> tweak) {
        Engine.Builder b = Engine.builder().clock(clock).scheduler(scheduler)
                .dispatcher(Dispatcher.serial(strategies, venueCalls)).snapshotIntervalMillis(0).balanceRefreshMillis(0);
        if (journal != null) {
            b.journal(journal, 1 << 20);
        }
        tweak.accept(b);
        engine = b.build();
    }

    public LiveEngine(EngineClock clock) {
        this(clock, null, b -> {
        });
    }

    /** Waits up to 10 s for a condition. */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Stops the pools without closing the engine (a crash: nothing is flushed or snapshotted). */
    public void crash() {
        strategies.shutdownNow();
        venueCalls.shutdownNow();
        scheduler.shutdownNow();
    }

    @Override
    public void close() {
        engine.close();
        crash();
        try {
            strategies.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
