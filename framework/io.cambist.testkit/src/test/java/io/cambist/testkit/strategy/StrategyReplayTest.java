package io.cambist.testkit.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;

class StrategyReplayTest {

    private static final Instrument I = Instrument.of("ETH", "BTC");

    /** Candles with the given closes, each opening at the previous close, one minute apart. */
    static List<Candle> candles(String... closes) {
        List<Candle> out = new ArrayList<>();
        BigDecimal open = new BigDecimal(closes[0]);
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = new BigDecimal(closes[i]);
            out.add(new Candle("paper", I, Timeframe.M1, 1_700_000_000_000L + i * 60_000L, open, open.max(c), open.min(c),
                    c, BigDecimal.TEN));
            open = c;
        }
        return out;
    }

    /** Buys with all its quote at candle {@code buyAt}, counts candles, and hands the count over in its snapshot. */
    static final class Counter implements Strategy {
        private StrategyContext context;
        int seen;
        final int buyAt;
        final List<String> got = new ArrayList<>();

        Counter(int buyAt) {
            this.buyAt = buyAt;
        }

        @Override
        public void onStart(StrategyContext ctx) {
            context = ctx;
            ctx.savedState().ifPresent(s -> seen = Integer.parseInt(s.get("seen")));
            ctx.subscribe(Subscription.candles(ctx.instrument(), null));
        }

        @Override
        public void onCandle(Candle c) {
            if (seen++ == buyAt) {
                context.submit(OrderRequest.marketQuote(c.instrument(), Side.BUY, new BigDecimal("0.5")).withTag("t:buy"));
            }
        }

        @Override
        public void onOrderEvent(OrderEvent e) {
            got.add(e.status().toString());
        }

        @Override
        public void onSignal(Signal s) {
            context.submit(OrderRequest.market(context.instrument(), Side.SELL, context.position().quantity())
                    .withClientOrderId(s.clientOrderId()).withTag("t:signal"));
        }

        @Override
        public StrategySnapshot snapshot() {
            return new StrategySnapshot(1, Map.of("seen", Integer.toString(seen)));
        }
    }

    @Test
    void recordsOrdersEventsAndPositionsOfARunThroughTheEngineAndThePaperVenue() {
        List<Candle> candles = candles("1", "1.1", "1.2", "1.3", "1.2", "1.1");
        ReplayResult r = StrategyReplay.of("counter", () -> new Counter(1)).candles(I, candles).balance("BTC", "1")
                .fee("0.001").run();
        assertThat(r.report().failure()).isNull();
        assertThat(r.candles()).hasSize(6);
        assertThat(r.submissions()).singleElement().satisfies(s -> {
            assertThat(s.candle()).isEqualTo(1);
            assertThat(s.request().tag()).isEqualTo("t:buy");
        });
        assertThat(r.fills()).singleElement().satisfies(d -> {
            assertThat(d.event().fill().price()).as("next open").isEqualByComparingTo("1.1");
            assertThat(d.seq()).isGreaterThan(r.submissions().get(0).seq());
        });
        assertThat(r.positionAt(1).orElseThrow().isFlat()).isTrue();
        Position held = r.positionAt(2).orElseThrow();
        assertThat(held.quantity()).isPositive();
        assertThat(held.averageEntryPrice()).isEqualByComparingTo("1.1");
        assertThat(r.orders()).hasSize(1);
        assertThat(r.ordersTagged("t:").get(0).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.report().trades()).hasSize(1);
        assertThat(r.finalSnapshot().get("seen")).isEqualTo("6");
    }

    @Test
    void aHotSwapHandsTheFreshSnapshotOverAndARestartAnOlderOne() {
        List<Candle> candles = candles("1", "1", "1", "1", "1", "1", "1", "1");
        ReplayResult swapped = StrategyReplay.of("counter", () -> new Counter(99)).candles(I, candles).hotSwapAt(5).run();
        assertThat(swapped.swaps()).singleElement().satisfies(s -> {
            assertThat(s.candle()).isEqualTo(5);
            assertThat(s.restart()).isFalse();
            assertThat(s.snapshot().get("seen")).isEqualTo("5");
        });
        assertThat(swapped.finalSnapshot().get("seen")).isEqualTo("8");

        ReplayResult restarted = StrategyReplay.of("counter", () -> new Counter(99)).candles(I, candles).restartAt(6, 2).run();
        assertThat(restarted.swaps().get(0).snapshot().get("seen")).isEqualTo("2");
        // the new object resumed from the older count: candles 2..5 were seen by the lost object only
        assertThat(restarted.finalSnapshot().get("seen")).isEqualTo("4");
        assertThatThrownBy(() -> StrategyReplay.of("x", () -> new Counter(0)).restartAt(1, 2))
                .hasMessageContaining("older than the restart");
    }

    @Test
    void signalsFromAFileReachTheStrategyAfterTheirCandle(@TempDir Path dir) throws Exception {
        List<Candle> candles = candles("1", "1.1", "1.2", "1.3");
        Path file = Files.writeString(dir.resolve("signals.json"), "[{\"id\":\"s1\",\"time\":" + candles.get(2).time()
                + ",\"action\":\"sell\",\"instrument\":\"ETH/BTC\"}]");
        ReplayResult r = StrategyReplay.of("counter", () -> new Counter(0)).candles(I, candles).signalFile(file).run();
        assertThat(r.signals()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("s1"));
        assertThat(r.submissions()).extracting(s -> s.request().tag()).containsExactly("t:buy", "t:signal");
        assertThat(r.submissions().get(1).candle()).isEqualTo(2);
        assertThat(r.report().trades()).hasSize(2);
        assertThat(r.report().trades().get(1).price()).as("the open after the signal's candle").isEqualByComparingTo(candles.get(3).open());
    }

    @Test
    void theExitOracleFollowsTheDocumentedCandleSemantics() {
        // bought at 1.1 (the open of candle 2); +10 % arms at 1.21 (candle 3's high 1.3), 5 % pullback from 1.3 = 1.235
        List<Candle> candles = candles("1", "1.1", "1.2", "1.3", "1.25", "1.2");
        ReplayResult r = StrategyReplay.of("counter", () -> new Counter(1)).candles(I, candles)
                .parameter(ExitRules.TRAILING_ACTIVATION, "10").parameter(ExitRules.TRAILING_CALLBACK, "5").run();
        ExitOracle.Exit exit = ExitOracle.first(r, new ExitRules(null, null, null, BigDecimal.TEN, new BigDecimal("5")))
                .orElseThrow();
        assertThat(exit.kind()).isEqualTo("trailingStop");
        assertThat(exit.candle()).isEqualTo(5);
        assertThat(exit.highest()).isEqualByComparingTo("1.3");
        assertThat(exit.level()).isEqualByComparingTo("1.235");
        // the engine agrees: its exit order was decided at candle 5 (filled at candle 6's open, after the last candle)
        assertThat(r.deliveries()).filteredOn(d -> "exit:trailingStop".equals(d.event().order().tag()))
                .allSatisfy(d -> assertThat(d.candle()).isEqualTo(5)).isNotEmpty();
    }

    @Test
    void aSessionStepsCandleByCandleWithTheEnginesServicesAtHand() {
        List<Candle> candles = candles("1", "1.1", "1.2", "1.3", "1.4");
        try (StrategySession s = StrategySession.of("counter", "test.counter", () -> new Counter(1)).candles(I, candles)
                .instance("c").balance("BTC", "1").start()) {
            assertThat(s.lastCandle()).isNull();
            assertThat(s.step(2)).isEqualTo(2);
            assertThat(s.lastCandle()).isEqualTo(candles.get(1));
            assertThat(s.time()).isEqualTo(candles.get(1).time());
            assertThat(s.orders("c")).singleElement().satisfies(o -> assertThat(o.isOpen()).isTrue());
            s.step();
            assertThat(s.orders("c").get(0).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(s.status("c").position().quantity()).isPositive();
            s.runner().deliver("c", new Signal("x", s.time(), io.cambist.api.strategy.SignalAction.SELL, I, null, null,
                    null, s.orders().newClientOrderId(), "test"));
            s.step();
            assertThat(s.orders("c")).hasSize(2);
            assertThat(s.status("c").position().isFlat()).isTrue();
            s.addInstance("d", Map.of());
            assertThat(s.runner().instance("d")).isPresent();
            assertThat(s.step(10)).isEqualTo(1);
        }
    }

    @Test
    void sharedDataIsFoundThroughTheSystemProperty() {
        Path file = SharedData.candleFile("ETH_BTC-5m.json");
        assertThat(file).isRegularFile();
    }
}
