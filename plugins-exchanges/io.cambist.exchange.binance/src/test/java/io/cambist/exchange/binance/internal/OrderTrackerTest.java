package io.cambist.exchange.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;

class OrderTrackerTest {

    private final List<ExecutionReport> delivered = new ArrayList<>();
    private final OrderTracker tracker = new OrderTracker("acc", delivered::add, 100);
    private final Instrument ethBtc = Instrument.of("ETH", "BTC");
    private final ClientOrderId id = ClientOrderId.of("o1");

    private ExecutionReport report(OrderStatus status, String filled, String tradeId, String qty) {
        VenueOrder o = new VenueOrder(id, null, ethBtc, Side.BUY, OrderType.LIMIT, status, BigDecimal.ONE,
                new BigDecimal(filled), null, BigDecimal.ONE, null, 0);
        Fill f = tradeId == null ? null
                : new Fill(tradeId, id, null, ethBtc, Side.BUY, BigDecimal.ONE, new BigDecimal(qty), null, null, null, 0);
        return new ExecutionReport("acc", o, f);
    }

    @Test
    void fillsAreDeliveredOncePerTradeId() {
        assertThat(tracker.offer(report(OrderStatus.NEW, "0", null, null), "ETHBTC")).isTrue();
        assertThat(tracker.offer(report(OrderStatus.PARTIALLY_FILLED, "0.4", "7", "0.4"), "ETHBTC")).isTrue();
        assertThat(tracker.offer(report(OrderStatus.PARTIALLY_FILLED, "0.4", "7", "0.4"), "ETHBTC")).isFalse();
        assertThat(tracker.offer(report(OrderStatus.NEW, "0", null, null), "ETHBTC")).as("backwards").isFalse();
        assertThat(tracker.offer(report(OrderStatus.PARTIALLY_FILLED, "0.4", null, null), "ETHBTC")).as("repeat").isFalse();
        assertThat(tracker.offer(report(OrderStatus.FILLED, "1", "8", "0.6"), "ETHBTC")).isTrue();
        assertThat(delivered).hasSize(3);
        assertThat(tracker.pending()).as("settled: finished and every fill reported").isEmpty();
        assertThat(tracker.offer(report(OrderStatus.FILLED, "1", "8", "0.6"), "ETHBTC")).as("late duplicate").isFalse();
    }

    @Test
    void aFillArrivingAfterALaterStateKeepsTheLaterState() {
        tracker.offer(report(OrderStatus.FILLED, "1", "9", "0.5"), "ETHBTC");
        assertThat(tracker.pending()).as("FILLED but only half of it reported").hasSize(1);
        tracker.offer(report(OrderStatus.PARTIALLY_FILLED, "0.5", "8", "0.5"), "ETHBTC");
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(1).order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(delivered.get(1).fill().tradeId()).isEqualTo("8");
        assertThat(tracker.pending()).isEmpty();
    }

    @Test
    void placedOrdersAreOwedUpdatesUntilReported() {
        tracker.placed(id, "ETHBTC", ethBtc, null);
        assertThat(tracker.pending()).extracting(OrderTracker.Pending::clientOrderId).containsExactly(id);
        tracker.forget(id);
        assertThat(tracker.pending()).isEmpty();
        tracker.placed(id, "ETHBTC", ethBtc, report(OrderStatus.NEW, "0", null, null).order());
        tracker.offer(report(OrderStatus.CANCELED, "0", null, null), "ETHBTC");
        assertThat(tracker.reported(id)).isEqualTo(OrderStatus.CANCELED);
        assertThat(tracker.pending()).isEmpty();
    }
}
