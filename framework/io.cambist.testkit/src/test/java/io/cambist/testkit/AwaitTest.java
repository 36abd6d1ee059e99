package io.cambist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsTheValueOnceItAppears() {
        AtomicInteger calls = new AtomicInteger();
        String v = Await.value("third call", Duration.ofSeconds(2),
                () -> calls.incrementAndGet() >= 3 ? Optional.of("done") : Optional.empty());
        assertThat(v).isEqualTo("done");
    }

    @Test
    void failsWithWhatWasAwaitedAfterTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Await.until("the impossible", Duration.ofMillis(100), () -> false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("the impossible").hasMessageContaining("100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void neverFailsAsSoonAsTheConditionHolds() {
        Await.never("nothing", Duration.ofMillis(50), () -> false);
        assertThatThrownBy(() -> Await.never("a surprise", Duration.ofSeconds(5), () -> true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("a surprise");
    }
}
