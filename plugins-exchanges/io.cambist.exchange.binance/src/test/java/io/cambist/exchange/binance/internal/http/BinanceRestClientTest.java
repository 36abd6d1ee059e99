package io.cambist.exchange.binance.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;
import io.cambist.api.security.Signer;
import io.cambist.connector.Futures;
import io.cambist.connector.ServiceHolder;
import io.cambist.exchange.binance.internal.BinanceJson;
import io.cambist.exchange.binance.internal.dto.BinanceOrder;
import io.cambist.exchange.binance.internal.fake.FakeBinanceVenue;
import io.cambist.testkit.Await;
import io.cambist.testkit.Hmac;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.venue.FakeResponse;
import io.cambist.testkit.venue.RecordedRequest;

/** The REST client against the fake venue, which checks every signature with the test secret. */
class BinanceRestClientTest {

    private final FakeBinanceVenue venue = new FakeBinanceVenue(0);
    private final RecordingVenueListener executor = new RecordingVenueListener(2);
    private final HttpClient http = HttpClient.newBuilder().executor(executor.scheduler()).build();
    private final ServerClock clock = new ServerClock(System::currentTimeMillis);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ServiceHolder<Signer> signers = new ServiceHolder<>();
    private RequestWeightLimiter limiter = new RequestWeightLimiter(6000, 0.9, clock::now);
    private BinanceRestClient rest = client(Duration.ofSeconds(5));

    private BinanceRestClient client(Duration timeout) {
        signers.bind(venue.signer());
        return new BinanceRestClient(http, executor.scheduler(), venue.server().httpUri(),
                new BinanceSigner("acc", FakeBinanceVenue.KEY_ALIAS, signers, Duration.ofSeconds(1)), clock, limiter,
                BinanceJson.mapper(), 5000, timeout, new BinanceRestClient.Events() {
                    @Override
                    public void rateLimited(long until, String reason) {
                        events.add("rate: " + reason);
                    }

                    @Override
                    public void timestampRejected() {
                        events.add("timestamp");
                    }

                    @Override
                    public void malformed(String what) {
                        events.add("malformed: " + what);
                    }
                });
    }

    @AfterEach
    void stop() {
        venue.close();
        executor.close();
    }

    private List<RecordedRequest> requests(String method, String path) {
        return venue.server().requests(method, path);
    }

    @Test
    void signedRequestsCarryTimestampRecvWindowSignatureAndTheKeysPublicId() {
        assertThat(rest.account().balances()).isNotEmpty();
        RecordedRequest r = requests("GET", "/api/v3/account").get(0);
        assertThat(r.header("X-MBX-APIKEY")).contains(FakeBinanceVenue.API_KEY);
        assertThat(r.params()).containsKeys("timestamp", "signature").containsEntry("recvWindow", "5000");
        String query = r.query();
        assertThat(query).as("signature is the last parameter").matches(".*&signature=[0-9a-f]{64}$");
        String signed = query.substring(0, query.lastIndexOf("&signature="));
        assertThat(r.param("signature")).contains(Hmac.sha256Hex(FakeBinanceVenue.SECRET, signed));
        assertThat(r.line() + r.headers() + r.body()).as("the secret never travels").doesNotContain(FakeBinanceVenue.SECRET);
    }

    @Test
    void theServerClockOffsetIsMeasuredAndApplied() {
        venue.skew(30_000);
        assertThatThrownBy(rest::account).isInstanceOf(InvalidTimestampException.class).hasMessageContaining("-1021");
        assertThat(events).contains("timestamp");
        rest.syncClock().join();
        assertThat(clock.offset()).isBetween(29_000L, 31_000L);
        assertThat(rest.account().canTrade()).isTrue();
        venue.skew(-30_000);
        assertThatThrownBy(rest::account).isInstanceOf(InvalidTimestampException.class).hasMessageContaining("ahead");
        rest.syncClock().join();
        assertThat(rest.account().canTrade()).isTrue();
    }

    @Test
    void venueErrorsMapToTypedExceptions() {
        assertThatThrownBy(() -> rest.newOrder(Map.of("symbol", "ETHBTC", "side", "BUY", "type", "LIMIT", "timeInForce",
                "GTC", "quantity", "1000", "price", "0.05", "newClientOrderId", "big1")))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("insufficient balance")
                .hasMessageContaining("-2010");
        assertThat(rest.queryOrder("ETHBTC", "nope")).isEmpty();
        assertThatThrownBy(() -> rest.cancelOrder("ETHBTC", "nope")).isInstanceOf(OrderNotFoundException.class)
                .hasMessageContaining("-2011");
        assertThatThrownBy(() -> rest.newOrder(Map.of("symbol", "ETHBTC", "side", "BUY", "type", "LIMIT", "timeInForce",
                "GTC", "quantity", "0.00001", "price", "0.05", "newClientOrderId", "tiny"))).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("Filter failure: LOT_SIZE");
        venue.signer().key(FakeBinanceVenue.KEY_ALIAS, FakeBinanceVenue.API_KEY, "a-wrong-secret");
        assertThatThrownBy(rest::account).isInstanceOf(AuthenticationException.class).hasMessageContaining("-1022");
        venue.signer().key(FakeBinanceVenue.KEY_ALIAS, "unknownKey", FakeBinanceVenue.SECRET);
        assertThatThrownBy(rest::account).isInstanceOf(AuthenticationException.class).hasMessageContaining("-2015");
    }

    @Test
    void placeQueryAndCancelRoundTrip() {
        BinanceOrder placed = rest.newOrder(Map.of("symbol", "ETHBTC", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.1", "price", "0.04", "newClientOrderId", "rt-1"));
        assertThat(placed.clientOrderId()).isEqualTo("rt-1");
        assertThat(placed.status()).isEqualTo("NEW");
        assertThat(requests("POST", "/api/v3/order").get(0).param("newOrderRespType")).contains("RESULT");
        assertThat(rest.queryOrder("ETHBTC", "rt-1")).get().extracting(BinanceOrder::status).isEqualTo("NEW");
        assertThat(rest.openOrders()).extracting(BinanceOrder::clientOrderId).containsExactly("rt-1");
        BinanceOrder cancelled = rest.cancelOrder("ETHBTC", "rt-1");
        assertThat(cancelled.origClientOrderId()).isEqualTo("rt-1");
        assertThat(cancelled.status()).isEqualTo("CANCELED");
    }

    @Test
    void usedWeightIsTrackedAndTheClientBacksOffBeforeTheLimit() {
        limiter = new RequestWeightLimiter(50, 0.9, clock::now);
        rest = client(Duration.ofSeconds(5));
        rest.exchangeInfo().join();
        assertThat(limiter.used()).as("from X-MBX-USED-WEIGHT-1M").isEqualTo(20);
        rest.exchangeInfo().join();
        assertThatThrownBy(() -> BinanceRestClient.await(rest.exchangeInfo())).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("40 of 50");
        assertThat(requests("GET", "/api/v3/exchangeInfo")).as("refused locally, never sent").hasSize(2);
        assertThat(events).anyMatch(e -> e.startsWith("rate: "));
    }

    @Test
    void http429OpensTheBreakerUntilRetryAfter() {
        venue.server().failNext("GET", "/api/v3/exchangeInfo", FakeResponse.rateLimited(429, 1,
                "{\"code\":-1003,\"msg\":\"Too many requests.\"}"));
        RateLimitException e = (RateLimitException) Futures.unwrap(
                org.assertj.core.api.Assertions.catchThrowable(() -> BinanceRestClient.await(rest.exchangeInfo())));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.venueCode()).isEqualTo("-1003");
        assertThatThrownBy(() -> BinanceRestClient.await(rest.exchangeInfo())).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("paused");
        assertThat(requests("GET", "/api/v3/exchangeInfo")).as("no request while the breaker is open").hasSize(1);
        Await.until("the breaker to close", Duration.ofSeconds(3), () -> {
            try {
                return BinanceRestClient.await(rest.exchangeInfo()) != null;
            } catch (RateLimitException again) {
                return false;
            }
        });
        assertThat(requests("GET", "/api/v3/exchangeInfo")).hasSize(2);
    }

    @Test
    void an418BanWithoutRetryAfterWaitsTheDefault() {
        venue.server().failNext("GET", "/api/v3/time", FakeResponse.json(418, "{\"code\":-1003,\"msg\":\"IP banned\"}"));
        Throwable t = Futures.unwrap(org.assertj.core.api.Assertions.catchThrowable(() -> rest.syncClock().join()));
        assertThat(t).isInstanceOf(RateLimitException.class).hasMessageContaining("banned");
        assertThat(((RateLimitException) t).retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limiter.blockedUntil()).isGreaterThan(clock.now() + 8_000);
    }

    @Test
    void networkAndServerFailuresAreUnavailableWithUnknownOutcome() {
        BinanceRestClient impatient = client(Duration.ofMillis(300));
        venue.server().delayNext("GET", "/api/v3/time", 1_500);
        assertThatThrownBy(() -> BinanceRestClient.await(impatient.syncClock())).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("did not answer within 300 ms");
        venue.server().failNext("POST", "/api/v3/order", FakeResponse.dropConnection());
        assertThatThrownBy(() -> rest.newOrder(Map.of("symbol", "ETHBTC", "side", "BUY", "type", "MARKET", "quantity", "0.1",
                "newClientOrderId", "lost1"))).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("outcome is unknown");
        venue.server().failNext("GET", "/api/v3/account", FakeResponse.json(503, "<html>Service Unavailable</html>"));
        assertThatThrownBy(rest::account).isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void malformedAnswersAreCountedAndReported() {
        venue.server().failNext("GET", "/api/v3/account", FakeResponse.malformed());
        assertThatThrownBy(rest::account).isExactlyInstanceOf(ExchangeException.class).hasMessageContaining("unreadable");
        assertThat(events).contains("malformed: GET /api/v3/account");
    }

    @Test
    void userStreamEndpointsSendOnlyTheApiKey() {
        String key = rest.createListenKey().join();
        rest.keepAliveListenKey(key).join();
        RecordedRequest create = requests("POST", "/api/v3/userDataStream").get(0);
        assertThat(create.header("X-MBX-APIKEY")).contains(FakeBinanceVenue.API_KEY);
        assertThat(create.params()).doesNotContainKeys("signature", "timestamp");
        assertThat(requests("PUT", "/api/v3/userDataStream").get(0).param("listenKey")).contains(key);
        Throwable gone = Futures.unwrap(org.assertj.core.api.Assertions.catchThrowable(
                () -> rest.keepAliveListenKey("nosuchkey").join()));
        assertThat(((ExchangeException) gone).venueCode()).isEqualTo("-1125");
    }
}
