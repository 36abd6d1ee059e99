package io.cambist.exchange.kraken.internal.ws;

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
import io.cambist.exchange.kraken.internal.KrakenSettings;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.venue.FakeSocket;
import io.cambist.testkit.venue.FakeVenueServer;
import io.cambist.testkit.venue.SocketHandler;

/** Kraken's liveness rules on the shared socket against a bare server: JSON pings, silence in Kraken's terms. */
class KrakenSocketsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeVenueServer server = FakeVenueServer.start();
    private final RecordingVenueListener scheduler = new RecordingVenueListener(3);
    private final HttpClient http = HttpClient.newBuilder().executor(scheduler.scheduler()).build();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private ReconnectingWebSocket socket;

    @AfterEach
    void close() {
        if (socket != null) {
            socket.stop();
        }
        scheduler.close();
        server.close();
    }

    private ReconnectingWebSocket start(Duration staleAfter) {
        KrakenSettings settings = KrakenSettings.builder("k").staleAfter(staleAfter).requestTimeout(TIMEOUT).build();
        socket = KrakenSockets.create("test", http, scheduler.scheduler(), new Backoff(Duration.ofMillis(100),
                Duration.ofMillis(400), 2, 0, () -> 0.5), settings, new ReconnectingWebSocket.Handler() {
                    @Override
                    public CompletableFuture<URI> target() {
                        return CompletableFuture.completedFuture(URI.create(server.wsUri() + "/v2"));
                    }

                    @Override
                    public void opened(boolean planned) {
                        events.add("opened");
                    }

                    @Override
                    public void message(String text) {
                        events.add(text);
                    }

                    @Override
                    public void down(String reason, long retryMillis, int attempt) {
                        events.add("down: " + reason);
                    }
                });
        socket.start();
        return socket;
    }

    @Test
    void thePolicyPingsEveryThirdOfTheSilenceLimit() {
        KeepAlive k = KrakenSockets.keepAlive(Duration.ofSeconds(15));
        assertThat(k.pingPeriod()).isEqualTo(5_000);
        assertThat(k.checkDelay()).isEqualTo(5_000);
        assertThat(k.checkPeriod()).isEqualTo(2_500);
        assertThat(k.probePeriod()).as("an empty pong frame every second").isEqualTo(1_000);
        assertThat(k.pongIsActivity()).as("Kraken answers pings with a pong message, not a frame").isFalse();
        assertThat(k.maxAge()).isNull();
        assertThat(k.ping().get()).isEqualTo("{\"method\":\"ping\",\"req_id\":1}");
        assertThat(k.ping().get()).isEqualTo("{\"method\":\"ping\",\"req_id\":2}");
        assertThat(KrakenSockets.keepAlive(Duration.ofMillis(300)).pingPeriod()).as("at least 100 ms").isEqualTo(100);
    }

    @Test
    void answeredPingsKeepASilentConnection() {
        server.webSocket("/v2", new SocketHandler() {
            @Override
            public void onText(FakeSocket s, String text) {
                if (text.contains("\"ping\"")) {
                    s.send(text.replace("\"ping\"", "\"pong\""));
                }
            }
        });
        start(Duration.ofMillis(600));
        Await.until("open", TIMEOUT, () -> events.contains("opened"));
        Await.never("a reconnect while kraken answers pings", Duration.ofMillis(1500),
                () -> events.stream().anyMatch(e -> e.startsWith("down")));
        FakeSocket s = server.openSockets().get(0);
        assertThat(s.received()).as("a JSON ping every third of the silence limit")
                .filteredOn(m -> m.startsWith("{\"method\":\"ping\",\"req_id\":")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(s.pongs()).as("empty pong frames probe the link").isNotEmpty();
    }

    @Test
    void aSilentConnectionIsReplaced() {
        server.webSocket("/v2", new SocketHandler() {
        });
        start(Duration.ofMillis(600));
        Await.until("a reconnect after the silence", TIMEOUT, () -> events.stream()
                .anyMatch(e -> e.startsWith("down: no message, heartbeat or pong for 600 ms")));
        Await.until("connected again", TIMEOUT, () -> events.stream().filter("opened"::equals).count() >= 2);
    }
}
