package io.cambist.admin.internal;

/**
 * The admin API's tunables, read from its configuration and the framework properties.
 *
 * @param maxJsonBytes       largest JSON (or other non-jar) request body
 * @param maxJarBytes        largest jar body ({@code application/java-archive} or {@code application/octet-stream})
 * @param verifierWaitMillis how long a request waits for an absent request verifier before 503
 * @param stateWaitMillis    how long a strategy state change waits for the runner to report the new state
 * @param maxBacktests       backtests queued or running at once
 * @param platformStartLevel bundles at this start level or below are protected
 */
public record AdminSettings(long maxJsonBytes, long maxJarBytes, long verifierWaitMillis, long stateWaitMillis,
        int maxBacktests, int platformStartLevel) {

    /** The defaults of {@link AdminConfiguration}. */
    public static final AdminSettings DEFAULTS = new AdminSettings(1L << 20, 64L << 20, 5_000, 2_000, 4,
            AdminConstants.DEFAULT_PLATFORM_START_LEVEL);

    public AdminSettings {
        if (maxJsonBytes < 1 || maxJarBytes < 1) {
            throw new IllegalArgumentException("body size limits must be positive");
        }
        if (verifierWaitMillis < 0 || stateWaitMillis < 0) {
            throw new IllegalArgumentException("wait times must not be negative");
        }
        if (maxBacktests < 1) {
            throw new IllegalArgumentException("maxBacktests must be at least 1");
        }
    }
}
