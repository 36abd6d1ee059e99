package io.cambist.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.connector.Futures;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.venue.FakeResponse;
import io.cambist.testkit.venue.FakeVenueServer;

/** Answers reach the reader on the executor; no answer means outcome unknown, named by venue and request. */
class VenueHttpTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final FakeVenueServer server = FakeVenueServer.start();
    private final RecordingVenueListener scheduler = new RecordingVenueListener(2);
    private final HttpClient client = HttpClient.newBuilder().executor(scheduler.scheduler()).build();
    private final VenueHttp http = new VenueHttp("testvenue", client, scheduler.scheduler(), TIMEOUT);
    private final AtomicInteger answered = new AtomicInteger();

    @AfterEach
    void close() {
        scheduler.close();
        server.close();
    }

    private HttpRequest get(String path) {
        return get(path, Duration.ofSeconds(5));
    }

    private HttpRequest get(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(server.httpUri() + path)).timeout(timeout).GET().build();
    }

    @Test
    void theReaderTurnsTheAnswerIntoTheResultAndItsErrorsPassThrough() {
        server.route("GET", "/ok", r -> FakeResponse.json("{\"x\":1}"));
        server.route("GET", "/refused", r -> FakeResponse.json(400, "{\"code\":-2010}"));
        String ok = Futures.await(http.send(get("/ok"), "GET /ok", answered::incrementAndGet,
                r -> r.statusCode() + " " + r.body()), "testvenue");
        assertThat(ok).isEqualTo("200 {\"x\":1}");
        assertThatThrownBy(() -> Futures.await(http.send(get("/refused"), "GET /refused", r -> {
            throw new OrderRejectedException("refused: " + r.body(), "-2010");
        }), "testvenue")).isInstanceOf(OrderRejectedException.class).hasMessageContaining("-2010");
        assertThat(answered).hasValue(1);
    }

    @Test
    void noAnswerInTimeIsUnavailableWithTheOutcomeUnknown() {
        server.route("GET", "/slow", r -> FakeResponse.json("{}").delayed(1_000));
        assertThatThrownBy(() -> Futures.await(http.send(get("/slow", TIMEOUT), "GET /slow", answered::incrementAndGet,
                HttpResponse::body), "testvenue")).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("testvenue did not answer within 300 ms for GET /slow")
                .hasMessageContaining("the outcome is unknown, reconcile by client order id");
        assertThat(answered).as("the hook runs when a call ends without an answer too").hasValue(1);
    }

    @Test
    void aLostConnectionIsUnavailableToo() throws Exception {
        server.route("GET", "/drop", r -> FakeResponse.dropConnection());
        assertThatThrownBy(() -> Futures.await(http.send(get("/drop"), "GET /drop", HttpResponse::body), "testvenue"))
                .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("testvenue ")
                .hasMessageContaining("for GET /drop; the outcome is unknown");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        HttpRequest nowhere = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x")).timeout(TIMEOUT)
                .GET().build();
        assertThatThrownBy(() -> Futures.await(http.send(nowhere, "GET /x", HttpResponse::body), "testvenue"))
                .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("testvenue could not be reached");
    }

    @Test
    void retryAfterIsReadInSecondsWithADefault() {
        server.route("GET", "/limited", r -> FakeResponse.rateLimited(429, 7, "{}"));
        server.route("GET", "/bare", r -> FakeResponse.json(429, "{}").withHeader("Retry-After", "soon"));
        Duration given = Futures.await(http.send(get("/limited"), "GET /limited", r -> VenueHttp.retryAfter(r, 10_000)),
                "testvenue");
        Duration unreadable = Futures.await(http.send(get("/bare"), "GET /bare", r -> VenueHttp.retryAfter(r, 10_000)),
                "testvenue");
        assertThat(given).isEqualTo(Duration.ofSeconds(7));
        assertThat(unreadable).as("not a number of seconds: the default").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void parametersAreUrlEncodedAndJoined() {
        StringBuilder q = new StringBuilder();
        VenueHttp.appendParam(q, "symbol", "ETHBTC");
        VenueHttp.appendParam(q, "note", "a b&c=d/é");
        assertThat(q).hasToString("symbol=ETHBTC&note=a+b%26c%3Dd%2F%C3%A9");
        StringBuilder form = new StringBuilder("nonce=1");
        VenueHttp.appendParam(form, "pair", "XETHXXBT");
        assertThat(form).hasToString("nonce=1&pair=XETHXXBT");
    }
}
