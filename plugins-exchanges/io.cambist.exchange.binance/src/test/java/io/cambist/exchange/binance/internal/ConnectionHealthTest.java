package io.cambist.exchange.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;

class ConnectionHealthTest {

    private final List<ConnectionStatus> published = new ArrayList<>();
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
        health.clear("book:ETHBTC");
        assertThat(health.status().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(published).extracting(ConnectionStatus::state).containsExactly(ConnectionState.CONNECTING,
                ConnectionState.DEGRADED, ConnectionState.ONLINE);
    }

    @Test
    void stopIsOfflineForGood() {
        health.clear("x");
        health.stop("disconnected");
        health.set("market", ConnectionState.CONNECTING, "late event");
        assertThat(health.status()).isEqualTo(ConnectionStatus.of(ConnectionState.OFFLINE, "disconnected", 7));
        assertThat(published.get(published.size() - 1).state()).isEqualTo(ConnectionState.OFFLINE);
    }
}
