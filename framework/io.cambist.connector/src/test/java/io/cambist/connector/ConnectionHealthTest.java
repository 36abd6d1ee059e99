package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;

/** The worst part's state wins, with its reason; only changes are published; stop is OFFLINE for good. */
class ConnectionHealthTest {

    private final List<ConnectionStatus> published = new CopyOnWriteArrayList<>();
    private final ConnectionHealth health = new ConnectionHealth(
            ConnectionStatus.of(ConnectionState.CONNECTING, "starting", 1), published::add, () -> 7);

    @Test
    void theWorstPartWinsAndOnlyChangesArePublished() {
        assertThat(published).extracting(ConnectionStatus::state).containsExactly(ConnectionState.CONNECTING);
        health.set("rest", ConnectionState.CONNECTING, "starting");
        assertThat(published).hasSize(1);
        health.set("book:ETHBTC", ConnectionState.DEGRADED, "syncing");
        assertThat(health.status().state()).isEqualTo(ConnectionState.CONNECTING);
        health.clear("rest");
        assertThat(health.status()).isEqualTo(ConnectionStatus.of(ConnectionState.DEGRADED, "syncing", 7));
        assertThat(health.has("book:ETHBTC")).isTrue();
        assertThat(health.has("rest")).isFalse();
        health.clear("book:ETHBTC");
        assertThat(health.status().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(published).extracting(ConnectionStatus::state).containsExactly(ConnectionState.CONNECTING,
                ConnectionState.DEGRADED, ConnectionState.ONLINE);
    }

    @Test
    void theReasonIsTheWorstPartsAndFollowsItWhenItClears() {
        health.set("book:ETH/BTC", ConnectionState.DEGRADED, "synchronising");
        health.set("user", ConnectionState.CONNECTING, "private stream lost");
        assertThat(health.status().state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(health.status().reason()).isEqualTo("private stream lost");
        health.clear("user");
        assertThat(health.status().reason()).isEqualTo("synchronising");
        health.clear("book:ETH/BTC");
        assertThat(health.status().state()).isEqualTo(ConnectionState.ONLINE);
        int n = published.size();
        health.clear("book:ETH/BTC");
        assertThat(published).as("no change, nothing published").hasSize(n);
    }

    @Test
    void aLostStreamSaysWhenItTriesAgain() {
        health.clear("rest");
        health.streamDown("market", "binance market stream", "closed by binance (1006)", 400, 3);
        assertThat(health.status()).isEqualTo(ConnectionStatus.of(ConnectionState.CONNECTING,
                "binance market stream lost (closed by binance (1006)); reconnecting in 400 ms (attempt 3)", 7));
    }

    @Test
    void stopIsOfflineForGood() {
        health.clear("x");
        health.stop("disconnected");
        health.set("market", ConnectionState.CONNECTING, "late event");
        health.stop("again");
        assertThat(health.status()).isEqualTo(ConnectionStatus.of(ConnectionState.OFFLINE, "disconnected", 7));
        assertThat(published.get(published.size() - 1).state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(published).filteredOn(s -> s.state() == ConnectionState.OFFLINE).hasSize(1);
    }
}
