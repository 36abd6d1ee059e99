package io.cambist.connector.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A message that does not parse, or cannot be used, is counted and skipped; good ones pass. */
class MessageGuardTest {

    private final AtomicLong malformed = new AtomicLong();
    private final MessageGuard guard = new MessageGuard("test stream", malformed);
    private final List<Integer> handled = new ArrayList<>();

    @Test
    void badMessagesAreCountedAndSkipped() {
        guard.dispatch("12", Integer::parseInt, handled::add);
        guard.dispatch("{not a number", Integer::parseInt, handled::add);
        guard.dispatch("-1", Integer::parseInt, n -> {
            if (n < 0) {
                throw new IllegalArgumentException("negative");
            }
            handled.add(n);
        });
        guard.dispatch("7", Integer::parseInt, handled::add);
        assertThat(handled).containsExactly(12, 7);
        assertThat(malformed).hasValue(2);
    }

    @Test
    void parseAloneReturnsNothingForABadMessage() {
        Integer bad = guard.parse("x", Integer::parseInt);
        Integer good = guard.parse("3", Integer::parseInt);
        assertThat(bad).isNull();
        assertThat(good).isEqualTo(3);
        assertThat(malformed).hasValue(1);
    }
}
