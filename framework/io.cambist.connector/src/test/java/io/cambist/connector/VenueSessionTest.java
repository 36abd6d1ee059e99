package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.Subscription;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;

/** Bootstrap until the venue answers, held subscriptions, rate-limit status, and a stop that ends everything. */
class VenueSessionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instrument ETH_BTC = ScriptedSession.ETH_BTC;
    private static final Instrument LTC_BTC = Instrument.of("LTC", "BTC");

    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final ScriptedSession session = new ScriptedSession(listener);

    @AfterEach
    void close() {
        session.stop();
        listener.close();
    }

    private void answer(CompletableFuture<List<Instrument>> f) {
        session.answer(f);
    }

    @Test
    void theBootstrapIsRetriedWithBackoffUntilTheVenueAnswers() {
        answer(CompletableFuture.failedFuture(new IllegalStateException("connection refused")));
        answer(CompletableFuture.failedFuture(new IllegalStateException("connection refused")));
        assertThat(session.health().status()).isEqualTo(ConnectionStatus.of(ConnectionState.CONNECTING,
                "connecting to testvenue at http://127.0.0.1:1", session.health().status().since()));
        session.start();
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        assertThat(session.calls).hasValue(3);
        assertThat(listener.statuses()).extracting(ConnectionStatus::reason).contains(
                "cannot load instruments from http://127.0.0.1:1: connection refused; retrying in 50 ms",
                "cannot load instruments from http://127.0.0.1:1: connection refused; retrying in 100 ms");
    }

    @Test
    void subscriptionsMadeBeforeTheInstrumentsArriveAreHeldThenMade() {
        CompletableFuture<List<Instrument>> later = new CompletableFuture<>();
        answer(later);
        session.start();
        Subscription trades = Subscription.of(ETH_BTC, MarketDataKind.TRADE);
        Subscription unknown = Subscription.of(LTC_BTC, MarketDataKind.TRADE);
        Subscription dropped = Subscription.of(ETH_BTC, MarketDataKind.TICKER);
        session.subscribe(unknown);
        session.subscribe(trades);
        session.subscribe(trades);
        session.subscribe(dropped);
        session.unsubscribe(dropped);
        Await.sleep(100);
        assertThat(session.streams).as("held until the instruments are known").isEmpty();
        later.complete(List.of(ETH_BTC));
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        Await.until("the held subscription is made", TIMEOUT, () -> !session.streams.isEmpty());
        assertThat(session.streams).as("once each; an unlisted one is skipped, a withdrawn one never made")
                .containsExactly(trades);
        Subscription book = Subscription.of(ETH_BTC, MarketDataKind.ORDER_BOOK);
        session.subscribe(book);
        assertThat(session.streams).as("made at once now").contains(book);
    }

    @Test
    void aRateLimitIsDegradedUntilItLifts() {
        session.start();
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        session.rateLimited(listener.now() + 300, "rate limited: retry after 0.3 s");
        assertThat(session.health().status().state()).isEqualTo(ConnectionState.DEGRADED);
        assertThat(session.health().status().reason()).isEqualTo("rate limited: retry after 0.3 s");
        long since = System.currentTimeMillis();
        Await.until("the limit lifts", TIMEOUT, () -> session.health().status().state() == ConnectionState.ONLINE);
        assertThat(System.currentTimeMillis() - since).isGreaterThanOrEqualTo(200);
    }

    @Test
    void stopEndsTheStreamsAndTheRetriesAndGoesOffline() {
        for (int i = 0; i < 100; i++) {
            answer(CompletableFuture.failedFuture(new IllegalStateException("down")));
        }
        session.start();
        Await.until("a retry", TIMEOUT, () -> session.calls.get() >= 2);
        session.stop();
        int calls = session.calls.get();
        Await.sleep(300);
        assertThat(session.calls.get()).as("no retry after stop").isLessThanOrEqualTo(calls + 1);
        assertThat(session.streamsStopped).isTrue();
        assertThat(listener.lastStatus()).get().isEqualTo(ConnectionStatus.of(ConnectionState.OFFLINE, "disconnected",
                listener.lastStatus().get().since()));
    }
}
