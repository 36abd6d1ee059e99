package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;

/** The single door for order updates: fills once by exec id, legal transitions only, txids remembered. */
class OrderTrackerTest {

    private static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    private final List<ExecutionReport> delivered = new CopyOnWriteArrayList<>();
    private final OrderTracker tracker = new OrderTracker("k", delivered::add, 100);

    private static VenueOrder order(String id, OrderStatus status, String filled) {
        return new VenueOrder(ClientOrderId.of(id), new VenueOrderId("O-" + id), ETH_BTC, Side.BUY, OrderType.LIMIT, status,
                BigDecimal.ONE, new BigDecimal(filled), null, new BigDecimal("0.045"), null, 1);
    }

    private static Fill fill(String id, String exec, String qty) {
        return new Fill(exec, ClientOrderId.of(id), new VenueOrderId("O-" + id), ETH_BTC, Side.BUY, new BigDecimal("0.045"),
                new BigDecimal(qty), BigDecimal.ZERO, "BTC", null, 1);
    }

    @Test
    void fillsAreDeliveredOnceAndStatesOnlyMoveForward() {
        tracker.placed(order("a", OrderStatus.NEW, "0"));
        assertThat(tracker.clientOrderId("O-a")).contains(ClientOrderId.of("a"));
        assertThat(tracker.offer(new ExecutionReport("k", order("a", OrderStatus.NEW, "0"), null))).isTrue();
        assertThat(tracker.offer(new ExecutionReport("k", order("a", OrderStatus.NEW, "0"), null))).as("repeat").isFalse();
        assertThat(tracker.offer(new ExecutionReport("k", order("a", OrderStatus.PARTIALLY_FILLED, "0.4"),
                fill("a", "T1", "0.4")))).isTrue();
        assertThat(tracker.offer(new ExecutionReport("k", order("a", OrderStatus.PARTIALLY_FILLED, "0.4"),
                fill("a", "T1", "0.4")))).as("same exec id").isFalse();
        assertThat(tracker.offer(new ExecutionReport("k", order("a", OrderStatus.NEW, "0"), null))).as("backwards").isFalse();
        assertThat(tracker.offer(new ExecutionReport("k", order("a", OrderStatus.FILLED, "1"), null))).isTrue();
        assertThat(tracker.pending()).as("a fill is still owed").hasSize(1);
        assertThat(tracker.offer(new ExecutionReport("k", order("a", OrderStatus.PARTIALLY_FILLED, "1"),
                fill("a", "T2", "0.6")))).isTrue();
        assertThat(delivered.get(delivered.size() - 1).order().status()).as("a late fill keeps the later state")
                .isEqualTo(OrderStatus.FILLED);
        assertThat(tracker.pending()).isEmpty();
        assertThat(tracker.seen("T2")).isTrue();
    }

    @Test
    void adoptedOrdersReportOnlyLaterChanges() {
        tracker.adopt(order("b", OrderStatus.PARTIALLY_FILLED, "0.2"));
        assertThat(tracker.offer(new ExecutionReport("k", order("b", OrderStatus.PARTIALLY_FILLED, "0.2"), null))).isFalse();
        assertThat(tracker.offer(new ExecutionReport("k", order("b", OrderStatus.CANCELED, "0.2"), null))).isTrue();
        assertThat(delivered).hasSize(1);
    }

    @Test
    void anOrderTheVenueNeverSawIsForgotten() {
        tracker.placed(new VenueOrder(ClientOrderId.of("c"), null, ETH_BTC, Side.BUY, OrderType.LIMIT,
                OrderStatus.PENDING_NEW, BigDecimal.ONE, BigDecimal.ZERO, null, BigDecimal.ONE, null, 1));
        assertThat(tracker.pending()).singleElement().satisfies(p -> assertThat(p.txid()).isNull());
        tracker.forget(ClientOrderId.of("c"));
        assertThat(tracker.pending()).isEmpty();
    }
}
