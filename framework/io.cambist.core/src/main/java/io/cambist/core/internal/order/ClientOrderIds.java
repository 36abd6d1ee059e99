package io.cambist.core.internal.order;

import java.util.concurrent.atomic.AtomicLong;

import io.cambist.api.model.ClientOrderId;

/**
 * Generates client order ids of at most 18 characters: {@code cb} + the engine's epoch (milliseconds, 8 base-36
 * digits) + a counter in base 36. The epoch is the clock's time when the engine started, raised above every epoch the
 * journal has seen, so ids are unique across restarts; under a simulated clock the same run gives the same ids.
 */
public final class ClientOrderIds {

    static final String PREFIX = "cb";
    private static final int EPOCH_DIGITS = 8;

    private final long epoch;
    private final String head;
    private final AtomicLong counter = new AtomicLong();

    public ClientOrderIds(long epoch) {
        if (epoch < 0 || epoch >= 2_821_109_907_456L) {
            throw new IllegalArgumentException("order id epoch " + epoch + " out of range");
        }
        this.epoch = epoch;
        String digits = Long.toString(epoch, 36);
        this.head = PREFIX + "0".repeat(EPOCH_DIGITS - digits.length()) + digits;
    }

    /** The epoch these ids carry. */
    public long epoch() {
        return epoch;
    }

    /** The next id. */
    public ClientOrderId next() {
        return new ClientOrderId(head + Long.toString(counter.incrementAndGet(), 36));
    }

    /** The epoch of an id this class generated, or -1 for a foreign id. */
    public static long epochOf(ClientOrderId id) {
        String v = id.value();
        if (!v.startsWith(PREFIX) || v.length() <= PREFIX.length() + EPOCH_DIGITS) {
            return -1;
        }
        try {
            return Long.parseLong(v.substring(PREFIX.length(), PREFIX.length() + EPOCH_DIGITS), 36);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
