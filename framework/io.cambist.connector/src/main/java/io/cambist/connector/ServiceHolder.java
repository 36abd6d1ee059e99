package io.cambist.connector;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The current instance of a dynamic, optional service reference (the {@code Signer}, the {@code NonceGenerator}),
 * which may come and go while the security bundles are updated. A caller waits (bounded) for one instead of failing
 * at once.
 *
 * @param <T> the service type
 */
public final class ServiceHolder<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition bound = lock.newCondition();
    private T service;

    /** A service appeared (call from the component's bind method); wakes every waiting caller. */
    public void bind(T s) {
        lock.lock();
        try {
            service = s;
            bound.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A service went away (ignored when another one replaced it already). */
    public void unbind(T s) {
        lock.lock();
        try {
            if (service == s) {
                service = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The service, waiting up to {@code wait} for one.
     *
     * @return the service, or {@code null} when none came in time or the caller was interrupted (the interrupt
     *         flag is kept)
     */
    public T await(Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (service == null && nanos > 0) {
                nanos = bound.awaitNanos(nanos);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The service now, or {@code null}. */
    public T current() {
        return await(Duration.ZERO);
    }
}
