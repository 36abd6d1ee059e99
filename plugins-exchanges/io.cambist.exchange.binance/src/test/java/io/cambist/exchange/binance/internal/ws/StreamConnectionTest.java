package io.cambist.exchange.binance.internal.ws;

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

import io.cambist.exchange.binance.internal.Backoff;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.venue.FakeSocket;
import io.cambist.testkit.venue.FakeVenueServer;
import io.cambist.testkit.venue.SocketHandler;

/** The kept-alive socket against a bare fake venue: backoff, planned replacement, silence, pings. */
class StreamConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FakeVenueServer server = FakeVenueServer.start();
    private final RecordingVenueListener scheduler = new RecordingVenueListener(3);
    private final HttpClient http = HttpClient.newBuilder().executor(scheduler.scheduler()).build();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Long> delays = new CopyOnWriteArrayList<>();
    private StreamConnection connection;

    private final StreamConnection.Handler handler = new StreamConnection.Handler() {
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

    private StreamConnection connection(Duration maxAge, Duration staleAfter) {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.0, () -> 0.5);
        connection = new StreamConnection("test stream", http, scheduler.scheduler(), backoff, maxAge, staleAfter,
                Duration.ofSeconds(2), System::currentTimeMillis, handler);
        return connection;
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

    @Test
    void reconnectsWithGrowingBackoffWhileTheVenueRefuses() {
        server.webSocket("/ws", new SocketHandler() {
        });
        connection(Duration.ofHours(1), Duration.ofMinutes(1)).start();
        Await.until("open", TIMEOUT, () -> opened() == 1);
        server.refuseWebSockets(true);
        server.dropAllSockets();
        Await.until("four failed attempts", TIMEOUT, () -> delays.size() >= 5);
        assertThat(delays.subList(0, 5)).containsExactly(50L, 100L, 200L, 400L, 400L);
        assertThat(events.get(1)).startsWith("down: closed by binance (1006");
        assertThat(events.get(2)).contains("cannot connect");
        server.refuseWebSockets(false);
        Await.until("back", TIMEOUT, () -> opened() == 2);
        assertThat(connection.isOpen()).isTrue();
        int downs = delays.size();
        server.dropAllSockets();
        Await.until("reconnected again", TIMEOUT, () -> opened() == 3);
        assertThat(delays.get(downs)).as("the backoff starts over after a successful connection").isEqualTo(50L);
    }

    @Test
    void plannedReplacementOpensTheNewSocketBeforeClosingTheOldWithoutAGap() throws Exception {
        AtomicLong sequence = new AtomicLong();
        server.webSocket("/ws", new SocketHandler() {
        });
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        try {
            feed.scheduleAtFixedRate(() -> {
                String n = Long.toString(sequence.incrementAndGet());
                server.openSockets().forEach(s -> s.send(n));
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
        server.webSocket("/ws", new SocketHandler() {
        });
        connection(Duration.ofHours(1), Duration.ofMillis(400)).start();
        Await.until("replaced after silence", TIMEOUT, () -> opened() >= 2);
        assertThat(events).anyMatch(e -> e.startsWith("down: no message or ping for"));
    }

    @Test
    void serverPingsAreAnsweredWithTheirPayloadAndKeepTheConnectionAlive() {
        server.webSocket("/ws", new SocketHandler() {
        });
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
}
