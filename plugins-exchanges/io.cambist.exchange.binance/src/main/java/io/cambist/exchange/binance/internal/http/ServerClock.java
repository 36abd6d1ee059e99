package io.cambist.exchange.binance.internal.http;

import java.util.function.LongSupplier;

/**
 * Binance's clock as seen from here: the local clock plus an offset measured with {@code GET /api/v3/time}
 * (server time minus the midpoint of the request's round trip). Signed requests carry {@link #now()} as their
 * timestamp, so a skewed local clock does not cause -1021 rejections.
 */
public final class ServerClock {

    private final LongSupplier local;
    private volatile long offset;
    private volatile boolean synced;

    public ServerClock(LongSupplier local) {
        this.local = local;
    }

    /** The local time, epoch milliseconds. */
    public long local() {
        return local.getAsLong();
    }

    /** The estimated server time, epoch milliseconds. */
    public long now() {
        return local.getAsLong() + offset;
    }

    /** Records a measurement: the server's time and when the request left and the answer arrived, locally. */
    public void update(long serverTime, long sentAt, long receivedAt) {
        offset = serverTime - (sentAt + receivedAt) / 2;
        synced = true;
    }

    /** Server minus local time, milliseconds. */
    public long offset() {
        return offset;
    }

    /** True once a measurement was taken. */
    public boolean synced() {
        return synced;
    }
}
