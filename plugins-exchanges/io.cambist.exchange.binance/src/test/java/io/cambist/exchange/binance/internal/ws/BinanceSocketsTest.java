package io.cambist.exchange.binance.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.connector.Backoff;
import io.cambist.connector.ws.KeepAlive;
import io.cambist.connector.ws.ReconnectingWebSocket;
import io.cambist.exchange.binance.internal.BinanceSettings;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.venue.FakeVenueServer;
import io.cambist.testkit.venue.SocketHandler;

/** Binance's liveness rules on the shared socket: its silence limit, planned replacement, and reasons in its terms. */
class BinanceSocketsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeVenueServer server = FakeVenueServer.start();
    private final RecordingVenueListener scheduler = new RecordingVenueListener(3);
    private final HttpClient http = HttpClient.newBuilder().executor(scheduler.scheduler()).build();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private ReconnectingWebSocket connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.stop();
        }
        scheduler.close();
        server.close();
    }

    private ReconnectingWebSocket start(BinanceSettings settings) {
        server.webSocket("/ws", new SocketHandler() {
        });
        connection = BinanceSockets.create("binance test stream", http, scheduler.scheduler(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.0, () -> 0.5), settings,
                new ReconnectingWebSocket.Handler() {
                    @Override
                    public CompletableFuture<URI> target() {
                        return CompletableFuture.completedFuture(URI.create(server.wsUri() + "/ws/test"));
                    }

                    @Override
                    public void opened(boolean planned) {
                        events.add(planned ? "planned" : "opened");
                    }

                    @Override
                    public void message(String text) {
                    }

                    @Override
                    public void down(String reason, long retryMillis, int attempt) {
                        events.add("down: " + reason);
                    }
                });
        connection.start();
        return connection;
    }

    @Test
    void theDefaultsFollowBinancesLimits() {
        KeepAlive k = BinanceSockets.keepAlive(BinanceSettings.builder("b").build());
        assertThat(k.staleAfter()).as("Binance pings every 20 s").isEqualTo(Duration.ofSeconds(60));
        assertThat(k.maxAge()).as("replaced before the 24 h cut").isEqualTo(Duration.ofMinutes(23 * 60 + 30));
        assertThat(k.checkPeriod()).isEqualTo(15_000);
        assertThat(k.probePeriod()).as("an empty pong every second").isEqualTo(1_000);
        assertThat(k.pongIsActivity()).isTrue();
        assertThat(k.pingPeriod()).as("no application ping").isZero();
    }

    @Test
    void aDroppedConnectionIsClosedByBinanceAndSilenceIsNoMessageOrPing() {
        start(BinanceSettings.builder("b").staleAfter(Duration.ofMillis(400)).build());
        Await.until("open", TIMEOUT, () -> events.contains("opened"));
        server.dropAllSockets();
        Await.until("a silent connection replaced", TIMEOUT,
                () -> events.stream().anyMatch(e -> e.startsWith("down: no message or ping for 400 ms")));
        assertThat(events.get(1)).startsWith("down: closed by binance (1006");
    }

    @Test
    void aConnectionIsReplacedWithoutAGapAtTheConfiguredAge() {
        start(BinanceSettings.builder("b").maxConnectionAge(Duration.ofMillis(300)).build());
        Await.until("two planned replacements", TIMEOUT, () -> events.stream().filter("planned"::equals).count() >= 2);
        assertThat(events).as("never down").noneMatch(e -> e.startsWith("down"));
    }
}
