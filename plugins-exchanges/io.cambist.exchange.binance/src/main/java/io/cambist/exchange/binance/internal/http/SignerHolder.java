package io.cambist.exchange.binance.internal.http;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.cambist.api.security.Signer;

/**
 * The current {@link Signer} service, which may come and go while the security bundles are updated. A signed request
 * waits (bounded) for a signer instead of failing at once.
 */
public final class SignerHolder {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition bound = lock.newCondition();
    private Signer signer;

    /** A signer service appeared. */
    public void bind(Signer s) {
        lock.lock();
        try {
            signer = s;
            bound.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A signer service went away. */
    public void unbind(Signer s) {
        lock.lock();
        try {
            if (signer == s) {
                signer = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The signer, waiting up to {@code wait} for one; {@code null} when none came. */
    public Signer await(Duration wait) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (signer == null && nanos > 0) {
                nanos = bound.awaitNanos(nanos);
            }
            return signer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The signer now, or {@code null}. */
    public Signer current() {
        return await(Duration.ZERO);
    }
}
