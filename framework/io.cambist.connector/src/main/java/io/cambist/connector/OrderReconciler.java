package io.cambist.connector;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.cambist.api.exchange.ConnectionState;

/**
 * Runs order recovery (asking the venue about every order the {@link OrderTracker} says may owe updates) one run at a
 * time: a request while a run is under way makes exactly one more run after it, so an update that raced the first
 * run is not missed and requests never pile up. While orders are being reconciled, the health part
 * {@value #PART} is DEGRADED with the given reason.
 */
public final class OrderReconciler {

    /** The health part set while a run has orders to reconcile. */
    public static final String PART = "recovery";

    private final Supplier<CompletableFuture<?>> recovery;
    private final OrderTracker tracker;
    private final ConnectionHealth health;
    private final String reason;
    private boolean running;
    private boolean again;

    /**
     * @param recovery starts one run and completes when it is done (failures are the run's to log; the future should
     *                 not fail, and a failed one is treated as done)
     * @param reason   the DEGRADED reason shown while a run has orders to reconcile
     */
    public OrderReconciler(Supplier<CompletableFuture<?>> recovery, OrderTracker tracker, ConnectionHealth health,
            String reason) {
        this.recovery = recovery;
        this.tracker = tracker;
        this.health = health;
        this.reason = reason;
    }

    /** Starts a run now, or once more after the one under way. Returns at once. */
    public void recover() {
        synchronized (this) {
            if (running) {
                again = true;
                return;
            }
            running = true;
            again = false;
        }
        if (!tracker.pending().isEmpty()) {
            health.set(PART, ConnectionState.DEGRADED, reason);
        }
        recovery.get().whenComplete((n, e) -> {
            boolean more;
            synchronized (this) {
                running = false;
                more = again;
            }
            health.clear(PART);
            if (more) {
                recover();
            }
        });
    }
}
