package io.cambist.connector;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Subscription;

/**
 * A test venue session whose instrument list is scripted: each bootstrap call takes the next queued answer, ETH/BTC
 * when none is queued. Records the streams it carries and whether they were stopped.
 */
final class ScriptedSession extends VenueSession<List<Instrument>> {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");

    final List<Subscription> streams = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    private final Deque<CompletableFuture<List<Instrument>>> answers = new ArrayDeque<>();
    private volatile List<Instrument> instruments;
    volatile boolean streamsStopped;

    /** Bootstrap retries after 50 ms, then 100 ms (no jitter). */
    ScriptedSession(VenueListener listener) {
        super("testvenue", "acc", URI.create("http://127.0.0.1:1"), "instruments", listener,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(100), 2, 0, () -> 0.5), listener::now);
    }

    /** Queues the answer to a later bootstrap call. */
    ScriptedSession answer(CompletableFuture<List<Instrument>> answer) {
        synchronized (answers) {
            answers.add(answer);
        }
        return this;
    }

    @Override
    protected CompletableFuture<List<Instrument>> bootstrapCall() {
        calls.incrementAndGet();
        synchronized (answers) {
            CompletableFuture<List<Instrument>> next = answers.poll();
            return next != null ? next : CompletableFuture.completedFuture(List.of(ETH_BTC));
        }
    }

    @Override
    public void loaded(List<Instrument> answer) {
        instruments = answer;
    }

    @Override
    protected boolean instrumentsLoaded() {
        return instruments != null;
    }

    @Override
    protected void ready() {
        every(20, () -> {
        });
    }

    @Override
    protected void subscribeStream(Subscription s) {
        if (!instruments.contains(s.instrument())) {
            throw new InvalidOrderException("testvenue does not list " + s.instrument());
        }
        streams.add(s);
    }

    @Override
    protected void unsubscribeStream(Subscription s) {
        streams.remove(s);
    }

    @Override
    protected void stopStreams() {
        streamsStopped = true;
    }
}
