package io.cambist.benchmarks.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.StrategyState;
import io.cambist.core.internal.dispatch.Dispatcher;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.engine.EngineClock;
import io.cambist.core.internal.journal.FileJournal;
import io.cambist.core.internal.strategy.StrategyType;
import io.cambist.exchange.paper.internal.PaperVenueFactory;

/**
 * The engine as paper trading runs it, driven one tick at a time: the core's three thread pools, built as the core's
 * package-private {@code CoreExecutors} builds them (scheduler, strategy pool of one thread per processor and at least
 * 2, venue-call pool), per-instance queues ({@link Dispatcher#serial}), the wall clock, and the file journal that
 * fsyncs every order intent. The venue is the paper venue's matching engine over the endless synthetic market,
 * stepped by the caller, behind a {@link TimedConnector}; the strategy answers every candle with a market order
 * ({@link ReactingStrategy}).
 * <p>
 * {@link #tick()} makes the venue publish one candle (after matching the previous order, whose fill reports reach
 * the engine first, as they would from a venue) and returns once the strategy's order was acknowledged, so every
 * tick starts from a quiet engine. The measured interval runs from the candle entering the engine
 * ({@code VenueListener.onMarketEvent}) to the order entering the venue's {@code place}.
 */
public final class PaperTicks implements AutoCloseable {

    static final String FACTORY_PID = "io.cambist.benchmarks.reacting";
    static final String INSTANCE = "latency";
    private static final long JOURNAL_SEGMENT = 16L << 20; // journalSegmentMegabytes' default
    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);

    private final ScheduledThreadPoolExecutor scheduler =
            new ScheduledThreadPoolExecutor(4, threads("bench-scheduler-"));
    private final ThreadPoolExecutor strategies;
    private final ThreadPoolExecutor venueCalls = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), threads("bench-venue-"), new ThreadPoolExecutor.CallerRunsPolicy());
    private final Path dir;
    private final Engine engine;
    private final SimulatedVenue venue;
    private final TimedConnector connector;
    private final Samples tickToOrder = new Samples();
    private final Samples intents = new Samples();
    private final Samples toStrategy = new Samples();
    private volatile long answered;
    private volatile OrderEvent refused;
    private volatile Thread waiter;

    /**
     * @param fsync false to leave out the journal's fsync (the records are still written)
     */
    public PaperTicks(boolean fsync) {
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        strategies = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("bench-strategy-"));
        try {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cambist-bench-paper-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engine = Engine.builder().clock(EngineClock.WALL).scheduler(scheduler)
                .dispatcher(Dispatcher.serial(strategies, venueCalls)).snapshotIntervalMillis(0).balanceRefreshMillis(0)
                .journal(replay -> new MeteredJournal(FileJournal.open(dir.resolve("journal"), JOURNAL_SEGMENT, replay),
                        fsync, intents))
                .build();
        venue = new PaperVenueFactory().create(new SimulationSpec(Markets.ACCOUNT, Markets.synthetic(0),
                Map.of("USDT", new BigDecimal("1000000000"), "BTC", new BigDecimal("1000000")), new BigDecimal("0.001"),
                new BigDecimal("0.001")));
        connector = new TimedConnector(venue, tickToOrder, this::wake);
        engine.bindConnector(Markets.ACCOUNT, connector);
        ReactingStrategy.Observer observer = new ReactingStrategy.Observer() {
            @Override
            public void candle() {
                toStrategy.add(System.nanoTime() - connector.candleAt());
            }

            @Override
            public void answered(OrderEvent event) {
                PaperTicks.this.answered(event);
            }
        };
        StrategyType type = new StrategyType("reacting", FACTORY_PID, () -> new ReactingStrategy(observer));
        engine.runner().typeAdded(type);
        engine.runner().configure(FACTORY_PID + "~" + INSTANCE, FACTORY_PID,
                Map.of("instrument", Markets.BTC_USDT.symbol(), "account", Markets.ACCOUNT));
        long deadline = System.nanoTime() + TIMEOUT;
        while (engine.runner().instance(INSTANCE).orElseThrow().state() != StrategyState.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the strategy instance did not start: "
                        + engine.runner().instance(INSTANCE).orElseThrow());
            }
            LockSupport.parkNanos(1_000_000);
        }
        clearSamples(); // the start-up's own journal append is not a tick
    }

    private void answered(OrderEvent event) {
        if (event.status() == OrderStatus.REJECTED) {
            refused = event;
        }
        answered++; // only the instance's thread writes it
        wake();
    }

    private void wake() {
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * One tick: the venue publishes the next candle; returns once the order the strategy placed in reaction has
     * been acknowledged and the venue's {@code place} has returned.
     *
     * @return nanoseconds from the candle entering the engine to the order entering the venue's {@code place}
     */
    public long tick() {
        long target = answered + 1;
        long placeTarget = connector.done() + 1;
        waiter = Thread.currentThread();
        venue.step();
        long deadline = System.nanoTime() + TIMEOUT;
        while ((answered < target || connector.done() < placeTarget) && refused == null) {
            LockSupport.parkNanos(this, 200_000);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no order reached the venue within 10 s of a candle");
            }
        }
        if (refused != null) {
            throw new IllegalStateException("the reacting order was refused: " + refused.order().reason());
        }
        return connector.lastLatency();
    }

    /** Onset to {@code place}, one sample per tick. */
    public Samples tickToOrder() {
        return tickToOrder;
    }

    /** Onset to the strategy's {@code onCandle}: the bus, the instance queue and the hand-over to a pool thread. */
    public Samples toStrategy() {
        return toStrategy;
    }

    /** Clears every sample (after a warm-up). */
    public void clearSamples() {
        tickToOrder.clear();
        intents.clear();
        toStrategy.clear();
    }

    /** The time of each order-intent journal append (with its fsync unless turned off). */
    public Samples intents() {
        return intents;
    }

    /** Orders the venue received. */
    public long placed() {
        return connector.placed();
    }

    @Override
    public void close() {
        engine.close();
        for (ExecutorService e : new ExecutorService[] {strategies, venueCalls, scheduler}) {
            e.shutdownNow();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left behind at worst
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
