package io.cambist.security.hmac.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.cambist.api.security.SignatureScheme;

/**
 * The signature schemes registered as services, by their {@code scheme} property. Any bundle may add one; when two
 * share a name the higher service ranking wins (then the older service). Lookups are a map read; a missing name is
 * waited for (bounded), as when the bundle that provides it is being updated.
 */
final class SchemeRegistry {

    /** A registered scheme and its ordering keys. */
    private record Registration(String name, SignatureScheme scheme, int ranking, long serviceId) {
        boolean beats(Registration other) {
            return ranking != other.ranking ? ranking > other.ranking : serviceId < other.serviceId;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Registration> registrations = new ArrayList<>();
    private volatile Map<String, SignatureScheme> best = Map.of();
    private boolean closed;

    /** Wakes every waiting caller with {@link SignerStoppedException}: this registry's signer is gone. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void add(SignatureScheme scheme, Map<String, ?> properties) {
        Object name = properties.get(SignatureScheme.SCHEME);
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        lock.lock();
        try {
            registrations.add(new Registration(name instanceof String s ? s : scheme.name(), scheme,
                    ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : Long.MAX_VALUE));
            publish();
        } finally {
            lock.unlock();
        }
    }

    void remove(SignatureScheme scheme) {
        lock.lock();
        try {
            registrations.removeIf(r -> r.scheme == scheme);
            publish();
        } finally {
            lock.unlock();
        }
    }

    private void publish() {
        Map<String, Registration> winners = new HashMap<>();
        for (Registration r : registrations) {
            winners.merge(r.name, r, (a, b) -> b.beats(a) ? b : a);
        }
        Map<String, SignatureScheme> next = new HashMap<>();
        winners.forEach((name, r) -> next.put(name, r.scheme));
        best = Map.copyOf(next);
        changed.signalAll();
    }

    /**
     * The scheme with that name, waiting up to the timeout for it to be registered.
     *
     * @throws IllegalArgumentException when none is registered in time, naming those that are
     */
    SignatureScheme get(String name, long timeoutMillis) {
        SignatureScheme scheme = best.get(name);
        if (scheme != null) {
            return scheme;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while ((scheme = best.get(name)) == null) {
                if (closed) {
                    throw new SignerStoppedException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalArgumentException("no signature scheme '" + name + "' is registered (waited "
                            + timeoutMillis + " ms; registered: " + String.join(", ", new TreeSet<>(best.keySet())) + ")");
                }
                changed.awaitNanos(left);
            }
            return scheme;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while waiting for signature scheme '" + name + "'");
        } finally {
            lock.unlock();
        }
    }
}
