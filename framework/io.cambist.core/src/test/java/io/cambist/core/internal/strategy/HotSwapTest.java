package io.cambist.core.internal.strategy;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static io.cambist.core.internal.testing.LiveEngine.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.Fixtures;
import io.cambist.core.internal.testing.LiveEngine;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestVenue;

/**
 * Swaps a strategy type's implementation under a fast feed and compares the events the instance saw with an
 * uninterrupted run: no event lost or delivered twice, state handed over, no order orphaned.
 */
class HotSwapTest {

    static final int CANDLES = 3_000;

    static List<Candle> market() {
        List<Candle> list = new ArrayList<>();
        for (int i = 0; i < CANDLES; i++) {
            String p = new BigDecimal("0.1").add(BigDecimal.valueOf(i, 6)).toPlainString();
            list.add(CandleData.candle(ETH_BTC, i * 60_000L, p, p, p, p));
        }
        return list;
    }

    /** Records each candle's open time into a shared sequence; version 1 also places one resting order. */
    static final class Versioned extends RecordingStrategy {
        final String version;
        volatile List<Order> openAtStart;

        Versioned(String version, List<Object> sink) {
            super(sink);
            this.version = version;
            this.startHook = c -> {
                openAtStart = c.openOrders();
                c.subscribe(io.cambist.api.model.Subscription.candles(c.instrument(), null));
            };
            this.candleHook = (me, candle) -> {
                if ("v1".equals(this.version) && me.candles() == 10) {
                    me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")).withTag("resting"));
                }
            };
        }
    }

    private static List<Long> candleTimes(List<Object> events) {
        synchronized (events) {
            return events.stream().filter(Candle.class::isInstance).map(e -> ((Candle) e).openTime()).toList();
        }
    }

    private List<Long> uninterrupted() {
        TestVenue venue = Fixtures.venue(market());
        try (LiveEngine l = new LiveEngine(venue::time, null, b -> b.queueCapacity(CANDLES * 2))) {
            l.engine.bindConnector("paper", venue);
            List<Object> seen = Collections.synchronizedList(new ArrayList<>());
            Fixtures.instance(l.engine, Fixtures.type("swap", () -> new Versioned("v1", seen)), "bot", Map.of());
            await("running", () -> l.engine.runner().instance("bot").orElseThrow().state() == StrategyState.RUNNING);
            while (venue.step()) {
                // as fast as possible
            }
            await("all candles", () -> candleTimes(seen).size() == CANDLES);
            return candleTimes(seen);
        }
    }

    @Test
    void swappingTheImplementationUnderAFastFeedLosesAndRepeatsNothing() throws Exception {
        List<Long> expected = uninterrupted();
        assertThat(expected).hasSize(CANDLES);

        TestVenue venue = Fixtures.venue(market());
        try (LiveEngine l = new LiveEngine(venue::time, null, b -> b.queueCapacity(CANDLES * 2))) {
            l.engine.bindConnector("paper", venue);
            List<Object> seen = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger released = new AtomicInteger();
            Versioned[] v1 = new Versioned[1];
            Versioned[] v2 = new Versioned[1];
            StrategyType oldType = new StrategyType("swap", "test.swap", new StrategyFactory() {
                @Override
                public Strategy create() {
                    v1[0] = new Versioned("v1", seen);
                    return v1[0];
                }

                @Override
                public void release(Strategy s) {
                    released.incrementAndGet();
                }
            });
            StrategyType newType = new StrategyType("swap", "test.swap", () -> {
                v2[0] = new Versioned("v2", seen);
                return v2[0];
            });
            Fixtures.instance(l.engine, oldType, "bot", Map.of());
            await("running", () -> l.engine.runner().instance("bot").orElseThrow().state() == StrategyState.RUNNING);
            Thread feed = new Thread(() -> {
                while (venue.step()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000); // fast, but still feeding during the swap
                }
            }, "feed");
            feed.start();
            await("a third delivered", () -> candleTimes(seen).size() >= CANDLES / 3);

            long publishedAtSwap = venue.published();
            l.engine.runner().typeRemoved(oldType); // the bundle is being updated
            StrategyStatus during = l.engine.runner().instance("bot").orElseThrow();
            int handedOver = v1[0].candles();
            Thread.sleep(20); // events keep queueing meanwhile
            l.engine.runner().typeAdded(newType);

            feed.join(20_000);
            await("all candles", () -> candleTimes(seen).size() >= CANDLES);
            Thread.sleep(50);
            List<Long> got = candleTimes(seen);

            assertThat(publishedAtSwap).as("the feed was still running").isLessThan(CANDLES);
            assertThat(during.state()).isEqualTo(StrategyState.PAUSED);
            assertThat(during.reason()).isEqualTo("waiting for strategy type 'swap' (its bundle is not active)");
            assertThat(got).as("same events, same order, none lost or repeated").isEqualTo(expected);
            assertThat(released.get()).isEqualTo(1);
            assertThat(v2[0].restored.get("candles")).isEqualTo(Integer.toString(handedOver));
            assertThat(v2[0].candles()).isEqualTo(CANDLES);
            assertThat(v1[0].candles() + (v2[0].candles() - handedOver)).isEqualTo(CANDLES);

            // the order v1 placed belongs to the core and follows the instance to v2
            assertThat(v2[0].openAtStart).extracting(Order::tag).containsExactly("resting");
            Order resting = v2[0].openAtStart.get(0);
            l.engine.orders().cancel(resting.clientOrderId());
            await("v2 hears of its order", () -> {
                synchronized (seen) {
                    return seen.stream().anyMatch(e -> e instanceof OrderEvent oe
                            && oe.order().clientOrderId().equals(resting.clientOrderId())
                            && oe.status() == OrderStatus.CANCELED);
                }
            });
            assertThat(l.engine.runner().instance("bot").orElseThrow().state()).isEqualTo(StrategyState.RUNNING);
        }
    }
}
