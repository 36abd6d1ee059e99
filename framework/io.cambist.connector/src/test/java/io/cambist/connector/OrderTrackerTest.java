package io.cambist.connector;

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

/** The single door for order updates: fills once by trade id, legal transitions only, owed updates remembered. */
class OrderTrackerTest {

    private static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    private final List<ExecutionReport> delivered = new CopyOnWriteArrayList<>();
    private final OrderTracker tracker = new OrderTracker("acc", delivered::add, 100);
    private final ClientOrderId id = ClientOrderId.of("o1");

    // ---- an order without a venue id, trade ids per market (Binance's way) ----

    private ExecutionReport report(OrderStatus status, String filled, String tradeId, String qty) {
        VenueOrder o = new VenueOrder(id, null, ETH_BTC, Side.BUY, OrderType.LIMIT, status, BigDecimal.ONE,
                new BigDecimal(filled), null, BigDecimal.ONE, null, 0);
        Fill f = tradeId == null ? null
                : new Fill(tradeId, id, null, ETH_BTC, Side.BUY, BigDecimal.ONE, new BigDecimal(qty), null, null, null, 0);
        return new ExecutionReport("acc", o, f);
    }

    private VenueOrder asked() {
        return new VenueOrder(id, null, ETH_BTC, Side.BUY, OrderType.LIMIT, OrderStatus.PENDING_NEW, BigDecimal.ONE,
                BigDecimal.ZERO, null, BigDecimal.ONE, null, 0);
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
    void tradeIdsAreScopedByMarketWhenTheVenueNumbersThemPerMarket() {
        tracker.offer(report(OrderStatus.PARTIALLY_FILLED, "0.4", "7", "0.4"), "ETHBTC");
        assertThat(tracker.seen("ETHBTC", "7")).isTrue();
        assertThat(tracker.seen("LTCBTC", "7")).isFalse();
        assertThat(tracker.seen("7")).as("not a venue-wide id").isFalse();
        ClientOrderId other = ClientOrderId.of("o2");
        VenueOrder ltc = new VenueOrder(other, null, Instrument.of("LTC", "BTC"), Side.BUY, OrderType.LIMIT,
                OrderStatus.PARTIALLY_FILLED, BigDecimal.ONE, new BigDecimal("0.1"), null, BigDecimal.ONE, null, 0);
        Fill sameNumber = new Fill("7", other, null, ltc.instrument(), Side.BUY, BigDecimal.ONE, new BigDecimal("0.1"),
                null, null, null, 0);
        assertThat(tracker.offer(new ExecutionReport("acc", ltc, sameNumber), "LTCBTC"))
                .as("trade 7 of another market is another trade").isTrue();
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
        tracker.placed(asked(), "ETHBTC");
        assertThat(tracker.pending()).extracting(OrderTracker.Pending::clientOrderId).containsExactly(id);
        assertThat(tracker.pending().get(0).market()).isEqualTo("ETHBTC");
        tracker.forget(id);
        assertThat(tracker.pending()).isEmpty();
        tracker.placed(report(OrderStatus.NEW, "0", null, null).order(), "ETHBTC");
        tracker.offer(report(OrderStatus.CANCELED, "0", null, null), "ETHBTC");
        assertThat(tracker.reported(id)).isEqualTo(OrderStatus.CANCELED);
        assertThat(tracker.pending()).isEmpty();
    }

    @Test
    void aPlaceAnswerWithFillsKeepsTheOrderOwedUntilTheFillsAreReported() {
        tracker.placed(report(OrderStatus.FILLED, "1", null, null).order(), "ETHBTC");
        tracker.offer(report(OrderStatus.FILLED, "1", null, null), "ETHBTC");
        assertThat(tracker.pending()).as("filled 1 at the venue, no fill reported yet").hasSize(1);
        tracker.offer(report(OrderStatus.FILLED, "1", "5", "1"), "ETHBTC");
        assertThat(tracker.pending()).isEmpty();
        assertThat(tracker.reported(id)).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void aForgetKeepsAnOrderWithReportedUpdates() {
        tracker.offer(report(OrderStatus.NEW, "0", null, null), "ETHBTC");
        tracker.forget(id);
        assertThat(tracker.pending()).hasSize(1);
    }

    @Test
    void recoveryOffersMissedFillsWithCumulativeQuantitiesThenTheFinalState() {
        tracker.placed(asked(), "ETHBTC");
        tracker.offer(report(OrderStatus.PARTIALLY_FILLED, "0.2", "1", "0.2"), "ETHBTC");
        VenueOrder now = report(OrderStatus.FILLED, "1", null, null).order();
        List<Fill> fills = List.of(report(OrderStatus.FILLED, "1", "1", "0.2").fill(),
                report(OrderStatus.FILLED, "1", "2", "0.5").fill(), report(OrderStatus.FILLED, "1", "3", "0.3").fill());
        tracker.recovered(now, fills, BigDecimal.ZERO, "ETHBTC");
        assertThat(delivered).extracting(r -> r.fill() == null ? "state " + r.order().status()
                : r.fill().tradeId() + " " + r.order().status() + " " + r.order().filledQuantity()).containsExactly(
                        "1 PARTIALLY_FILLED 0.2", "2 PARTIALLY_FILLED 0.7", "3 FILLED 1.0");
        assertThat(tracker.pending()).isEmpty();
    }

    @Test
    void recoveryCountsFromWhatWasReportedWhenOnlyMissingFillsAreGiven() {
        tracker.offer(report(OrderStatus.PARTIALLY_FILLED, "0.4", "1", "0.4"), "ETHBTC");
        VenueOrder now = report(OrderStatus.CANCELED, "0.6", null, null).order();
        tracker.recovered(now, List.of(report(OrderStatus.CANCELED, "0.6", "2", "0.2").fill()), new BigDecimal("0.4"),
                "ETHBTC");
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(1).order().status()).as("the last fill carries the final state")
                .isEqualTo(OrderStatus.CANCELED);
        assertThat(delivered.get(1).order().filledQuantity()).isEqualByComparingTo("0.6");
        assertThat(tracker.pending()).isEmpty();
    }

    // ---- orders with venue ids, trade ids unique venue-wide (Kraken's way) ----

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
        assertThat(tracker.venueOrderId(ClientOrderId.of("a"))).contains("O-a");
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
        assertThat(tracker.known(ClientOrderId.of("a"))).get().extracting(VenueOrder::status).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void theVenueIdOfALostAnswerIsLearntLater() {
        tracker.placed(new VenueOrder(ClientOrderId.of("d"), null, ETH_BTC, Side.BUY, OrderType.LIMIT,
                OrderStatus.PENDING_NEW, BigDecimal.ONE, BigDecimal.ZERO, null, BigDecimal.ONE, null, 1));
        tracker.placed(order("d", OrderStatus.NEW, "0"));
        assertThat(tracker.pending()).singleElement().satisfies(p -> {
            assertThat(p.venueOrderId()).isEqualTo("O-d");
            assertThat(p.known().status()).as("only the id is taken from the late answer").isEqualTo(OrderStatus.PENDING_NEW);
            assertThat(p.instrument()).isEqualTo(ETH_BTC);
        });
        assertThat(tracker.clientOrderId("O-d")).contains(ClientOrderId.of("d"));
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
        assertThat(tracker.pending()).singleElement().satisfies(p -> {
            assertThat(p.venueOrderId()).isNull();
            assertThat(p.market()).isNull();
        });
        tracker.forget(ClientOrderId.of("c"));
        assertThat(tracker.pending()).isEmpty();
    }

    @Test
    void finishedOrdersAreRememberedUpToTheMemory() {
        OrderTracker small = new OrderTracker("k", delivered::add, 2);
        for (String o : List.of("x", "y", "z")) {
            small.offer(new ExecutionReport("k", order(o, OrderStatus.CANCELED, "0"), null));
        }
        assertThat(small.reported(ClientOrderId.of("z"))).isEqualTo(OrderStatus.CANCELED);
        assertThat(small.reported(ClientOrderId.of("x"))).as("the oldest is forgotten").isNull();
        assertThat(small.offer(new ExecutionReport("k", order("z", OrderStatus.CANCELED, "0"), null))).isFalse();
    }
}
