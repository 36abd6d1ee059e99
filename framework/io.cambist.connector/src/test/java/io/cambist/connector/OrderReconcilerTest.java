package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.order.OrderStatus;

/** Recovery runs one at a time; requests meanwhile make exactly one more run; DEGRADED while orders are reconciled. */
class OrderReconcilerTest {

    private final List<ConnectionStatus> statuses = new ArrayList<>();
    private final ConnectionHealth health = new ConnectionHealth(ConnectionStatus.online(0), statuses::add, () -> 1);
    private final OrderTracker tracker = new OrderTracker("acc", r -> {
    }, 100);
    private final List<CompletableFuture<Integer>> runs = new ArrayList<>();
    private final OrderReconciler reconciler = new OrderReconciler(() -> {
        CompletableFuture<Integer> run = new CompletableFuture<>();
        runs.add(run);
        return run;
    }, tracker, health, "reconciling open orders");

    @Test
    void requestsDuringARunMakeExactlyOneMoreRun() {
        reconciler.recover();
        reconciler.recover();
        reconciler.recover();
        assertThat(runs).hasSize(1);
        runs.get(0).complete(0);
        assertThat(runs).as("one more run for the requests made meanwhile").hasSize(2);
        runs.get(1).complete(0);
        assertThat(runs).hasSize(2);
        reconciler.recover();
        assertThat(runs).hasSize(3);
    }

    @Test
    void aFailedRunDoesNotBlockTheNext() {
        reconciler.recover();
        runs.get(0).completeExceptionally(new IllegalStateException("venue down"));
        reconciler.recover();
        assertThat(runs).hasSize(2);
    }

    @Test
    void theStatusIsDegradedOnlyWhileOrdersAreReconciled() {
        reconciler.recover();
        runs.get(0).complete(0);
        assertThat(statuses).as("nothing owed, nothing to show").hasSize(1);
        tracker.placed(new VenueOrder(ClientOrderId.of("a"), null, Instrument.of("ETH", "BTC"), Side.BUY,
                OrderType.LIMIT, OrderStatus.PENDING_NEW, BigDecimal.ONE, BigDecimal.ZERO, null, BigDecimal.ONE, null, 0));
        reconciler.recover();
        assertThat(health.status()).isEqualTo(ConnectionStatus.of(ConnectionState.DEGRADED, "reconciling open orders", 1));
        runs.get(1).complete(1);
        assertThat(health.status().state()).isEqualTo(ConnectionState.ONLINE);
    }
}
