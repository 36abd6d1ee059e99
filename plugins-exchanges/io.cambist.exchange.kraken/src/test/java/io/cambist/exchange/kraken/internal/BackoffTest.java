package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Reconnect delays grow by the factor up to the cap, spread by the jitter. */
class BackoffTest {

    @Test
    void growsAndCaps() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0, () -> 0.5);
        assertThat(b.delayMillis(0)).isEqualTo(100);
        assertThat(b.delayMillis(1)).isEqualTo(200);
        assertThat(b.delayMillis(3)).isEqualTo(800);
        assertThat(b.delayMillis(4)).isEqualTo(1000);
        assertThat(b.delayMillis(1000)).isEqualTo(1000);
    }

    @Test
    void jitterSpreadsEachDelay() {
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2, () -> 0.0).delayMillis(0))
                .isEqualTo(80);
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2, () -> 0.999999).delayMillis(0))
                .isEqualTo(120);
    }
}
