package io.cambist.exchange.binance.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ServerClockTest {

    @Test
    void theOffsetIsMeasuredAgainstTheMiddleOfTheRoundTrip() {
        AtomicLong local = new AtomicLong(1_000);
        ServerClock clock = new ServerClock(local::get);
        assertThat(clock.synced()).isFalse();
        assertThat(clock.now()).isEqualTo(1_000);
        clock.update(21_050, 1_000, 1_100);
        assertThat(clock.offset()).isEqualTo(20_000);
        local.set(5_000);
        assertThat(clock.now()).isEqualTo(25_000);
        assertThat(clock.synced()).isTrue();
    }
}
