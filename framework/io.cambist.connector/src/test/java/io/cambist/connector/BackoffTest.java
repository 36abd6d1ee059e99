package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Reconnect delays grow by the factor up to the cap, spread by the jitter within its bounds. */
class BackoffTest {

    @Test
    void growsByTheFactorUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.0, () -> 0.5);
        assertThat(b.delayMillis(0)).isEqualTo(100);
        assertThat(b.delayMillis(1)).isEqualTo(200);
        assertThat(b.delayMillis(3)).isEqualTo(800);
        assertThat(b.delayMillis(4)).isEqualTo(1000);
        assertThat(b.delayMillis(1000)).isEqualTo(1000);
        assertThat(b.delayMillis(Integer.MAX_VALUE)).as("no overflow however many attempts").isEqualTo(1000);
    }

    @Test
    void jitterSpreadsWithinTheConfiguredFraction() {
        Random r = new Random(1);
        Backoff b = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(1000), 2.0, 0.2, r::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long d = b.delayMillis(2);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isBetween(800L, 850L);
        assertThat(max).isBetween(1150L, 1200L);
    }

    @Test
    void jitterSpreadsEachDelay() {
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2, () -> 0.0).delayMillis(0))
                .isEqualTo(80);
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2, () -> 0.999999).delayMillis(0))
                .isEqualTo(120);
    }

    @Test
    void delaysStayWithinZeroAndTheJitteredCap() {
        Backoff full = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(2), 3.0, 1.0, () -> 0.0);
        Backoff top = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(2), 3.0, 1.0, () -> 0.999999);
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(full.delayMillis(attempt)).as("a full downward jitter reaches 0, never below").isZero();
            assertThat(top.delayMillis(attempt)).isLessThanOrEqualTo(4000);
        }
        assertThat(top.delayMillis(10)).isEqualTo(4000);
    }
}
