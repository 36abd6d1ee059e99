package io.cambist.core.internal.strategy;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static io.cambist.core.internal.testing.LiveEngine.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.SignalAction;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.api.strategy.TradingMode;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.Fixtures;
import io.cambist.core.internal.testing.LiveEngine;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestVenue;

class StrategyRunnerTest {

    private final TestVenue venue = Fixtures.venue(CandleData.flat(ETH_BTC, 0, 500, "0.1"));
    private LiveEngine live;

    private LiveEngine live(int capacity) {
        live = new LiveEngine(venue::time, null, b -> b.queueCapacity(capacity));
        return live;
    }

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
    }

    private static StrategyState state(LiveEngine l, String id) {
        return l.engine.runner().instance(id).orElseThrow().state();
    }

    private static Map<String, Object> config(String pid, Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>(Map.of("instrument", "ETH/BTC", "service.pid", pid,
                "felix.fileinstall.filename", "file:/etc/x.cfg", "component.id", 7));
        m.putAll(extra);
        return m;
    }

    @Test
    void anInstanceWaitsForItsTypeAndItsAccountThenRuns() {
        LiveEngine l = live(100);
        RecordingStrategy s = new RecordingStrategy();
        StrategyType type = Fixtures.type("rec", () -> s);
        l.engine.runner().configure("test.rec~demo", "test.rec", config("test.rec~demo", Map.of("fast", "5")));
        StrategyStatus waiting = l.engine.runner().instance("demo").orElseThrow();
        assertThat(waiting.state()).isEqualTo(StrategyState.CREATED);
        assertThat(waiting.reason()).isEqualTo("waiting for strategy type of test.rec (its bundle is not active)");
        assertThat(waiting.parameters()).containsOnlyKeys("instrument", "fast");
        l.engine.runner().typeAdded(type);
        assertThat(l.engine.runner().instance("demo").orElseThrow().reason())
                .startsWith("waiting for account 'paper'");
        l.engine.bindConnector("paper", venue);
        await("running", () -> state(l, "demo") == StrategyState.RUNNING);
        assertThat(s.ctx.mode()).as("a simulated venue is paper trading").isEqualTo(TradingMode.PAPER);
        assertThat(s.ctx.type()).isEqualTo("rec");
        assertThat(s.ctx.parameters().integer("fast", 0)).isEqualTo(5);
        venue.step();
        await("candle", () -> s.candles() == 1);
        assertThat(l.engine.runner().types()).containsExactly("rec");
        assertThat(venue.subscriptions()).hasSize(1);
    }

    @Test
    void idsComeFromTheConfigurationNameAndBadConfigurationsFailWithTheReason() {
        LiveEngine l = live(100);
        l.engine.bindConnector("paper", venue);
        l.engine.runner().typeAdded(Fixtures.type("rec", RecordingStrategy::new));
        l.engine.runner().configure("test.rec.4f2a", "test.rec", config("test.rec.4f2a", Map.of()));
        assertThat(l.engine.runner().instance("test.rec.4f2a")).isPresent();
        Map<String, Object> bad = config("test.rec~bad", Map.of());
        bad.remove("instrument");
        l.engine.runner().configure("test.rec~bad", "test.rec", bad);
        StrategyStatus st = l.engine.runner().instance("bad").orElseThrow();
        assertThat(st.state()).isEqualTo(StrategyState.FAILED);
        assertThat(st.reason()).isEqualTo("configuration test.rec~bad: parameter 'instrument' is required (write it as"
                + " BASE/QUOTE, e.g. BTC/USDT)");
        l.engine.runner().configure("test.rec~exits", "test.rec", config("test.rec~exits", Map.of("exit.stopLoss", "-3")));
        assertThat(l.engine.runner().instance("exits").orElseThrow().reason())
                .isEqualTo("configuration test.rec~exits: exit.stopLoss -3 must be a positive number of percent");
    }

    @Test
    void aStrategyThatThrowsFailsAloneAndItsOrdersAreCancelled() {
        LiveEngine l = live(100);
        l.engine.bindConnector("paper", venue);
        RecordingStrategy bad = new RecordingStrategy();
        bad.candleHook = (me, c) -> {
            if (me.candles() == 1) {
                me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")));
            }
            if (me.candles() == 3) {
                throw new IllegalStateException("bug in candle 3");
            }
        };
        RecordingStrategy good = new RecordingStrategy();
        Fixtures.instance(l.engine, Fixtures.type("bad", () -> bad), "bad", Map.of());
        Fixtures.instance(l.engine, Fixtures.type("good", () -> good), "good", Map.of());
        await("both running", () -> state(l, "bad") == StrategyState.RUNNING && state(l, "good") == StrategyState.RUNNING);
        for (int i = 0; i < 6; i++) {
            venue.step();
        }
        await("good saw all", () -> good.candles() == 6);
        await("bad failed", () -> state(l, "bad") == StrategyState.FAILED);
        StrategyStatus st = l.engine.runner().instance("bad").orElseThrow();
        assertThat(st.reason()).isEqualTo("onCandle threw java.lang.IllegalStateException: bug in candle 3");
        assertThat(bad.candles()).isEqualTo(3);
        await("orders cancelled", () -> l.engine.orders().openCount("bad") == 0);
        assertThat(state(l, "good")).isEqualTo(StrategyState.RUNNING);
    }

    @Test
    void aParameterErrorAtStartIsTheFailureReasonWithoutFuss() {
        LiveEngine l = live(100);
        l.engine.bindConnector("paper", venue);
        RecordingStrategy s = new RecordingStrategy();
        s.startHook = c -> {
            throw new IllegalArgumentException("fast period 30 must be below slow period 20");
        };
        Fixtures.instance(l.engine, Fixtures.type("rec", () -> s), "demo", Map.of());
        await("failed", () -> state(l, "demo") == StrategyState.FAILED);
        assertThat(l.engine.runner().instance("demo").orElseThrow().reason())
                .isEqualTo("fast period 30 must be below slow period 20");
    }

    @Test
    void pausedInstancesQueueEventsAndDeliverThemInOrderOnResume() {
        LiveEngine l = live(100);
        l.engine.bindConnector("paper", venue);
        RecordingStrategy s = new RecordingStrategy();
        Fixtures.instance(l.engine, Fixtures.type("rec", () -> s), "demo", Map.of());
        await("running", () -> state(l, "demo") == StrategyState.RUNNING);
        venue.step();
        await("first", () -> s.candles() == 1);
        StrategyStatus paused = l.engine.runner().pause("demo");
        assertThat(paused.state()).isEqualTo(StrategyState.PAUSED);
        assertThat(paused.reason()).isEqualTo("paused by the operator");
        for (int i = 0; i < 5; i++) {
            venue.step();
        }
        assertThat(l.engine.runner().instance("demo").orElseThrow().queued()).isEqualTo(5);
        assertThat(s.candles()).isEqualTo(1);
        l.engine.runner().resume("demo");
        await("all", () -> s.candles() == 6);
        List<Long> times = s.events.stream().filter(Candle.class::isInstance).map(e -> ((Candle) e).openTime()).toList();
        assertThat(times).containsExactly(0L, 60_000L, 120_000L, 180_000L, 240_000L, 300_000L);
        assertThat(l.engine.runner().instance("demo").orElseThrow().processed()).isEqualTo(6);
        assertThatThrownBy(() -> l.engine.runner().pause("nobody")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aFullQueueIsAVisibleStatusAndOrderEventsStillArrive() throws Exception {
        LiveEngine l = live(16);
        l.engine.bindConnector("paper", venue);
        CountDownLatch release = new CountDownLatch(1);
        RecordingStrategy s = new RecordingStrategy();
        s.candleHook = (me, c) -> {
            if (me.candles() == 1) {
                me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")));
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Fixtures.instance(l.engine, Fixtures.type("rec", () -> s), "slow", Map.of());
        await("running", () -> state(l, "slow") == StrategyState.RUNNING);
        for (int i = 0; i < 60; i++) {
            venue.step();
        }
        StrategyStatus st = l.engine.runner().instance("slow").orElseThrow();
        assertThat(st.queueFull()).isTrue();
        assertThat(st.dropped()).isPositive();
        assertThat(st.queueCapacity()).isEqualTo(16);
        release.countDown();
        await("order events delivered", () -> Fixtures.transitions(s.events).contains("NEW<-PENDING_NEW"));
        await("drained", () -> !l.engine.runner().instance("slow").orElseThrow().queueFull());
        StrategyStatus after = l.engine.runner().instance("slow").orElseThrow();
        assertThat(s.candles() + after.dropped()).isEqualTo(60);
    }

    @Test
    void disablingStopsTheInstanceAndEnablingRestartsItFromItsSnapshot() {
        LiveEngine l = live(100);
        l.engine.bindConnector("paper", venue);
        RecordingStrategy first = new RecordingStrategy();
        RecordingStrategy second = new RecordingStrategy();
        RecordingStrategy[] next = {first, second};
        int[] made = {0};
        StrategyType t = Fixtures.type("rec", () -> next[made[0]++]);
        StrategyInstance inst = Fixtures.instance(l.engine, t, "demo", Map.of());
        await("running", () -> state(l, "demo") == StrategyState.RUNNING);
        venue.step();
        venue.step();
        await("two", () -> first.candles() == 2);
        Order resting = first.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")));
        l.engine.runner().configure("test.rec~demo", "test.rec", config("test.rec~demo", Map.of("account", "paper",
                "enabled", "false")));
        StrategyStatus stopped = l.engine.runner().instance("demo").orElseThrow();
        assertThat(stopped.state()).isEqualTo(StrategyState.STOPPED);
        assertThat(first.stopped).isTrue();
        await("cancelled", () -> l.engine.orders().order(resting.clientOrderId()).orElseThrow().status()
                == OrderStatus.CANCELED);
        l.engine.runner().configure("test.rec~demo", "test.rec", config("test.rec~demo", Map.of("account", "paper",
                "enabled", "true")));
        await("running again", () -> state(l, "demo") == StrategyState.RUNNING);
        assertThat(second.restored.get("candles")).isEqualTo("2");
        assertThat(inst.savedState().get("candles")).isEqualTo("2");
        l.engine.runner().remove("test.rec~demo");
        assertThat(l.engine.runner().instance("demo")).isEmpty();
    }

    @Test
    void signalsAreQueuedForRunningInstancesAndRefusedOtherwise() {
        LiveEngine l = live(100);
        l.engine.bindConnector("paper", venue);
        RecordingStrategy s = new RecordingStrategy();
        Fixtures.instance(l.engine, Fixtures.type("rec", () -> s), "sig", Map.of());
        await("running", () -> state(l, "sig") == StrategyState.RUNNING);
        Signal sig = new Signal("alert-1", 5, SignalAction.BUY, ETH_BTC, d("1"), null, null, null, "test");
        l.engine.runner().deliver("sig", sig);
        await("signal", () -> s.events.contains(sig));
        assertThatThrownBy(() -> l.engine.runner().deliver("nobody", sig)).isInstanceOf(NoSuchElementException.class);
        l.engine.runner().halt("sig", "operator says stop");
        assertThatThrownBy(() -> l.engine.runner().deliver("sig", sig)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HALTED").hasMessageContaining("operator says stop");
        StrategyContext ctx = s.ctx;
        assertThat(ctx.submit(OrderRequest.market(ETH_BTC, Side.BUY, d("1"))).status()).isEqualTo(OrderStatus.REJECTED);
    }
}
