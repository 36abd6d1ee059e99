package io.cambist.strategy.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.cambist.strategy.signal.internal.AlertRateLimiter.Decision;

class AlertRateLimiterTest {

    @Test
    void aBurstThenTheRateAndOnlyTheFirstRefusalOfAStreakIsMarked() {
        AlertRateLimiter limiter = new AlertRateLimiter(60, 3);
        long t = 1_000_000;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("bot", "1.2.3.4", t)).isEqualTo(Decision.ALLOWED);
        }
        assertThat(limiter.acquire("bot", "1.2.3.4", t)).isEqualTo(Decision.LIMITED_FIRST);
        assertThat(limiter.acquire("bot", "1.2.3.4", t + 500)).isEqualTo(Decision.LIMITED);
        assertThat(limiter.retryAfterSeconds("bot", "1.2.3.4")).isEqualTo(1);
        // 60 a minute: one more after a second, and the streak is over
        assertThat(limiter.acquire("bot", "1.2.3.4", t + 1_000)).isEqualTo(Decision.ALLOWED);
        assertThat(limiter.acquire("bot", "1.2.3.4", t + 1_000)).isEqualTo(Decision.LIMITED_FIRST);
        // a long pause refills up to the burst, not beyond
        long later = t + 3_600_000;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("bot", "1.2.3.4", later)).isEqualTo(Decision.ALLOWED);
        }
        assertThat(limiter.acquire("bot", "1.2.3.4", later)).isNotEqualTo(Decision.ALLOWED);
    }

    @Test
    void bucketsArePerBotAndSource() {
        AlertRateLimiter limiter = new AlertRateLimiter(1, 1);
        assertThat(limiter.acquire("a", "1.1.1.1", 0)).isEqualTo(Decision.ALLOWED);
        assertThat(limiter.acquire("a", "1.1.1.1", 0)).isEqualTo(Decision.LIMITED_FIRST);
        assertThat(limiter.retryAfterSeconds("a", "1.1.1.1")).isEqualTo(60);
        assertThat(limiter.acquire("a", "2.2.2.2", 0)).isEqualTo(Decision.ALLOWED);
        assertThat(limiter.acquire("b", "1.1.1.1", 0)).isEqualTo(Decision.ALLOWED);
        assertThat(limiter.acquire("a", null, 0)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void zeroTurnsItOffAndBadLimitsAreRefused() {
        AlertRateLimiter limiter = new AlertRateLimiter(0, 1);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("bot", "1.2.3.4", 0)).isEqualTo(Decision.ALLOWED);
        }
        assertThat(limiter.size()).isZero();
        assertThatThrownBy(() -> limiter.configure(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.configure(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomSourcesCannotGrowItWithoutBound() {
        AlertRateLimiter limiter = new AlertRateLimiter(60, 5);
        for (int i = 0; i < AlertRateLimiter.MAX_BUCKETS * 3; i++) {
            limiter.acquire("bot", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), i);
        }
        assertThat(limiter.size()).isEqualTo(AlertRateLimiter.MAX_BUCKETS);
    }
}
