package io.cambist.api.exchange;

/** The health of a connector's link to its venue. */
public enum ConnectionState {
    /** Connecting or reconnecting (with backoff). */
    CONNECTING,
    /** Connected, streams subscribed, orders flow. */
    ONLINE,
    /** Connected but impaired: rate limited, a stream resyncing, or reconciling after a reconnect. */
    DEGRADED,
    /** Not connected; the reason says why. */
    OFFLINE
}
