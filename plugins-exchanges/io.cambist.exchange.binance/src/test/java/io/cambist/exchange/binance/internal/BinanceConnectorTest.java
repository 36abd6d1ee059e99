package io.cambist.exchange.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.Trade;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.binance.internal.fake.FakeBinanceVenue;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.conformance.ConformanceChecks;
import io.cambist.testkit.conformance.ConnectorTestSupport;
import io.cambist.testkit.conformance.VenueFault;
import io.cambist.testkit.venue.FakeSocket;
import io.cambist.testkit.venue.RecordedRequest;

/** Binance behaviours beyond the shared conformance suite, against the fake venue. */
class BinanceConnectorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FakeBinanceVenue venue = new FakeBinanceVenue();
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private BinanceConnector connector;

    @AfterEach
    void stop() {
        ConnectorTestSupport.finish(connector, listener, venue);
    }

    private BinanceConnector connect() {
        connector = ConnectorTestSupport.connect(venue.createBinanceConnector(), listener, TIMEOUT);
        return connector;
    }

    private Subscription sub(MarketDataKind kind) {
        return Subscription.of(venue.instrument(), kind);
    }

    private List<FakeSocket> marketSockets() {
        return venue.server().allSockets().stream().filter(s -> s.path().equals("/stream")).toList();
    }

    private <T> T pump(String what, java.util.function.Supplier<java.util.Optional<T>> check) {
        return ConnectorTestSupport.pump(venue, what, TIMEOUT, check);
    }

    @Test
    void beforeConnectTheConnectorIsOfflineAndRefusesWork() {
        BinanceConnector c = new BinanceConnector(BinanceSettings.from(BinanceSettingsTest.config(Map.of(
                "account", "binance-main", "keyAlias", "binance-main"))));
        assertThat(c.account()).isEqualTo("binance-main");
        assertThat(c.venue()).isEqualTo("binance");
        assertThat(c.capabilities()).contains(Capability.LIMIT_ORDER, Capability.EXECUTION_STREAM, Capability.ORDER_BOOK_STREAM)
                .doesNotContain(Capability.STOP_ORDER);
        assertThat(c.status().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThatThrownBy(c::balances).isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("not connected");
    }

    @Test
    void statusGoesFromConnectingToOnlineWithReasonsAndOfflineOnDisconnect() {
        connect();
        List<ConnectionStatus> statuses = listener.statuses();
        assertThat(statuses.get(0).state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(statuses.get(0).reason()).contains(venue.server().httpUri().toString());
        assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(ConnectionState.ONLINE);
        connector.disconnect();
        assertThat(listener.lastStatus()).get().extracting(ConnectionStatus::state).isEqualTo(ConnectionState.OFFLINE);
        assertThat(connector.status().state()).isEqualTo(ConnectionState.OFFLINE);
        Await.until("the venue sees the sockets close", TIMEOUT, () -> venue.server().openSockets().isEmpty());
        Await.until("the listen key is closed", TIMEOUT,
                () -> venue.server().requests("DELETE", "/api/v3/userDataStream").size() == 1);
        connector = null;
    }

    @Test
    void rateLimitingDegradesTheConnectionUntilRetryAfter() {
        connect();
        int from = listener.statuses().size();
        venue.failNextPrivateRequest(VenueFault.RATE_LIMITED);
        assertThatThrownBy(connector::balances).isInstanceOf(RateLimitException.class);
        ConnectionStatus degraded = listener.awaitStatusSince(from, s -> s.state() == ConnectionState.DEGRADED,
                "DEGRADED", TIMEOUT);
        assertThat(degraded.reason()).contains("HTTP 429").contains("retry after 1 s");
        assertThatThrownBy(connector::balances).as("the breaker refuses without asking the venue")
                .isInstanceOf(RateLimitException.class).hasMessageContaining("paused");
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        assertThat(connector.balances()).isNotEmpty();
    }

    @Test
    void aSkewedVenueClockIsMeasuredAndApplied() {
        venue.skew(45_000);
        connect();
        assertThat(connector.balances()).extracting(b -> b.currency()).contains("BTC", "ETH");
        venue.skew(-20_000);
        assertThatThrownBy(connector::balances).as("a clock jump is refused once").isInstanceOf(
                io.cambist.api.exchange.InvalidTimestampException.class);
        Await.until("the offset is measured again", TIMEOUT, () -> {
            try {
                return !connector.balances().isEmpty();
            } catch (io.cambist.api.exchange.InvalidTimestampException e) {
                return false;
            }
        });
    }

    @Test
    void plannedReconnectsKeepEveryStreamWithoutGapsOrDuplicates() {
        venue.customize(b -> b.maxConnectionAge(Duration.ofMillis(500)));
        connect();
        connector.subscribe(sub(MarketDataKind.TRADE));
        connector.subscribe(sub(MarketDataKind.ORDER_BOOK));
        pump("a book", () -> listener.lastMarketEvent(OrderBook.class, b -> true));
        int from = listener.statuses().size();
        long until = System.currentTimeMillis() + 2_000;
        while (System.currentTimeMillis() < until) {
            venue.marketActivity();
            Await.sleep(10);
        }
        assertThat(marketSockets().size()).as("market stream replaced several times").isGreaterThanOrEqualTo(4);
        assertThat(listener.statuses().subList(from, listener.statuses().size())).as("never down")
                .noneMatch(s -> s.state() == ConnectionState.CONNECTING || s.state() == ConnectionState.OFFLINE);
        List<Long> ids = listener.marketEvents(Trade.class).stream().map(t -> Long.parseLong(t.tradeId())).toList();
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("trade ids strictly increase: no duplicate").isGreaterThan(ids.get(i - 1));
        }
        Await.until("the book matches the venue", TIMEOUT, () -> listener.lastMarketEvent(OrderBook.class, b -> true)
                .filter(b -> ConformanceChecks.sameTop(b, venue.venueBook(10), 10)).isPresent());
        listener.marketEvents(OrderBook.class).forEach(ConformanceChecks::assertWellFormed);
    }

    @Test
    void liveSubscriptionsUseControlMessagesAndEveryStreamIsResubscribedAfterAReconnect() {
        connect();
        connector.subscribe(sub(MarketDataKind.TRADE));
        pump("a trade", () -> listener.lastMarketEvent(Trade.class, t -> true));
        FakeSocket first = marketSockets().get(0);
        assertThat(first.params().get("streams")).isEqualTo("ethbtc@trade");
        connector.subscribe(sub(MarketDataKind.TICKER));
        assertThatThrownBy(() -> connector.subscribe(Subscription.of(io.cambist.api.model.Instrument.of("DOGE", "BTC"),
                MarketDataKind.TRADE))).isInstanceOf(io.cambist.api.exchange.InvalidOrderException.class)
                .hasMessageContaining("DOGE/BTC is not listed on binance");
        connector.subscribe(Subscription.candles(venue.instrument(), Timeframe.M5));
        connector.subscribe(sub(MarketDataKind.TICKER));
        pump("a ticker", () -> listener.lastMarketEvent(Ticker.class, t -> true));
        try {
            Await.until("both subscriptions were sent", TIMEOUT, () -> first.received().stream()
                    .filter(m -> m.contains("\"SUBSCRIBE\"")).mapToLong(m -> m.split("@").length - 1).sum() == 2);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; received " + first.received() + ", sockets "
                    + venue.server().allSockets(), e);
        }
        assertThat(first.received()).allMatch(m -> m.matches("\\{\"method\":\"SUBSCRIBE\",\"params\":\\[.*\\],\"id\":\\d+}"));
        assertThat(venue.streamsOf(first)).containsExactlyInAnyOrder("ethbtc@trade", "ethbtc@bookTicker", "ethbtc@kline_5m");
        connector.unsubscribe(sub(MarketDataKind.TICKER));
        Await.until("unsubscribed", TIMEOUT, () -> !venue.streamsOf(first).contains("ethbtc@bookTicker"));

        venue.dropConnections();
        Await.until("a new market socket", TIMEOUT, () -> marketSockets().size() == 2);
        FakeSocket second = marketSockets().get(1);
        assertThat(second.params().get("streams").split("/")).containsExactlyInAnyOrder("ethbtc@trade", "ethbtc@kline_5m");
        venue.closeCandle(Timeframe.M5);
        Await.until("a 5 minute candle on the new connection", TIMEOUT,
                () -> !listener.marketEvents(io.cambist.api.model.Candle.class).isEmpty());
    }

    @Test
    void connectingAgainResubscribesWhatWasAskedFor() {
        connect();
        connector.subscribe(sub(MarketDataKind.TRADE));
        pump("a trade", () -> listener.lastMarketEvent(Trade.class, t -> true));
        connector.disconnect();
        try (RecordingVenueListener again = new RecordingVenueListener()) {
            connector.connect(again);
            again.awaitState(ConnectionState.ONLINE, TIMEOUT);
            pump("a trade on the new binding", () -> again.lastMarketEvent(Trade.class, t -> true));
            connector.disconnect();
        }
        connector = null;
    }

    @Test
    void anExpiredListenKeyIsReplacedAndOrderEventsContinue() {
        connect();
        venue.expireListenKeys();
        Await.until("a second listen key", TIMEOUT, () -> venue.server().requests("POST", "/api/v3/userDataStream").size() == 2);
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        ClientOrderId id = ClientOrderId.of("after-expiry");
        Await.until("the new user stream is open", TIMEOUT, () -> venue.server().openSockets().stream()
                .filter(s -> s.path().startsWith("/ws/")).count() == 1);
        connector.place(OrderRequest.limit(venue.instrument(), Side.BUY, venue.orderQuantity(), new BigDecimal("0.04"))
                .withClientOrderId(id));
        listener.awaitExecution("NEW on the new stream", r -> r.order().clientOrderId().equals(id), TIMEOUT);
    }

    @Test
    void theListenKeyIsKeptAlive() {
        venue.customize(b -> b.listenKeyKeepAlive(Duration.ofMillis(200)));
        connect();
        Await.until("keepalives", TIMEOUT, () -> venue.server().requests("PUT", "/api/v3/userDataStream").size() >= 3);
        RecordedRequest put = venue.server().requests("PUT", "/api/v3/userDataStream").get(0);
        assertThat(put.param("listenKey")).isPresent();
        assertThat(put.header("X-MBX-APIKEY")).contains(FakeBinanceVenue.API_KEY);
    }

    @Test
    void withoutAKeyAliasOnlyMarketDataIsOffered() {
        venue.customize(b -> b.keyAlias(""));
        connect();
        assertThat(connector.capabilities()).containsExactlyInAnyOrder(Capability.TICKER_STREAM, Capability.TRADE_STREAM,
                Capability.CANDLE_STREAM, Capability.ORDER_BOOK_STREAM);
        assertThatThrownBy(connector::balances).isInstanceOf(AuthenticationException.class).hasMessageContaining("keyAlias");
        assertThat(venue.server().requests("POST", "/api/v3/userDataStream")).isEmpty();
        connector.subscribe(sub(MarketDataKind.TRADE));
        pump("a trade", () -> listener.lastMarketEvent(Trade.class, t -> true));
    }

    @Test
    void venueRejectionsAndPostOnlyOrders() {
        connect();
        BigDecimal ask = venue.venueBook(1).bestAsk().price();
        assertThatThrownBy(() -> connector.place(OrderRequest.limit(venue.instrument(), Side.BUY, venue.orderQuantity(), ask)
                .withTimeInForce(TimeInForce.POST_ONLY).withClientOrderId(ClientOrderId.of("po-1"))))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("immediately match");
        assertThatThrownBy(() -> connector.place(OrderRequest.market(venue.instrument(), Side.SELL, new BigDecimal("1000"))
                .withClientOrderId(ClientOrderId.of("big-1")))).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("insufficient balance");
        var resting = connector.place(OrderRequest.limit(venue.instrument(), Side.BUY, venue.orderQuantity(),
                new BigDecimal("0.04")).withTimeInForce(TimeInForce.POST_ONLY).withClientOrderId(ClientOrderId.of("po-2")));
        assertThat(resting.status()).isEqualTo(OrderStatus.NEW);
        var ioc = connector.place(OrderRequest.limit(venue.instrument(), Side.BUY, venue.orderQuantity(), new BigDecimal("0.04"))
                .withTimeInForce(TimeInForce.IOC).withClientOrderId(ClientOrderId.of("ioc-1")));
        assertThat(ioc.status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void anOrderWhoseAnswerWasLostStillReachesTheCore() {
        venue.customize(b -> b.requestTimeout(Duration.ofMillis(400)));
        connect();
        ClientOrderId id = ClientOrderId.of("lost-answer");
        venue.server().delayNext("POST", "/api/v3/order", 1_200);
        assertThatThrownBy(() -> connector.place(OrderRequest.limit(venue.instrument(), Side.BUY, venue.orderQuantity(),
                new BigDecimal("0.04")).withClientOrderId(id))).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("outcome is unknown");
        listener.awaitExecution("the NEW report of the order", r -> r.order().clientOrderId().equals(id)
                && r.order().status() == OrderStatus.NEW, TIMEOUT);
        venue.setStreamsAvailable(false);
        listener.awaitState(ConnectionState.CONNECTING, TIMEOUT);
        venue.fillRestingOrder(id);
        venue.setStreamsAvailable(true);
        listener.awaitExecution("the fill made while the stream was down", r -> r.order().clientOrderId().equals(id)
                && r.order().status() == OrderStatus.FILLED, TIMEOUT);
        assertThat(venue.server().requests("GET", "/api/v3/myTrades")).as("fills recovered over REST").isNotEmpty();
    }

    @Test
    void aServerShutdownNoticeReplacesTheConnectionWithoutAGap() {
        connect();
        connector.subscribe(sub(MarketDataKind.TRADE));
        pump("a trade", () -> listener.lastMarketEvent(Trade.class, t -> true));
        int from = listener.statuses().size();
        marketSockets().get(0).send("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}");
        Await.until("a second market socket", TIMEOUT, () -> marketSockets().size() == 2);
        Await.until("the old one closed", TIMEOUT, () -> !marketSockets().get(0).isOpen());
        assertThat(listener.statuses().subList(from, listener.statuses().size()))
                .noneMatch(s -> s.state() == ConnectionState.CONNECTING);
    }

    @Test
    void secretsNeverLeaveTheSigner() {
        connect();
        connector.balances();
        connector.place(OrderRequest.market(venue.instrument(), Side.BUY, venue.orderQuantity())
                .withClientOrderId(ClientOrderId.of("s-1")));
        assertThat(venue.server().requests()).isNotEmpty().allSatisfy(r -> assertThat(r.line() + r.headers() + r.body())
                .doesNotContain(FakeBinanceVenue.SECRET));
        assertThat(connector.settings().toString()).doesNotContain(FakeBinanceVenue.SECRET);
    }
}
