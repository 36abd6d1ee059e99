package io.cambist.core.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InlineQueueTest {

    @Test
    void eventsOfferedDuringHandlingWaitUntilTheHandlerReturns() {
        List<String> log = new ArrayList<>();
        InstanceQueue[] q = new InstanceQueue[1];
        q[0] = Dispatcher.inline().newQueue("i", 10, e -> {
            log.add("begin " + e);
            if ("candle".equals(e)) {
                q[0].offer("ack");
            }
            log.add("end " + e);
        });
        q[0].offerMarket("candle");
        assertThat(log).containsExactly("begin candle", "end candle", "begin ack", "end ack");
    }

    @Test
    void pausedQueueHoldsEventsAndStartGoesFirstOnResume() {
        List<Object> seen = new ArrayList<>();
        InstanceQueue q = Dispatcher.inline().newQueue("i", 10, seen::add);
        q.pause();
        q.offer("a");
        q.offer("b");
        q.offerFirst("start");
        assertThat(seen).isEmpty();
        q.resume();
        assertThat(seen).containsExactly("start", "a", "b");
    }

    @Test
    void inlineLaneRunsNestedTasksAfterTheCurrentOne() {
        List<String> log = new ArrayList<>();
        var lane = Dispatcher.inline().newLane("l");
        lane.execute(() -> {
            log.add("a1");
            lane.execute(() -> log.add("b"));
            log.add("a2");
        });
        assertThat(log).containsExactly("a1", "a2", "b");
    }
}
