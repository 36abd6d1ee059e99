package io.cambist.connector.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The defaults are a quarter of the silence limit; contradictory policies are refused. */
class KeepAliveTest {

    @Test
    void defaultsCheckEveryQuarterAndProbeAtLeastEverySecond() {
        KeepAlive k = KeepAlive.of(Duration.ofSeconds(60), "message or ping");
        assertThat(k.checkDelay()).isEqualTo(15_000);
        assertThat(k.checkPeriod()).isEqualTo(15_000);
        assertThat(k.probePeriod()).isEqualTo(1_000);
        assertThat(k.pongIsActivity()).isTrue();
        assertThat(k.maxAge()).isNull();
        assertThat(k.pingPeriod()).isZero();
        KeepAlive fast = KeepAlive.of(Duration.ofMillis(100), "message");
        assertThat(fast.checkPeriod()).as("never busier than every 50 ms").isEqualTo(50);
        assertThat(fast.probePeriod()).isEqualTo(50);
    }

    @Test
    void withersChangeOnlyTheirPart() {
        KeepAlive k = KeepAlive.of(Duration.ofSeconds(3), "x").withChecks(1000, 500).withProbe(900)
                .withPongActivity(false).withMaxAge(Duration.ofHours(1)).withPing(1000, () -> "ping");
        assertThat(k).extracting(KeepAlive::checkDelay, KeepAlive::checkPeriod, KeepAlive::probePeriod,
                KeepAlive::pongIsActivity, KeepAlive::maxAge, KeepAlive::pingPeriod)
                .containsExactly(1000L, 500L, 900L, false, Duration.ofHours(1), 1000L);
        assertThat(k.ping().get()).isEqualTo("ping");
        assertThat(k.staleAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void contradictoryPoliciesAreRefused() {
        assertThatThrownBy(() -> KeepAlive.of(Duration.ZERO, "x")).hasMessageContaining("staleAfter");
        assertThatThrownBy(() -> KeepAlive.of(Duration.ofSeconds(1), "x").withProbe(0)).hasMessageContaining("probe 0 ms");
        assertThatThrownBy(() -> KeepAlive.of(Duration.ofSeconds(1), "x").withPing(100, null))
                .hasMessageContaining("application ping");
    }
}
