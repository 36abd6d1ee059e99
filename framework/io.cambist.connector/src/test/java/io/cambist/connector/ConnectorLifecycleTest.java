package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.Subscription;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;

/** One session per connect, subscriptions kept across sessions, OFFLINE and a clear refusal without a session. */
class ConnectorLifecycleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RecordingVenueListener listener = new RecordingVenueListener();
    private final ConnectorLifecycle<ScriptedSession> lifecycle = new ConnectorLifecycle<>("testvenue", "acc");
    private final List<ScriptedSession> sessions = new CopyOnWriteArrayList<>();

    private ScriptedSession newSession() {
        ScriptedSession s = new ScriptedSession(listener);
        sessions.add(s);
        return s;
    }

    @AfterEach
    void close() {
        lifecycle.disconnect();
        listener.close();
    }

    @Test
    void withoutASessionTheConnectorIsOfflineAndRefusesWork() {
        assertThat(lifecycle.status().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(lifecycle.status().reason()).isEqualTo("not connected");
        assertThat(lifecycle.current()).isNull();
        assertThatThrownBy(lifecycle::require).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessage("testvenue account acc is not connected: the core connects it once it is bound");
        assertThatThrownBy(() -> lifecycle.subscribe(Subscription.of(Instrument.of("ETH", "BTC"), MarketDataKind.TRADE)))
                .isInstanceOf(ExchangeUnavailableException.class);
        lifecycle.unsubscribe(Subscription.of(Instrument.of("ETH", "BTC"), MarketDataKind.TRADE));
    }

    @Test
    void eachConnectReplacesTheSessionAndMakesTheSubscriptionsAgain() {
        lifecycle.connect(this::newSession);
        listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
        assertThat(lifecycle.status().state()).isEqualTo(ConnectionState.ONLINE);
        Subscription trades = Subscription.of(Instrument.of("ETH", "BTC"), MarketDataKind.TRADE);
        Subscription ticker = Subscription.of(Instrument.of("ETH", "BTC"), MarketDataKind.TICKER);
        lifecycle.subscribe(trades);
        lifecycle.subscribe(ticker);
        lifecycle.unsubscribe(ticker);
        ScriptedSession first = lifecycle.require();
        assertThat(first.streams).containsExactly(trades);

        lifecycle.connect(this::newSession);
        assertThat(first.streamsStopped).as("the old session is stopped first").isTrue();
        ScriptedSession second = lifecycle.current();
        assertThat(second).isNotSameAs(first);
        Await.until("the kept subscription is made again", TIMEOUT, () -> second.streams.contains(trades));
        assertThat(second.streams).containsExactly(trades);

        lifecycle.disconnect();
        assertThat(second.streamsStopped).isTrue();
        assertThat(lifecycle.status().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(listener.lastStatus()).get().extracting(s -> s.reason()).isEqualTo("disconnected");
        lifecycle.connect(this::newSession);
        Await.until("subscriptions survive a disconnect", TIMEOUT, () -> sessions.get(2).streams.contains(trades));
    }
}
