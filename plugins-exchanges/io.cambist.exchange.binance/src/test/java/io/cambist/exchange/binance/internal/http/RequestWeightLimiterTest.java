package io.cambist.exchange.binance.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.RateLimitException;

class RequestWeightLimiterTest {

    private final AtomicLong now = new AtomicLong(60_000 * 1000 + 10_000);
    private final RequestWeightLimiter limiter = new RequestWeightLimiter(100, 0.9, now::get);

    @Test
    void backsOffBeforeTheLimitUntilTheNextMinute() {
        limiter.acquire(50);
        limiter.reported(85);
        assertThat(limiter.used()).isEqualTo(85);
        limiter.acquire(5);
        assertThatThrownBy(() -> limiter.acquire(5)).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("90 of 100").satisfies(e -> assertThat(((RateLimitException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(50)));
        now.addAndGet(50_000);
        limiter.acquire(80);
        assertThat(limiter.used()).isEqualTo(80);
    }

    @Test
    void theBreakerHonoursRetryAfter() {
        limiter.trip(429, Duration.ofSeconds(3));
        assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("HTTP 429").satisfies(e -> assertThat(((RateLimitException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(3)));
        now.addAndGet(2_000);
        limiter.trip(418, Duration.ofMillis(100));
        assertThatThrownBy(() -> limiter.acquire(1)).as("a shorter trip does not shorten the block")
                .hasMessageContaining("429");
        now.addAndGet(1_000);
        limiter.acquire(1);
        limiter.trip(418, Duration.ofSeconds(120));
        assertThatThrownBy(() -> limiter.acquire(1)).hasMessageContaining("banned").hasMessageContaining("418");
    }

    @Test
    void theVenueLimitReplacesTheConfiguredOne() {
        limiter.setLimit(6000);
        assertThat(limiter.limit()).isEqualTo(6000);
        limiter.acquire(1000);
        limiter.setLimit(0);
        assertThat(limiter.limit()).isEqualTo(6000);
    }
}
