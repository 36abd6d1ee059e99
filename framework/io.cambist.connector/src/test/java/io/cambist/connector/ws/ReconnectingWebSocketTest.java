package io.cambist.connector.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.connector.Backoff;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.venue.FakeSocket;
import io.cambist.testkit.venue.FakeVenueServer;
import io.cambist.testkit.venue.SocketHandler;

/** The kept-alive socket against a bare Jetty venue on 127.0.0.1: backoff, planned replacement, silence, pings. */
class ReconnectingWebSocketTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeVenueServer server = FakeVenueServer.start();
    private final RecordingVenueListener scheduler = new RecordingVenueListener(3);
    private final HttpClient http = HttpClient.newBuilder().executor(scheduler.scheduler()).build();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Long> delays = new CopyOnWriteArrayList<>();
    private ReconnectingWebSocket connection;

    private final ReconnectingWebSocket.Handler handler = new ReconnectingWebSocket.Handler() {
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
            messages.add(text);
        }

        @Override
        public void down(String reason, long retryMillis, int attempt) {
            events.add("down: " + reason);
            delays.add(retryMillis);
        }
    };

    private ReconnectingWebSocket connection(KeepAlive keepAlive, Duration initialBackoff) {
        Backoff backoff = new Backoff(initialBackoff, Duration.ofMillis(400), 2.0, 0.0, () -> 0.5);
        connection = new ReconnectingWebSocket("test stream", "testvenue", http, scheduler.scheduler(), backoff,
                keepAlive, Duration.ofSeconds(2), System::currentTimeMillis, handler);
        return connection;
    }

    private ReconnectingWebSocket connection(Duration maxAge, Duration staleAfter) {
        return connection(KeepAlive.of(staleAfter, "message or ping").withMaxAge(maxAge), Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.stop();
        }
        scheduler.close();
        server.close();
    }

    private long opened() {
        return events.stream().filter(e -> e.equals("opened") || e.equals("planned")).count();
    }

    private void quietVenue() {
        server.webSocket("/ws", new SocketHandler() {
        });
    }

    @Test
    void reconnectsWithGrowingBackoffWhileTheVenueRefuses() {
        quietVenue();
        connection(Duration.ofHours(1), Duration.ofMinutes(1)).start();
        Await.until("open", TIMEOUT, () -> opened() == 1);
        server.refuseWebSockets(true);
        server.dropAllSockets();
        Await.until("four failed attempts", TIMEOUT, () -> delays.size() >= 5);
        assertThat(delays.subList(0, 5)).containsExactly(50L, 100L, 200L, 400L, 400L);
        assertThat(events.get(1)).startsWith("down: closed by testvenue (1006");
        assertThat(events.get(2)).contains("cannot connect");
        server.refuseWebSockets(false);
        Await.until("back", TIMEOUT, () -> opened() == 2);
        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.openedCount()).isEqualTo(2);
        int downs = delays.size();
        server.dropAllSockets();
        Await.until("reconnected again", TIMEOUT, () -> opened() == 3);
        assertThat(delays.get(downs)).as("the backoff starts over after a successful connection").isEqualTo(50L);
    }

    @Test
    void anUnplannedReconnectDropsTheSocketAndConnectsAgainAfterTheBackoff() {
        quietVenue();
        connection(KeepAlive.of(Duration.ofMinutes(1), "message or ping"), Duration.ofMillis(100)).start();
        Await.until("open", TIMEOUT, () -> opened() == 1);
        connection.reconnect("its state can no longer be trusted");
        Await.until("connected again", TIMEOUT, () -> opened() == 2);
        assertThat(events).contains("down: its state can no longer be trusted");
        assertThat(delays).containsExactly(100L);
        assertThat(server.allSockets()).hasSize(2);
        Await.until("the old socket is gone at the venue", TIMEOUT, () -> server.openSockets().size() == 1);
    }

    @Test
    void plannedReplacementOpensTheNewSocketBeforeClosingTheOldWithoutAGap() throws Exception {
        AtomicLong sequence = new AtomicLong();
        quietVenue();
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        try {
            // like a venue, stream to a connection from the moment it is accepted (a socket not yet open queues the
            // message until it is), not only once the fake's open callback has run after the handshake
            feed.scheduleAtFixedRate(() -> {
                String n = Long.toString(sequence.incrementAndGet());
                server.allSockets().forEach(s -> s.send(n));
            }, 5, 5, TimeUnit.MILLISECONDS);
            connection(Duration.ofMillis(300), Duration.ofMinutes(1)).start();
            Await.until("three planned replacements", TIMEOUT, () -> events.stream().filter("planned"::equals).count() >= 3);
        } finally {
            feed.shutdownNow();
            feed.awaitTermination(1, TimeUnit.SECONDS);
        }
        assertThat(events).as("never down").noneMatch(e -> e.startsWith("down"));
        List<FakeSocket> sockets = server.allSockets();
        assertThat(sockets.size()).isGreaterThanOrEqualTo(4);
        TreeSet<Long> received = new TreeSet<>();
        messages.forEach(m -> received.add(Long.parseLong(m)));
        assertThat(received.last() - received.first() + 1).as("every number between first and last arrived")
                .isEqualTo(received.size());
        assertThat(messages.size() - received.size()).as("overlap duplicates are the consumer's to drop").isNotNegative();
    }

    @Test
    void aSilentConnectionIsReplaced() {
        quietVenue();
        connection(Duration.ofHours(1), Duration.ofMillis(400)).start();
        Await.until("replaced after silence", TIMEOUT, () -> opened() >= 2);
        assertThat(events).anyMatch(e -> e.startsWith("down: no message or ping for 400 ms"));
    }

    @Test
    void serverPingsAreAnsweredWithTheirPayloadAndKeepTheConnectionAlive() {
        quietVenue();
        connection(Duration.ofHours(1), Duration.ofMillis(400)).start();
        FakeSocket socket = server.awaitSocket("the stream", s -> true, TIMEOUT);
        for (int i = 0; i < 10; i++) {
            socket.ping(("ping-" + i).getBytes(StandardCharsets.UTF_8));
            Await.sleep(100);
        }
        assertThat(opened()).as("pings count as activity").isEqualTo(1);
        List<String> pongs = socket.pongs().stream().map(b -> new String(b, StandardCharsets.UTF_8))
                .filter(p -> !p.isEmpty()).toList();
        assertThat(pongs).contains("ping-0", "ping-5", "ping-8");
        assertThat(socket.pongs()).as("unsolicited empty heartbeat pongs").anyMatch(b -> b.length == 0);
    }

    @Test
    void answeredApplicationPingsKeepASilentConnection() {
        server.webSocket("/ws", new SocketHandler() {
            @Override
            public void onText(FakeSocket s, String text) {
                if (text.startsWith("ping ")) {
                    s.send("pong " + text.substring(5));
                }
            }
        });
        AtomicLong pings = new AtomicLong();
        connection(KeepAlive.of(Duration.ofMillis(600), "message or pong").withPing(200,
                () -> "ping " + pings.incrementAndGet()), Duration.ofMillis(50)).start();
        Await.until("open", TIMEOUT, () -> opened() == 1);
        Await.never("a reconnect while the venue answers pings", Duration.ofMillis(1500),
                () -> events.stream().anyMatch(e -> e.startsWith("down")));
        FakeSocket s = server.openSockets().get(0);
        assertThat(s.received()).as("an application ping every period, numbered").filteredOn(m -> m.startsWith("ping "))
                .hasSizeGreaterThanOrEqualTo(3).startsWith("ping 1", "ping 2");
        assertThat(messages).as("the answers reach the handler").contains("pong 1");
    }

    @Test
    void sendsGoOutInOrderAndStopEndsEverything() {
        server.webSocket("/ws", new SocketHandler() {
            @Override
            public void onText(FakeSocket socket, String text) {
                socket.send("ack " + text);
            }
        });
        connection(Duration.ofHours(1), Duration.ofMinutes(1)).start();
        Await.until("open", TIMEOUT, () -> connection.isOpen());
        for (int i = 0; i < 20; i++) {
            connection.send("m" + i);
        }
        Await.until("20 acks", TIMEOUT, () -> messages.size() == 20);
        for (int i = 0; i < 20; i++) {
            assertThat(messages.get(i)).isEqualTo("ack m" + i);
        }
        connection.stop();
        Await.until("closed at the venue", TIMEOUT, () -> server.openSockets().isEmpty());
        Await.sleep(300);
        assertThat(server.allSockets()).as("no reconnect after stop").hasSize(1);
        assertThat(connection.send("late")).isCompletedExceptionally();
    }

    @Test
    void aHandlerThatThrowsDoesNotStopTheStream() {
        quietVenue();
        connection = new ReconnectingWebSocket("test stream", "testvenue", http, scheduler.scheduler(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.0, () -> 0.5),
                KeepAlive.of(Duration.ofMinutes(1), "message or ping"), Duration.ofSeconds(2), System::currentTimeMillis,
                new ReconnectingWebSocket.Handler() {
                    @Override
                    public CompletableFuture<URI> target() {
                        return handler.target();
                    }

                    @Override
                    public void opened(boolean planned) {
                        handler.opened(planned);
                    }

                    @Override
                    public void message(String text) {
                        if (text.equals("bad")) {
                            throw new IllegalStateException("cannot use " + text);
                        }
                        handler.message(text);
                    }

                    @Override
                    public void down(String reason, long retryMillis, int attempt) {
                        handler.down(reason, retryMillis, attempt);
                    }
                });
        connection.start();
        FakeSocket socket = server.awaitSocket("the stream", s -> true, TIMEOUT);
        socket.send("bad");
        socket.send("good");
        Await.until("the next message arrives", TIMEOUT, () -> messages.contains("good"));
        assertThat(opened()).isEqualTo(1);
    }
}
