package io.cambist.testkit.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.testkit.Await;

class FakeVenueServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeVenueServer server = FakeVenueServer.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpUri() + pathAndQuery)).timeout(TIMEOUT)
                .header("X-Test", "yes");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/x-www-form-urlencoded").method(method,
                        HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.httpUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
    }

    @Test
    void routesByMethodAndPathAndRecordsRequests() throws Exception {
        server.route("GET", "/api/v3/time", r -> FakeResponse.json("{\"serverTime\":1}"));
        server.route("POST", "/api/v3/order", r -> FakeResponse.json("{\"got\":\"" + r.param("symbol").orElse("") + "\"}"));
        assertThat(send("GET", "/api/v3/time", null).body()).isEqualTo("{\"serverTime\":1}");
        HttpResponse<String> post = send("POST", "/api/v3/order?side=BUY", "symbol=ETHBTC&quantity=1");
        assertThat(post.body()).isEqualTo("{\"got\":\"ETHBTC\"}");
        assertThat(send("DELETE", "/api/v3/order", null).statusCode()).isEqualTo(404);

        RecordedRequest recorded = server.requests("POST", "/api/v3/order").get(0);
        assertThat(recorded.query()).isEqualTo("side=BUY");
        assertThat(recorded.body()).isEqualTo("symbol=ETHBTC&quantity=1");
        assertThat(recorded.header("x-test")).contains("yes");
        assertThat(recorded.params()).containsEntry("side", "BUY").containsEntry("quantity", "1");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void faultsAreUsedOnceInOrder() throws Exception {
        server.route("GET", "/x", r -> FakeResponse.json("{\"ok\":true}"));
        server.failNext("GET", "/x", FakeResponse.rateLimited(429, 7, "{\"code\":-1003}"));
        server.failNext(null, null, FakeResponse.malformed());
        HttpResponse<String> first = send("GET", "/x", null);
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("7");
        assertThat(send("GET", "/x", null).body()).isEqualTo(FakeResponse.malformed().body());
        assertThat(send("GET", "/x", null).body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void delaysAndDroppedConnections() throws Exception {
        server.route("GET", "/x", r -> FakeResponse.json("{}"));
        server.route("POST", "/x", r -> FakeResponse.json("{}"));
        server.delayNext("GET", "/x", 300);
        long start = System.nanoTime();
        assertThat(send("GET", "/x", null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        // POST: the JDK client retries an idempotent GET once on a closed connection
        server.failNext("POST", "/x", FakeResponse.dropConnection());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("POST", "/x", "a=1"))
                .isInstanceOf(java.io.IOException.class);
    }

    /** A JDK WebSocket client that records what it receives. */
    static final class Client implements WebSocket.Listener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<String> pings = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            pings.add(StandardCharsets.UTF_8.decode(message).toString());
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete("close " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error.getClass().getSimpleName());
        }
    }

    private WebSocket connect(String pathAndQuery, Client client) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create(server.wsUri() + pathAndQuery), client)
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void webSocketsRouteByPrefixAndKeepMessageOrder() throws Exception {
        server.webSocket("/stream", new SocketHandler() {
            @Override
            public void onText(FakeSocket socket, String text) {
                socket.send("echo:" + text);
            }
        });
        Client client = new Client();
        WebSocket ws = connect("/stream?streams=ethbtc@trade/ethbtc@depth", client);
        FakeSocket socket = server.awaitSocket("the stream", s -> s.path().equals("/stream"), TIMEOUT);
        assertThat(socket.params()).containsEntry("streams", "ethbtc@trade/ethbtc@depth");
        for (int i = 0; i < 200; i++) {
            socket.send("m" + i);
        }
        ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
        Await.until("201 messages", TIMEOUT, () -> client.texts.size() == 201);
        List<String> numbered = client.texts.stream().filter(t -> t.startsWith("m")).toList();
        assertThat(numbered).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(numbered.get(i)).isEqualTo("m" + i);
        }
        assertThat(client.texts).contains("echo:hello");
        assertThat(socket.received()).containsExactly("hello");
    }

    @Test
    void serverPingsAreAnsweredWithTheSamePayloadByTheJdkClient() throws Exception {
        server.webSocket("/ws", new SocketHandler() {
        });
        Client client = new Client();
        connect("/ws/key", client);
        FakeSocket socket = server.awaitSocket("the socket", s -> true, TIMEOUT);
        socket.ping("hb-1".getBytes(StandardCharsets.UTF_8));
        Await.until("a pong", TIMEOUT, () -> !socket.pongs().isEmpty());
        assertThat(new String(socket.pongs().get(0), StandardCharsets.UTF_8)).isEqualTo("hb-1");
        assertThat(client.pings).containsExactly("hb-1");
    }

    @Test
    void droppedSocketsAreSeenAsErrorsOrAbnormalCloses() throws Exception {
        server.webSocket("/ws", new SocketHandler() {
        });
        Client client = new Client();
        connect("/ws/key", client);
        FakeSocket socket = server.awaitSocket("the socket", s -> true, TIMEOUT);
        assertThat(server.dropAllSockets()).isEqualTo(1);
        String how = client.closed.get(5, TimeUnit.SECONDS);
        assertThat(how).satisfiesAnyOf(h -> assertThat(h).startsWith("error"), h -> assertThat(h).isEqualTo("close 1006"));
        assertThat(socket.isOpen()).isFalse();
        assertThat(server.openSockets()).isEmpty();
    }

    @Test
    void swallowedMessagesMakeAGapAndRefusedUpgradesFail() throws Exception {
        server.webSocket("/ws", new SocketHandler() {
        });
        Client client = new Client();
        connect("/ws/a", client);
        FakeSocket socket = server.awaitSocket("the socket", s -> true, TIMEOUT);
        socket.swallowNext(t -> t.startsWith("u"), 1);
        socket.send("u1");
        socket.send("u2");
        socket.sendMalformed();
        Await.until("two messages", TIMEOUT, () -> client.texts.size() == 2);
        assertThat(client.texts.get(0)).isEqualTo("u2");
        assertThat(socket.sent()).doesNotContain("u1");

        server.refuseWebSockets(true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connect("/ws/b", new Client()))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class).hasStackTraceContaining("503");
        server.refuseWebSockets(false);
        connect("/ws/c", new Client());
        assertThat(server.allSockets()).hasSize(2);
    }
}
