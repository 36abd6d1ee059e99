package io.cambist.api.security;

/**
 * Counters of a nonce store.
 *
 * @param type          {@code memory} or {@code file}
 * @param windowMillis  how far from now a timestamp may be
 * @param retained      nonces currently remembered
 * @param accepted      claims accepted since start
 * @param replayed      replays refused since start
 * @param stale         stale timestamps refused since start
 * @param future        future timestamps refused since start
 */
public record NonceStoreStats(String type, long windowMillis, long retained, long accepted, long replayed, long stale,
        long future) {
}
