package io.cambist.testkit.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.testkit.Await;
import io.cambist.testkit.conformance.VenueFault;

/** The shared fake-venue plumbing: fault queue and count, socket knobs, the timer, and a close that ends both. */
class AbstractFakeVenueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final BareFakeVenue venue = new BareFakeVenue();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        venue.close();
    }

    private WebSocket connect() throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create(venue.server().wsUri() + "/ws/a"),
                new WebSocket.Listener() {
                }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void faultsAnswerTheNextPrivateRequestsInOrderAndEveryRequestIsCounted() {
        venue.failNextPrivateRequest(VenueFault.RATE_LIMITED);
        venue.failNextPrivateRequest(VenueFault.BAD_SIGNATURE);
        assertThat(venue.privateRequest()).isEqualTo(VenueFault.RATE_LIMITED);
        assertThat(venue.privateRequest()).isEqualTo(VenueFault.BAD_SIGNATURE);
        assertThat(venue.privateRequest()).isNull();
        assertThat(venue.privateRequests()).isEqualTo(3);
    }

    @Test
    void streamsCanBeDroppedRefusedAndSentGarbage() throws Exception {
        connect();
        FakeSocket socket = venue.server().awaitSocket("a socket", s -> true, TIMEOUT);
        venue.sendMalformedMessage();
        Await.until("the malformed message is sent", TIMEOUT, () -> !socket.sent().isEmpty());
        venue.dropConnections();
        Await.until("dropped", TIMEOUT, () -> venue.server().openSockets().isEmpty());
        connect();
        venue.setStreamsAvailable(false);
        Await.until("dropped again", TIMEOUT, () -> venue.server().openSockets().isEmpty());
        assertThatThrownBy(this::connect).hasCauseInstanceOf(WebSocketHandshakeException.class);
        venue.setStreamsAvailable(true);
        connect();
        assertThat(venue.server().openSockets()).hasSize(1);
    }

    @Test
    void theTimerRunsUntilClose() {
        AtomicInteger beats = new AtomicInteger();
        venue.every(20, beats::incrementAndGet);
        Await.until("a few beats", TIMEOUT, () -> beats.get() >= 3);
        venue.close();
        int after = beats.get();
        Await.sleep(100);
        assertThat(beats.get()).isLessThanOrEqualTo(after + 1);
    }
}
