package io.cambist.core.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialQueueTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void deliversInOrderFromManyProducersWithoutOverlap() throws Exception {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        int[] concurrent = {0, 0};
        InstanceQueue q = new SerialQueue("t", pool, 1_000_000, e -> {
            synchronized (concurrent) {
                concurrent[0]++;
                concurrent[1] = Math.max(concurrent[1], concurrent[0]);
            }
            seen.add((Integer) e);
            synchronized (concurrent) {
                concurrent[0]--;
            }
        });
        for (int i = 0; i < 20_000; i++) {
            q.offer(i);
        }
        waitFor(() -> seen.size() == 20_000);
        for (int i = 0; i < 20_000; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(concurrent[1]).as("never two events of one queue at once").isEqualTo(1);
    }

    @Test
    void fullQueueRefusesMarketEventsVisiblyButNeverOrderEvents() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        InstanceQueue q = new SerialQueue("slow", pool, 10, e -> {
            await(release);
            seen.add(e);
        });
        q.offerMarket("m0");
        waitFor(() -> q.size() == 0); // m0 is being handled (blocked)
        for (int i = 1; i <= 15; i++) {
            q.offerMarket("m" + i);
        }
        q.offer("order-event");
        assertThat(q.full()).isTrue();
        assertThat(q.dropped()).isEqualTo(5);
        assertThat(q.offerBounded("signal")).isFalse();
        release.countDown();
        waitFor(() -> seen.size() == 12);
        assertThat(seen).endsWith("m10", "order-event");
        assertThat(q.full()).isFalse();
        assertThat(q.dropped()).isEqualTo(5);
    }

    @Test
    void oneSlowQueueDoesNotStallAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InstanceQueue slow = new SerialQueue("slow", pool, 100, e -> await(release));
        List<Object> fastSeen = Collections.synchronizedList(new ArrayList<>());
        InstanceQueue fast = new SerialQueue("fast", pool, 100, fastSeen::add);
        slow.offerMarket("block");
        for (int i = 0; i < 50; i++) {
            fast.offerMarket(i);
        }
        waitFor(() -> fastSeen.size() == 50);
        release.countDown();
    }

    @Test
    void pauseStopsDeliveryAndAwaitIdleWaitsForTheEventInFlight() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        InstanceQueue q = new SerialQueue("p", pool, 100, e -> {
            if ("slow".equals(e)) {
                inside.countDown();
                await(release);
            }
            seen.add(e);
        });
        q.offer("slow");
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        q.offer("next");
        q.pause();
        assertThat(q.awaitIdle(50)).as("the in-flight event still runs").isFalse();
        release.countDown();
        assertThat(q.awaitIdle(5_000)).isTrue();
        Thread.sleep(50);
        assertThat(seen).containsExactly("slow");
        q.offerFirst("first");
        q.resume();
        waitFor(() -> seen.size() == 3);
        assertThat(seen).containsExactly("slow", "first", "next");
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(2);
        }
    }
}
