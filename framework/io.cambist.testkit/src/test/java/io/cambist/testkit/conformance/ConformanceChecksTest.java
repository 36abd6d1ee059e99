package io.cambist.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.PriceLevel;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;

class ConformanceChecksTest {

    private static final Instrument I = Instrument.of("ETH", "BTC");
    private static final ClientOrderId ID = ClientOrderId.of("a1");

    private static PriceLevel l(String p, String q) {
        return new PriceLevel(new BigDecimal(p), new BigDecimal(q));
    }

    private static OrderBook book(List<PriceLevel> bids, List<PriceLevel> asks) {
        return new OrderBook("acc", I, 1, bids, asks, 0);
    }

    private static ExecutionReport report(OrderStatus status, String tradeId) {
        VenueOrder o = new VenueOrder(ID, null, I, Side.BUY, OrderType.LIMIT, status, BigDecimal.ONE, null, null,
                BigDecimal.ONE, null, 0);
        Fill f = tradeId == null ? null
                : new Fill(tradeId, ID, null, I, Side.BUY, BigDecimal.ONE, new BigDecimal("0.5"), null, null, null, 0);
        return new ExecutionReport("acc", o, f);
    }

    @Test
    void crossedOrUnsortedBooksAreRejected() {
        ConformanceChecks.assertWellFormed(book(List.of(l("2", "1"), l("1", "1")), List.of(l("3", "1"), l("4", "1"))));
        assertThatThrownBy(() -> ConformanceChecks.assertWellFormed(book(List.of(l("3", "1")), List.of(l("3", "1")))))
                .hasMessageContaining("crossed");
        assertThatThrownBy(() -> ConformanceChecks.assertWellFormed(book(List.of(l("1", "1"), l("2", "1")), List.of())))
                .hasMessageContaining("sorted");
        assertThatThrownBy(() -> ConformanceChecks.assertWellFormed(book(List.of(l("1", "0")), List.of())))
                .hasMessageContaining("positive");
    }

    @Test
    void sameTopComparesNumerically() {
        OrderBook ours = book(List.of(l("2.0", "1.50"), l("1", "1")), List.of(l("3", "1")));
        OrderBook venue = book(List.of(l("2", "1.5"), l("1", "1"), l("0.5", "9")), List.of(l("3.00", "1")));
        assertThat(ConformanceChecks.sameTop(ours, venue, 2)).isTrue();
        assertThat(ConformanceChecks.sameTop(ours, venue, 3)).as("ours has too few levels").isFalse();
        assertThat(ConformanceChecks.sameTop(book(List.of(l("2", "1")), List.of(l("3", "1"))), venue, 1)).isFalse();
    }

    @Test
    void duplicateFillsAndRepeatedStatesAreDefects() {
        ConformanceChecks.assertOrderEventsConsistent(List.of(report(OrderStatus.NEW, null),
                report(OrderStatus.PARTIALLY_FILLED, "t1"), report(OrderStatus.PARTIALLY_FILLED, "t2"),
                report(OrderStatus.FILLED, "t3")));
        assertThatThrownBy(() -> ConformanceChecks.assertOrderEventsConsistent(
                List.of(report(OrderStatus.PARTIALLY_FILLED, "t1"), report(OrderStatus.FILLED, "t1"))))
                .hasMessageContaining("t1");
        assertThatThrownBy(() -> ConformanceChecks.assertOrderEventsConsistent(
                List.of(report(OrderStatus.NEW, null), report(OrderStatus.NEW, null)))).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> ConformanceChecks.assertOrderEventsConsistent(
                List.of(report(OrderStatus.FILLED, "t1"), report(OrderStatus.NEW, null)))).hasMessageContaining("FILLED");
        assertThat(ConformanceChecks.filledQuantity(List.of(report(OrderStatus.PARTIALLY_FILLED, "t1"),
                report(OrderStatus.FILLED, "t2")), ID)).isEqualByComparingTo("1");
    }
}
