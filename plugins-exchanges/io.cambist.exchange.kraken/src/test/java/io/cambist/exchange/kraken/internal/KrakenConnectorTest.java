package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenVenue;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.conformance.ConformanceChecks;
import io.cambist.testkit.conformance.ConnectorTestSupport;
import io.cambist.testkit.venue.FakeSocket;

/** Kraken behaviours beyond the shared conformance suite, against the fake venue. */
class KrakenConnectorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FakeKrakenVenue venue = new FakeKrakenVenue();
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private KrakenConnector connector;

    @AfterEach
    void stop() {
        ConnectorTestSupport.finish(connector, listener, venue);
    }

    private KrakenConnector connect() {
        connector = ConnectorTestSupport.connect(venue.createKrakenConnector(), listener, TIMEOUT);
        return connector;
    }

    private <T> T pump(String what, Supplier<Optional<T>> check) {
        return ConnectorTestSupport.pump(venue, what, TIMEOUT, check);
    }

    private FakeSocket socket(String path) {
        return venue.server().awaitSocket(path, s -> s.path().equals(path), TIMEOUT);
    }

    private void awaitBookMatchesVenue() {
        Await.until("the connector's book matches the venue's", TIMEOUT, () -> listener.lastMarketEvent(OrderBook.class,
                b -> true).filter(b -> ConformanceChecks.sameTop(b, venue.venueBook(10), 10)).isPresent());
    }

    private OrderRequest restingBuy(String id) {
        return OrderRequest.limit(venue.instrument(), Side.BUY, new BigDecimal("0.1"), new BigDecimal("0.04500"))
                .withClientOrderId(ClientOrderId.of(id));
    }

    @Test
    void checksumMismatchResubscribesForAFreshSnapshot() {
        connect();
        connector.subscribe(Subscription.of(venue.instrument(), MarketDataKind.ORDER_BOOK));
        pump("a book", () -> listener.lastMarketEvent(OrderBook.class, b -> true));
        awaitBookMatchesVenue();
        FakeSocket socket = socket("/v2");
        int statuses = listener.statuses().size();
        venue.skipNextBookUpdate();
        venue.marketActivity();
        venue.marketActivity();
        listener.awaitStatusSince(statuses, s -> s.state() == ConnectionState.DEGRADED
                && s.reason().contains("checksum mismatch"), "the resync is reported", TIMEOUT);
        Await.until("unsubscribed and subscribed again", TIMEOUT, () -> socket.received().stream()
                .filter(m -> m.contains("\"book\"") && m.contains("\"subscribe\"")).count() == 2
                && socket.received().stream().anyMatch(m -> m.contains("\"unsubscribe\"")));
        venue.marketActivity();
        awaitBookMatchesVenue();
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        assertThat(connector.currentSession().market.resyncs()).isEqualTo(1);
        listener.marketEvents(OrderBook.class).forEach(ConformanceChecks::assertWellFormed);
    }

    @Test
    void thePrivateStreamFetchesAFreshTokenOnEveryConnection() {
        connect();
        assertThat(venue.tokenRequests()).isEqualTo(1);
        FakeSocket first = socket("/auth/v2");
        assertThat(first.received()).anyMatch(m -> m.contains("\"executions\"") && m.contains("\"token\""));
        venue.expireTokens();
        int from = listener.statuses().size();
        venue.dropConnections();
        listener.awaitStatusSince(from, s -> s.state() == ConnectionState.CONNECTING, "the outage", TIMEOUT);
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        assertThat(venue.tokenRequests()).isEqualTo(2);
        FakeSocket second = venue.server().awaitSocket("a new private socket", s -> s.path().equals("/auth/v2")
                && s.id() != first.id(), TIMEOUT);
        Await.until("the new socket subscribed with the new token", TIMEOUT, () -> second.sent().stream()
                .anyMatch(m -> m.contains("\"success\":true")));
    }

    @Test
    void anUnansweredExecutionsSubscriptionIsRetriedOnANewConnection() {
        venue.customize(b -> b.staleAfter(Duration.ofMillis(600)));
        venue.ignoreExecutionSubscriptions(true);
        connector = venue.createKrakenConnector();
        connector.connect(listener);
        listener.awaitStatusSince(0, s -> s.reason() != null && s.reason().contains("did not answer the executions"),
                "the missing answer is reported", TIMEOUT);
        venue.ignoreExecutionSubscriptions(false);
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        assertThat(venue.tokenRequests()).as("every new connection fetched its own token").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aGapInExecutionSequenceNumbersIsRecoveredFromRest() {
        connect();
        ClientOrderId id = ClientOrderId.of("gap1");
        connector.place(restingBuy(id.value()));
        listener.awaitExecution("NEW", r -> r.order().clientOrderId().equals(id) && r.order().status() == OrderStatus.NEW,
                TIMEOUT);
        FakeSocket priv = socket("/auth/v2");
        priv.swallowNext(m -> m.contains("\"executions\""), 2);
        venue.fillRestingOrder(id);
        long malformed = connector.malformedMessages();
        int queries = venue.server().requests("POST", "/0/private/QueryOrders").size();
        connector.place(restingBuy("gap2"));
        listener.awaitExecution("FILLED after the gap", r -> r.order().clientOrderId().equals(id)
                && r.order().status() == OrderStatus.FILLED, TIMEOUT);
        assertThat(connector.malformedMessages()).as("the gap is counted").isGreaterThan(malformed);
        assertThat(venue.server().requests("POST", "/0/private/QueryOrders").size()).isGreaterThan(queries);
        assertThat(ConformanceChecks.filledQuantity(listener.executions(), id)).isEqualByComparingTo("0.1");
    }

    @Test
    void outOfOrderExecutionMessagesAreCountedAndSkipped() {
        connect();
        ClientOrderId id = ClientOrderId.of("ooo1");
        connector.place(restingBuy(id.value()));
        listener.awaitExecution("NEW", r -> r.order().clientOrderId().equals(id), TIMEOUT);
        long malformed = connector.malformedMessages();
        socket("/auth/v2").send("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"X\","
                + "\"cl_ord_id\":\"ooo1\",\"exec_type\":\"canceled\",\"order_status\":\"canceled\","
                + "\"timestamp\":\"2023-07-06T18:04:00.001Z\"}],\"sequence\":1}");
        Await.until("the stale message is counted", TIMEOUT, () -> connector.malformedMessages() > malformed);
        Await.never("a cancel from a stale message", Duration.ofMillis(300), () -> listener.executions().stream()
                .anyMatch(r -> r.order().clientOrderId().equals(id) && r.order().status() == OrderStatus.CANCELED));
        assertThat(connector.query(venue.instrument(), id)).get().extracting(VenueOrder::status)
                .isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aPlacementWhoseAnswerIsLostIsStillFollowed() {
        venue.customize(b -> b.requestTimeout(Duration.ofMillis(400)));
        connect();
        venue.server().delayNext("POST", "/0/private/AddOrder", 900);
        ClientOrderId id = ClientOrderId.of("lost1");
        assertThatThrownBy(() -> connector.place(restingBuy(id.value()))).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("outcome is unknown");
        listener.awaitExecution("the order reported by the stream once the venue took it",
                r -> r.order().clientOrderId().equals(id) && r.order().status() == OrderStatus.NEW, TIMEOUT);
        VenueOrder found = connector.query(venue.instrument(), id).orElseThrow();
        assertThat(found.venueOrderId()).isNotNull();
        assertThat(found.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void connectionAndMaintenanceStatusesCarryReasons() {
        connect();
        connector.subscribe(Subscription.of(venue.instrument(), MarketDataKind.TRADE));
        FakeSocket pub = socket("/v2");
        Await.until("the connector pings kraken", TIMEOUT, () -> pub.received().stream()
                .anyMatch(m -> m.contains("\"method\":\"ping\"")));
        pub.send("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"api_version\":\"v2\",\"system\":\"maintenance\","
                + "\"version\":\"2.0.8\"}]}");
        listener.awaitStatusSince(0, s -> s.state() == ConnectionState.DEGRADED && s.reason().contains("maintenance"),
                "maintenance is reported", TIMEOUT);
        pub.send("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"online\"}]}");
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        connector.disconnect();
        assertThat(listener.lastStatus()).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(ConnectionState.OFFLINE);
            assertThat(s.reason()).isEqualTo("disconnected");
        });
        assertThatThrownBy(() -> connector.balances()).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("not connected");
        connector = null;
    }

    @Test
    void candlesMissedWhileDisconnectedArePublishedOnceAfterTheReconnect() {
        connect();
        connector.subscribe(Subscription.candles(venue.instrument(), Timeframe.M1));
        Await.value("a first closed candle", TIMEOUT, () -> {
            if (listener.marketEvents(Candle.class).isEmpty()) {
                venue.closeCandle(Timeframe.M1);
                Await.sleep(40);
                return Optional.empty();
            }
            return Optional.of(true);
        });
        Await.sleep(200);
        int before = listener.marketEvents(Candle.class).size();
        venue.setStreamsAvailable(false);
        listener.awaitStatusSince(0, s -> s.state() == ConnectionState.CONNECTING && s.reason() != null
                && s.reason().contains("lost"), "the outage", TIMEOUT);
        venue.closeCandle(Timeframe.M1);
        venue.closeCandle(Timeframe.M1);
        venue.setStreamsAvailable(true);
        Await.until("the two candles closed during the outage", TIMEOUT,
                () -> listener.marketEvents(Candle.class).size() >= before + 2);
        Await.never("a candle published twice", Duration.ofMillis(300),
                () -> listener.marketEvents(Candle.class).size() > before + 2);
        List<Long> openTimes = listener.marketEvents(Candle.class).stream().map(Candle::openTime).toList();
        assertThat(openTimes).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void subscriptionsKrakenCannotServeAreRefused() {
        connect();
        assertThatThrownBy(() -> connector.subscribe(Subscription.of(Instrument.of("ETH", "EUR"), MarketDataKind.TICKER)))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("not listed");
        assertThatThrownBy(() -> connector.subscribe(Subscription.candles(venue.instrument(), Timeframe.M3)))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("3m");
    }

    @Test
    void ordersCarryTheClientIdAndTheKrakenTxid() {
        connect();
        ClientOrderId id = ClientOrderId.of("txid1");
        VenueOrder ack = connector.place(restingBuy(id.value()).withTimeInForce(TimeInForce.POST_ONLY));
        assertThat(ack.venueOrderId().value()).matches("O[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{6}");
        var request = venue.server().requests("POST", "/0/private/AddOrder").get(0);
        assertThat(request.param("cl_ord_id")).contains("txid1");
        assertThat(request.param("oflags")).contains("post");
        assertThat(request.param("pair")).contains("ETHXBT");
        assertThat(connector.openOrders()).extracting(VenueOrder::clientOrderId).containsExactly(id);
        VenueOrder cancelled = connector.cancel(venue.instrument(), id);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(cancelled.venueOrderId()).isEqualTo(ack.venueOrderId());
    }
}
