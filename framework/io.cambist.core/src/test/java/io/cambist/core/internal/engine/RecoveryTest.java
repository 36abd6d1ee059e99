package io.cambist.core.internal.engine;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static io.cambist.core.internal.testing.LiveEngine.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.StrategyState;
import io.cambist.core.internal.dispatch.Dispatcher;
import io.cambist.core.internal.journal.FileJournal;
import io.cambist.core.internal.journal.Journal;
import io.cambist.core.internal.journal.JournalRecord;
import io.cambist.core.internal.journal.JournalRecord.FillApplied;
import io.cambist.core.internal.journal.RecordCodec;
import io.cambist.core.internal.journal.JournalRecord.OrderSaved;
import io.cambist.core.internal.order.ClientOrderIds;
import io.cambist.core.internal.strategy.StrategyInstance;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.DelegatingConnector;
import io.cambist.core.internal.testing.Fixtures;
import io.cambist.core.internal.testing.LiveEngine;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestVenue;

class RecoveryTest {

    @TempDir
    Path dir;

    static List<Candle> market() {
        return List.of(CandleData.candle(ETH_BTC, 0, "0.100", "0.101", "0.099", "0.100"),
                CandleData.candle(ETH_BTC, 60_000, "0.102", "0.103", "0.098", "0.099"),
                CandleData.candle(ETH_BTC, 120_000, "0.097", "0.099", "0.094", "0.095"),
                CandleData.candle(ETH_BTC, 180_000, "0.096", "0.097", "0.095", "0.096"),
                CandleData.candle(ETH_BTC, 240_000, "0.096", "0.098", "0.092", "0.097"),
                CandleData.candle(ETH_BTC, 300_000, "0.097", "0.099", "0.096", "0.098"));
    }

    private Engine journaled(TestVenue venue) {
        return Engine.builder().clock(venue::time).dispatcher(Dispatcher.inline()).journal(dir, 1 << 20).build();
    }

    /** A bot that buys 1 at market on its first candle and rests a buy limit of 2 at 0.093 and one far below. */
    private static RecordingStrategy trader() {
        RecordingStrategy s = new RecordingStrategy();
        s.candleHook = (me, c) -> {
            if (me.candles() == 1) {
                me.ctx.submit(OrderRequest.market(ETH_BTC, Side.BUY, d("1")));
                me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("2"), d("0.093")).withTag("dip"));
                me.ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")).withTag("far"));
            }
        };
        return s;
    }

    private static Position position(Engine e, String id) {
        return e.portfolio().strategyPosition(id).orElseThrow();
    }

    @Test
    void replayRebuildsTheSameStateAndATornLastRecordLosesNothingBeforeIt() throws IOException {
        TestVenue venue = Fixtures.venue(market());
        Engine first = journaled(venue);
        first.bindConnector("paper", venue);
        StrategyInstance inst = Fixtures.instance(first, Fixtures.type("t", RecoveryTest::trader), "bot", Map.of());
        venue.step();
        venue.step();
        Order far = first.orders().orders(OrderQuery.ofStrategy("bot", true)).stream()
                .filter(o -> "far".equals(o.tag())).findFirst().orElseThrow();
        first.orders().cancel(far.clientOrderId());
        first.runner().periodicSnapshots();
        List<Order> before = first.orders().orders(OrderQuery.all());
        Position posBefore = position(first, "bot");
        assertThat(before).hasSize(3);
        assertThat(posBefore.quantity()).isEqualByComparingTo("1");
        assertThat(inst.savedState().get("candles")).isEqualTo("2");

        // the process dies here (nothing is closed); a new engine replays the journal
        Engine second = journaled(venue);
        assertThat(second.orders().orders(OrderQuery.all())).isEqualTo(before);
        assertThat(position(second, "bot").quantity()).isEqualByComparingTo(posBefore.quantity());
        assertThat(second.portfolio().strategyPosition("bot")).isPresent();
        RecordingStrategy again = new RecordingStrategy();
        Fixtures.instance(second, Fixtures.type("t", () -> again), "bot", Map.of());
        second.bindConnector("paper", venue);
        assertThat(again.restored.get("candles")).isEqualTo("2");
        assertThat(position(second, "bot").averageEntryPrice()).isEqualByComparingTo("0.102");

        // one more order; the process dies in the middle of writing its acknowledgement
        Order late = second.orders().submit(null, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.06"))
                .withAccount("paper"));
        int placed = venue.placeCalls();
        Path segment = Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        Order acked = second.orders().order(late.clientOrderId()).orElseThrow();
        int lastRecord = 8 + RecordCodec.encode(new OrderSaved(acked, List.of())).length;
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - lastRecord / 2);
        }
        Engine third = journaled(venue);
        Order restored = third.orders().order(late.clientOrderId()).orElseThrow();
        assertThat(restored.status()).as("the intent survived, its acknowledgement was torn").isEqualTo(OrderStatus.PENDING_NEW);
        List<Order> others = third.orders().orders(OrderQuery.all()).stream()
                .filter(o -> !o.clientOrderId().equals(late.clientOrderId())).toList();
        assertThat(others).isEqualTo(before);
        third.bindConnector("paper", venue);
        assertThat(third.orders().order(late.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
        assertThat(venue.placeCalls()).as("reconciled, never re-sent").isEqualTo(placed);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.anyMatch(p -> p.getFileName().toString().contains(".torn-"))).isTrue();
        }
    }

    @Test
    void fillsTheVenueMadeWhileWeWereDownAreRecoveredByClientOrderId() {
        TestVenue venue = Fixtures.venue(market());
        Engine first = journaled(venue);
        first.bindConnector("paper", venue);
        Fixtures.instance(first, Fixtures.type("t", RecoveryTest::trader), "bot", Map.of());
        venue.step();
        venue.step(); // market buy filled at 0.102; limits rest
        int placed = venue.placeCalls();

        // crash; the venue keeps trading: the 0.093 limit fills (low 0.092) while nobody listens
        venue.disconnect();
        venue.step();
        venue.step();
        venue.step();
        assertThat(venue.total("ETH")).isEqualByComparingTo("3");

        Engine second = journaled(venue);
        RecordingStrategy again = new RecordingStrategy();
        StrategyInstance inst = Fixtures.instance(second, Fixtures.type("t", () -> again), "bot", Map.of());
        assertThat(second.runner().instance("bot").orElseThrow().state()).isEqualTo(StrategyState.CREATED);
        second.bindConnector("paper", venue);
        Order dip = second.orders().orders(OrderQuery.all()).stream().filter(o -> "dip".equals(o.tag())).findFirst()
                .orElseThrow();
        assertThat(dip.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(dip.averagePrice()).isEqualByComparingTo("0.093");
        assertThat(position(second, "bot").quantity()).isEqualByComparingTo(venue.total("ETH"));
        assertThat(second.portfolio().total("paper", "BTC")).isEqualByComparingTo(venue.total("BTC"));
        assertThat(Fixtures.transitions(again.events)).contains("FILLED<-NEW+fill");
        assertThat(venue.placeCalls()).isEqualTo(placed);
        assertThat(inst.savedState()).isNull();
        assertThat(second.runner().instance("bot").orElseThrow().state()).isEqualTo(StrategyState.RUNNING);
        // a fill reported again by the stream after reconciliation is not counted twice
        var fill = venue.fills(ETH_BTC, dip.clientOrderId()).get(0);
        second.orders().onExecution(new io.cambist.api.exchange.ExecutionReport("paper",
                venue.query(ETH_BTC, dip.clientOrderId()).orElseThrow(), fill));
        assertThat(position(second, "bot").quantity()).isEqualByComparingTo("3");
    }

    @Test
    void aFillJournaledWithoutTheOrderStateAfterItIsCountedOnceAfterACrash() throws IOException {
        TestVenue venue = Fixtures.venue(market());
        Engine first = journaled(venue);
        first.bindConnector("paper", venue);
        Fixtures.instance(first, Fixtures.type("t", RecoveryTest::trader), "bot", Map.of());
        for (int i = 0; i < 5; i++) {
            venue.step(); // the market buy of 1 fills at 0.102, then the dip limit of 2 at 0.093
        }
        assertThat(position(first, "bot").quantity()).isEqualByComparingTo("3");

        // kill -9 between the dip fill's record and the order state written after it
        Path segment = Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        byte[] all = Files.readAllBytes(segment);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(all);
        long afterLastFill = -1;
        for (int offset = 8; offset < all.length; ) {
            int length = buf.getInt(offset);
            byte[] payload = java.util.Arrays.copyOfRange(all, offset + 8, offset + 8 + length);
            offset += 8 + length;
            if (RecordCodec.decode(payload) instanceof FillApplied) {
                afterLastFill = offset;
            }
        }
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(afterLastFill);
        }

        Engine second = journaled(venue);
        Fixtures.instance(second, Fixtures.type("t", RecordingStrategy::new), "bot", Map.of());
        second.bindConnector("paper", venue);
        Order dip = second.orders().orders(OrderQuery.all()).stream().filter(o -> "dip".equals(o.tag())).findFirst()
                .orElseThrow();
        assertThat(dip.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(dip.filledQuantity()).isEqualByComparingTo("2");
        assertThat(position(second, "bot").quantity()).as("the dip fill counted once").isEqualByComparingTo("3");
        assertThat(second.portfolio().position("paper", ETH_BTC).orElseThrow().quantity())
                .isEqualByComparingTo(venue.total("ETH"));
    }

    @Test
    void anOrderJournaledButNeverSentIsClosedAsRejectedAndNotResent() {
        TestVenue venue = Fixtures.venue(market());
        Engine first = journaled(venue);
        first.bindConnector("paper", venue);
        first.unbindConnector("paper", venue); // e.g. the connector bundle is being updated
        Order waiting = first.orders().submit(null, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.09"))
                .withAccount("paper"));
        assertThat(waiting.status()).isEqualTo(OrderStatus.PENDING_NEW);
        // crash before the connector came back
        Engine second = journaled(venue);
        second.bindConnector("paper", venue);
        Order after = second.orders().order(waiting.clientOrderId()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(after.reason()).isEqualTo("not found at the venue during reconciliation: it never reached the venue"
                + " and is not re-sent");
        assertThat(venue.placeCalls()).isZero();
    }

    @Test
    void clientOrderIdsStayUniqueAcrossRestartsEvenIfTheClockGoesBack() {
        TestVenue venue = Fixtures.venue(market());
        Engine first = Engine.builder().clock(() -> 5_000_000).dispatcher(Dispatcher.inline()).journal(dir, 1 << 20).build();
        ClientOrderId a = first.orders().newClientOrderId();
        Engine second = Engine.builder().clock(() -> 1_000).dispatcher(Dispatcher.inline()).journal(dir, 1 << 20).build();
        ClientOrderId b = second.orders().newClientOrderId();
        assertThat(ClientOrderIds.epochOf(b)).isGreaterThan(ClientOrderIds.epochOf(a));
        assertThat(b).isNotEqualTo(a);
        assertThat(venue).isNotNull();
    }

    @Test
    void checkpointsKeepTheJournalSmallAndTheStateWhole() throws IOException {
        TestVenue venue = Fixtures.venue(market());
        Engine first = Engine.builder().clock(venue::time).dispatcher(Dispatcher.inline()).journal(dir, 8 * 1024).build();
        first.bindConnector("paper", venue);
        venue.step();
        Order bought = first.orders().submit(null, OrderRequest.market(ETH_BTC, Side.BUY, d("1")).withAccount("paper"));
        venue.step();
        for (int i = 0; i < 150; i++) {
            Order o = first.orders().submit(null, OrderRequest.limit(ETH_BTC, Side.BUY, d("0.01"), d("0.05"))
                    .withAccount("paper"));
            if (i % 3 != 0) {
                first.orders().cancel(o.clientOrderId());
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path segment = files.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
            assertThat(segment.getFileName().toString()).isNotEqualTo("journal-000001.log");
            assertThat(Files.size(segment)).isLessThan(64 * 1024);
        }
        List<Order> before = first.orders().orders(OrderQuery.all());
        Engine second = journaled(venue);
        assertThat(second.orders().orders(OrderQuery.all())).isEqualTo(before);
        assertThat(second.orders().orders(OrderQuery.open())).hasSize(50);
        assertThat(second.portfolio().position("paper", ETH_BTC).orElseThrow().quantity()).isEqualByComparingTo("1");
        assertThat(second.orders().order(bought.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void exitStateSurvivesARestart() {
        List<Candle> market = List.of(CandleData.candle(ETH_BTC, 0, "0.100", "0.100", "0.100", "0.100"),
                CandleData.candle(ETH_BTC, 60_000, "0.100", "0.103", "0.100", "0.1025"),
                CandleData.candle(ETH_BTC, 120_000, "0.1025", "0.104", "0.1025", "0.1035"),
                CandleData.candle(ETH_BTC, 180_000, "0.1035", "0.1036", "0.1029", "0.103"));
        TestVenue venue = Fixtures.venue(market);
        Engine first = journaled(venue);
        first.bindConnector("paper", venue);
        Map<String, String> exits = Map.of("exit.trailingActivation", "2", "exit.trailingCallback", "1");
        RecordingStrategy buyer = new RecordingStrategy();
        buyer.candleHook = (me, c) -> {
            if (me.candles() == 1) {
                me.ctx.submit(OrderRequest.market(ETH_BTC, Side.BUY, d("1")));
            }
        };
        Fixtures.instance(first, Fixtures.type("b", () -> buyer), "bot", exits);
        venue.step();
        venue.step();
        venue.step(); // armed at 0.103, then highest 0.104
        Engine second = journaled(venue);
        StrategyInstance inst = Fixtures.instance(second, Fixtures.type("b", RecordingStrategy::new), "bot", exits);
        assertThat(inst.exitArmed()).isTrue();
        assertThat(inst.exitHighest()).isEqualByComparingTo("0.104");
        second.bindConnector("paper", venue);
        venue.step(); // low 0.1029 <= 0.104 * 0.99 = 0.10296: the restored state triggers the exit
        assertThat(second.orders().orders(OrderQuery.all()).stream().anyMatch(o -> "exit:trailingStop".equals(o.tag())))
                .isTrue();
    }

    @Test
    void aConnectorUpdateKeepsOrdersAndReconcilesBeforeOrdersFlowAgain() {
        TestVenue venue = Fixtures.venue(market());
        try (LiveEngine l = new LiveEngine(venue::time)) {
            DelegatingConnector v1 = new DelegatingConnector(venue);
            l.engine.bindConnector("paper", v1);
            RecordingStrategy s = trader();
            Fixtures.instance(l.engine, Fixtures.type("t", () -> s), "bot", Map.of());
            await("running", () -> l.engine.runner().instance("bot").orElseThrow().state() == StrategyState.RUNNING);
            venue.step();
            await("three orders acknowledged", () -> l.engine.orders().orders(OrderQuery.open()).stream()
                    .filter(o -> o.status() == OrderStatus.NEW).count() == 3);

            l.engine.unbindConnector("paper", v1); // the bundle is updated: old connector gone
            await("paused", () -> l.engine.runner().instance("bot").orElseThrow().state() == StrategyState.PAUSED);
            assertThat(l.engine.runner().instance("bot").orElseThrow().reason()).startsWith("waiting for account 'paper'");
            Order during = l.engine.orders().submit(null, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.07"))
                    .withAccount("paper"));
            venue.step();
            venue.step();
            venue.step();
            venue.step(); // market filled, dip limit fills (low 0.092), nobody listening
            int placedBefore = venue.placeCalls();
            assertThat(venue.status(during.clientOrderId())).as("nothing flows while unbound").isNull();

            DelegatingConnector v2 = new DelegatingConnector(venue);
            l.engine.bindConnector("paper", v2);
            await("running again", () -> l.engine.runner().instance("bot").orElseThrow().state() == StrategyState.RUNNING);
            await("waiting order sent", () -> venue.status(during.clientOrderId()) == OrderStatus.NEW);
            assertThat(venue.placeCalls()).isEqualTo(placedBefore + 1);
            assertThat(l.engine.orders().orders(OrderQuery.ofStrategy("bot", false)))
                    .filteredOn(o -> "dip".equals(o.tag())).singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
            await("position matches", () -> position(l.engine, "bot").quantity().compareTo(venue.total("ETH")) == 0);
            assertThat(l.engine.accounts().account("paper").orElseThrow().reconciled()).isTrue();
        }
    }

    @Test
    void anOrderWaitingForAnAbsentConnectorIsRejectedAfterTheWaitAndNeverSent() {
        TestVenue venue = Fixtures.venue(market());
        try (LiveEngine l = new LiveEngine(venue::time, null, b -> b.sendWaitMillis(300))) {
            l.engine.bindConnector("paper", venue);
            await("reconciled", () -> l.engine.accounts().account("paper").orElseThrow().reconciled());
            l.engine.unbindConnector("paper", venue);
            Order o = l.engine.orders().submit(null, OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.09"))
                    .withAccount("paper"));
            assertThat(o.status()).isEqualTo(OrderStatus.PENDING_NEW);
            await("rejected", () -> l.engine.orders().order(o.clientOrderId()).orElseThrow().status() == OrderStatus.REJECTED);
            assertThat(l.engine.orders().order(o.clientOrderId()).orElseThrow().reason()).isEqualTo("account 'paper'"
                    + " was not connected and reconciled within 300 ms; the order was not sent");
            l.engine.bindConnector("paper", venue);
            await("reconciled again", () -> l.engine.accounts().account("paper").orElseThrow().reconciled());
            assertThat(venue.placeCalls()).isZero();
        }
    }

    @Test
    void aReconnectRefreshesOpenOrdersAndBalancesFromTheVenue() {
        TestVenue venue = Fixtures.venue(market());
        try (LiveEngine l = new LiveEngine(venue::time)) {
            l.engine.bindConnector("paper", venue);
            await("reconciled", () -> l.engine.accounts().account("paper").orElseThrow().reconciled());
            Order o = l.engine.orders().submit(null, OrderRequest.limit(ETH_BTC, Side.BUY, d("2"), d("0.095"))
                    .withAccount("paper"));
            await("acknowledged", () -> l.engine.orders().order(o.clientOrderId()).orElseThrow().status() == OrderStatus.NEW);
            venue.emitStatus(io.cambist.api.exchange.ConnectionStatus.of(
                    io.cambist.api.exchange.ConnectionState.CONNECTING, "socket closed", 1));
            venue.pushExecutions(false); // the stream is down: the fill is not pushed
            venue.step();
            venue.step();
            venue.step();
            assertThat(venue.status(o.clientOrderId())).isEqualTo(OrderStatus.FILLED);
            assertThat(l.engine.orders().order(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);
            venue.pushExecutions(true);
            venue.emitStatus(io.cambist.api.exchange.ConnectionStatus.online(2));
            await("refreshed", () -> l.engine.orders().order(o.clientOrderId()).orElseThrow().status() == OrderStatus.FILLED);
            await("balances", () -> l.engine.portfolio().total("paper", "BTC").compareTo(venue.total("BTC")) == 0);
            assertThat(l.engine.portfolio().position("paper", ETH_BTC).orElseThrow().quantity()).isEqualByComparingTo("2");
        }
    }

    /** A file journal that wants a checkpoint as soon as a fill has been written since the last one. */
    private Journal checkpointAfterFills(java.util.function.Consumer<JournalRecord> replay) {
        FileJournal file = FileJournal.open(dir, Long.MAX_VALUE, replay);
        boolean[] fillSince = {false};
        return new Journal() {
            @Override
            public void append(JournalRecord record, boolean sync) {
                file.append(record, sync);
                fillSince[0] |= record instanceof FillApplied;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public boolean wantsCheckpoint() {
                return fillSince[0];
            }

            @Override
            public void checkpoint(List<JournalRecord> state) {
                file.checkpoint(state);
                fillSince[0] = false;
            }

            @Override
            public void close() {
                file.close();
            }
        };
    }

    @Test
    void checkpointsTakenRightAfterFillsStillReplayEveryFill() {
        TestVenue venue = Fixtures.venue(market());
        Engine first = Engine.builder().clock(venue::time).dispatcher(Dispatcher.inline())
                .journal(this::checkpointAfterFills).build();
        first.bindConnector("paper", venue);
        Fixtures.instance(first, Fixtures.type("t", RecoveryTest::trader), "bot", Map.of());
        while (venue.step()) {
            first.runner().periodicSnapshots();
        }
        List<Order> before = first.orders().orders(OrderQuery.all());
        Position account = first.portfolio().position("paper", ETH_BTC).orElseThrow();
        Position bot = position(first, "bot");
        assertThat(bot.quantity()).isEqualByComparingTo("3");
        Engine second = journaled(venue);
        assertThat(second.orders().orders(OrderQuery.all())).isEqualTo(before);
        for (Position[] p : new Position[][] {{account, second.portfolio().position("paper", ETH_BTC).orElseThrow()},
            {bot, position(second, "bot")}}) {
            assertThat(p[1].quantity()).isEqualByComparingTo(p[0].quantity());
            assertThat(p[1].averageEntryPrice()).isEqualByComparingTo(p[0].averageEntryPrice());
            assertThat(p[1].realizedPnl()).isEqualByComparingTo(p[0].realizedPnl());
            assertThat(p[1].fees()).isEqualByComparingTo(p[0].fees());
        }
    }
}
