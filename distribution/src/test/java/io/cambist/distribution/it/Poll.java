package io.cambist.distribution.it;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Bounded polling for the whole-product tests (which see a live system, so they wait for states, never sleep blindly). */
public final class Poll {

    private Poll() {
    }

    /** A probe's answer: the value once the condition holds, else a description of the current state. */
    public record Probe<T>(Optional<T> value, String state) {

        public static <T> Probe<T> done(T value) {
            return new Probe<>(Optional.of(value), "done");
        }

        public static <T> Probe<T> waiting(String state) {
            return new Probe<>(Optional.empty(), state);
        }
    }

    /** Polls every 50 ms until the probe returns a value; fails with the last state after the timeout. */
    public static <T> T until(String what, Duration timeout, Supplier<Probe<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Probe<T> last = probe.get();
        while (last.value().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last: " + last.state());
            }
            Thread.sleep(50);
            last = probe.get();
        }
        return last.value().get();
    }

    /** Polls a GET until its answer has the status and contains {@code expected}; returns that answer. */
    public static AdminClient.Response body(AdminClient admin, String path, String expected, Duration timeout)
            throws InterruptedException {
        return until("GET " + path + " to contain " + expected, timeout, () -> {
            AdminClient.Response r = admin.get(path);
            return r.status() == 200 && r.body().contains(expected) ? Probe.done(r) : Probe.waiting(r.toString());
        });
    }
}
