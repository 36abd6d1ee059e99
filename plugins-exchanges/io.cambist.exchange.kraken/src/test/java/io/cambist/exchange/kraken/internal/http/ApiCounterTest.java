package io.cambist.exchange.kraken.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Kraken's counter model: costs add up, the counter decays steadily, calls wait before the maximum. */
class ApiCounterTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ApiCounter counter = new ApiCounter(15, 0.33, now::get);

    @Test
    void callsUnderTheMaximumGoAtOnce() {
        for (int i = 0; i < 15; i++) {
            assertThat(counter.waitMillis(1)).isZero();
            counter.spend(1);
        }
        assertThat(counter.level()).isEqualTo(15.0);
    }

    @Test
    void aFullCounterWaitsForItsDecay() {
        for (int i = 0; i < 15; i++) {
            counter.spend(1);
        }
        assertThat(counter.waitMillis(1)).isBetween(3030L, 3031L);
        assertThat(counter.waitMillis(2)).as("trade history costs 2").isBetween(6060L, 6061L);
        assertThat(counter.waitMillis(0)).as("AddOrder is limited elsewhere").isZero();
        now.addAndGet(3031);
        assertThat(counter.waitMillis(1)).isZero();
    }

    @Test
    void krakenSayingExceededFillsTheCounter() {
        counter.spend(2);
        counter.exceeded();
        assertThat(counter.level()).isEqualTo(15.0);
        assertThat(counter.waitMillis(1)).isPositive();
    }

    @Test
    void http429OpensTheBreaker() {
        counter.block(Duration.ofSeconds(2), "HTTP 429 from kraken");
        assertThat(counter.waitMillis(0)).isEqualTo(2000);
        assertThat(counter.describe(1)).contains("paused", "HTTP 429");
        now.addAndGet(2000);
        assertThat(counter.waitMillis(0)).isZero();
        assertThat(counter.describe(1)).contains("counter at");
    }
}
