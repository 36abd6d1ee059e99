package io.cambist.api.exchange;

import java.util.Objects;

/**
 * A connector's connection state with the reason for it.
 *
 * @param state  the state
 * @param reason why, for anything but ONLINE (e.g. {@code "rate limited until 12:00:05 (HTTP 429)"}); may be {@code null}
 * @param since  when the state was entered, epoch milliseconds
 */
public record ConnectionStatus(ConnectionState state, String reason, long since) {

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
    }

    public static ConnectionStatus online(long since) {
        return new ConnectionStatus(ConnectionState.ONLINE, null, since);
    }

    public static ConnectionStatus of(ConnectionState state, String reason, long since) {
        return new ConnectionStatus(state, reason, since);
    }
}
