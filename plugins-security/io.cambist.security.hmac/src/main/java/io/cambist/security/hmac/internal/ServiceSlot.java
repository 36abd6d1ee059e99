package io.cambist.security.hmac.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The current instance of a service another bundle provides, bound and unbound by SCR (dynamic, greedy). Callers
 * that find it missing, as during a bundle update, wait for the replacement up to a deadline instead of failing; a
 * call that fails because its instance was replaced meanwhile is retried on the new one.
 *
 * @param <T> the service type
 */
final class ServiceSlot<T> {

    /** Thrown when no instance arrives before the deadline. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private final String description;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile T current;
    private boolean closed;

    /** Wakes every waiting caller with {@link SignerStoppedException}: the owner is gone. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @param description what the service is, for messages: {@code key ring (io.cambist.security.vault)} */
    ServiceSlot(String description) {
        this.description = description;
    }

    void bind(T service) {
        lock.lock();
        try {
            current = service;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void unbind(T service) {
        lock.lock();
        try {
            if (current == service) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    T current() {
        return current;
    }

    /**
     * The instance, waiting for one until the deadline.
     *
     * @param deadline {@link System#nanoTime()} deadline
     * @throws Unavailable when none arrives in time
     */
    T await(long deadline, long waitedMillis) {
        T service = current;
        if (service != null) {
            return service;
        }
        lock.lock();
        try {
            while ((service = current) == null) {
                if (closed) {
                    throw new SignerStoppedException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new Unavailable(description + " is not available (waited " + waitedMillis
                            + " ms): check that its bundle is active");
                }
                changed.awaitNanos(left);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for " + description);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls the service; when the call fails and the instance was replaced meanwhile (a bundle update), calls the
     * replacement instead, until the deadline.
     */
    <R> R call(long timeoutMillis, Function<T, R> action) {
        T service = current;
        if (service != null) {
            // the common case: no deadline to compute, no waiting
            try {
                return action.apply(service);
            } catch (RuntimeException e) {
                if (current == service) {
                    throw e;
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            service = await(deadline, timeoutMillis);
            try {
                return action.apply(service);
            } catch (RuntimeException e) {
                if (current == service || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                // the instance went away while we used it: use its replacement
            }
        }
    }
}
