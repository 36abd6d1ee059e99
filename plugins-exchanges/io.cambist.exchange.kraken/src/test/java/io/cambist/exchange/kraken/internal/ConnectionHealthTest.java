package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;

/** The worst part's state wins, with its reason; only changes are published. */
class ConnectionHealthTest {

    private final List<ConnectionStatus> published = new CopyOnWriteArrayList<>();
    private final ConnectionHealth health = new ConnectionHealth(ConnectionStatus.of(ConnectionState.CONNECTING, "start", 1),
            published::add, () -> 5);

    @Test
    void worstPartWins() {
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
        health.stop("disconnected");
        health.set("user", ConnectionState.CONNECTING, "late");
        assertThat(health.status().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(published.get(published.size() - 1).reason()).isEqualTo("disconnected");
    }
}
