package io.cambist.testkit.venue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.cambist.testkit.conformance.VenueControl;
import io.cambist.testkit.conformance.VenueFault;

/**
 * The plumbing every fake venue shares, so a connector author writes only the venue's protocol: a running
 * {@link FakeVenueServer}, the queue of {@link VenueFault}s for the next private requests and the count of private
 * requests ({@link #privateRequest()}), a daemon timer for the venue's own pings and heartbeats ({@link #every}), and
 * the {@link VenueControl} methods that act on the server's sockets. {@link #close()} stops the timer and the server.
 */
public abstract class AbstractFakeVenue implements VenueControl {

    private final FakeVenueServer server = FakeVenueServer.start();
    private final Deque<VenueFault> faults = new ArrayDeque<>();
    private final AtomicLong privateRequests = new AtomicLong();
    private final ScheduledExecutorService timer;

    /** Starts the server; {@code name} names the timer thread, e.g. {@code fake-binance}. */
    protected AbstractFakeVenue(String name) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** The underlying server (routes, recorded requests, sockets, raw faults). */
    public final FakeVenueServer server() {
        return server;
    }

    /** Runs a venue task (pings, heartbeats) every {@code millis}, first after one period, until {@link #close()}. */
    protected final void every(long millis, Runnable task) {
        timer.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Call at the start of every private (account or order) request: counts it and returns the fault it must be
     * answered with, or {@code null} to answer it normally.
     */
    protected final VenueFault privateRequest() {
        privateRequests.incrementAndGet();
        synchronized (faults) {
            return faults.poll();
        }
    }

    @Override
    public void dropConnections() {
        server.dropAllSockets();
    }

    @Override
    public void setStreamsAvailable(boolean available) {
        server.refuseWebSockets(!available);
        if (!available) {
            server.dropAllSockets();
        }
    }

    @Override
    public void sendMalformedMessage() {
        server.openSockets().forEach(FakeSocket::sendMalformed);
    }

    @Override
    public void failNextPrivateRequest(VenueFault fault) {
        synchronized (faults) {
            faults.add(fault);
        }
    }

    @Override
    public long privateRequests() {
        return privateRequests.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.close();
    }
}
