package io.cambist.exchange.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.paper.internal.market.CandleFeed;
import io.cambist.exchange.paper.internal.market.SyntheticFeed;

/** The live paper account: paced replay on the framework scheduler, and state that survives a restart. */
class PaperAccountTest {

    static final Instrument BTC_USDT = Instrument.of("BTC", "USDT");
    static final long T0 = 1_699_999_980_000L; // a whole minute

    @TempDir
    Path data;

    private final List<PaperAccount> open = new ArrayList<>();

    @AfterEach
    void closeAll() {
        open.forEach(PaperAccount::close);
    }

    private PaperAccount account(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(Map.of("balances", "USDT=10000,BTC=0"));
        c.putAll(config);
        PaperSettings settings = PaperSettings.from(Configs.paper(c), data);
        PaperAccount a = new PaperAccount(settings, data.resolve("paper").resolve(settings.account()), () -> T0);
        open.add(a);
        return a;
    }

    private static RecordingListener connect(PaperAccount a, long now) {
        RecordingListener l = new RecordingListener(now);
        a.connect(l);
        l.scheduler.runDue();
        return l;
    }

    /** The market the default synthetic account replays. */
    private static CandleFeed expectedMarket() {
        return new SyntheticFeed("paper", new MarketSource.Synthetic(BTC_USDT, Timeframe.M1, 42, new BigDecimal("30000"),
                new BigDecimal("0.5"), T0, 0), new BigDecimal("0.01"));
    }

    @Test
    void candlesArePublishedAtTheConfiguredPaceOnTheFrameworkScheduler() {
        PaperAccount a = account(Map.of("speed", "2"));
        assertThat(a.status().state()).isEqualTo(ConnectionState.OFFLINE);
        RecordingListener l = new RecordingListener(T0);
        a.connect(l);
        assertThat(a.status().state()).isEqualTo(ConnectionState.CONNECTING);
        l.scheduler.runDue();
        assertThat(a.status().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(l.candles()).isEmpty();

        l.scheduler.advance(1000);
        assertThat(l.candles()).hasSize(2);
        l.scheduler.advance(400);
        assertThat(l.candles()).hasSize(2);
        l.scheduler.advance(100);
        assertThat(l.candles()).hasSize(3);

        CandleFeed expected = expectedMarket();
        assertThat(l.candles()).containsExactly(expected.next(), expected.next(), expected.next());
        assertThat(l.candles().get(0).openTime()).isEqualTo(T0);

        a.disconnect();
        assertThat(a.status().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(l.scheduler.active()).isZero();
        l.scheduler.advance(5000);
        assertThat(l.candles()).hasSize(3);
    }

    @Test
    void aSpeedFactorPlaysCandlesFasterThanRealTime() {
        PaperAccount a = account(Map.of("speed", "x60"));
        RecordingListener l = connect(a, T0);
        l.scheduler.advance(3000);
        assertThat(l.candles()).hasSize(3);
    }

    @Test
    void afterARestartTheAccountKnowsEveryOrderAndContinuesTheReplayWhereItWas() {
        PaperAccount a = account(Map.of("speed", "2"));
        RecordingListener l = connect(a, T0);
        l.scheduler.advance(1000);
        OrderRequest resting = OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.1"), new BigDecimal("20000"))
                .withClientOrderId(ClientOrderId.of("L1"));
        VenueOrder placed = a.place(resting);
        a.place(OrderRequest.marketQuote(BTC_USDT, Side.BUY, new BigDecimal("1000")).withClientOrderId(ClientOrderId.of("M1")));
        l.scheduler.advance(500);
        List<Fill> fills = a.fills(BTC_USDT, ClientOrderId.of("M1"));
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).price()).isEqualByComparingTo(l.candles().get(2).open());
        var balances = a.balances();
        assertThat(balances).filteredOn(b -> b.currency().equals("USDT")).singleElement()
                .satisfies(b -> assertThat(b.locked()).isEqualByComparingTo("2002")); // 0.1 x 20000 x (1 + 0.001)
        assertThat(a.published()).isEqualTo(3);
        a.close(); // nothing is written at close: this is what a crash leaves behind

        PaperAccount b = account(Map.of("speed", "2"));
        assertThat(b.query(BTC_USDT, ClientOrderId.of("L1"))).contains(placed);
        assertThat(b.openOrders()).containsExactly(placed);
        assertThat(b.fills(BTC_USDT, ClientOrderId.of("M1"))).isEqualTo(fills);
        assertThat(b.query(BTC_USDT, ClientOrderId.of("M1")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(b.balances()).isEqualTo(balances);
        assertThat(b.published()).isEqualTo(3);

        assertThat(b.place(resting)).isEqualTo(placed);
        assertThat(b.openOrders()).hasSize(1);

        RecordingListener l2 = connect(b, T0 + 3_600_000);
        l2.scheduler.advance(500);
        CandleFeed expected = expectedMarket();
        expected.skip(3);
        assertThat(l2.candles()).containsExactly(expected.next());
        VenueOrder next = b.place(OrderRequest.market(BTC_USDT, Side.SELL, new BigDecimal("0.001"))
                .withClientOrderId(ClientOrderId.of("S1")));
        assertThat(next.venueOrderId()).isNotEqualTo(placed.venueOrderId());
        l2.scheduler.advance(500);
        assertThat(b.fills(BTC_USDT, ClientOrderId.of("S1")).get(0).tradeId()).isNotEqualTo(fills.get(0).tradeId());
    }

    @Test
    void theFilesOfARunningAccountAreWhatAKillLeavesAndTheyLoad() throws IOException {
        PaperAccount a = account(Map.of("speed", "4"));
        RecordingListener l = connect(a, T0);
        l.scheduler.advance(1000);
        a.place(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.1"), new BigDecimal("20000"))
                .withClientOrderId(ClientOrderId.of("R1")));
        a.place(OrderRequest.market(BTC_USDT, Side.BUY, new BigDecimal("0.01")).withClientOrderId(ClientOrderId.of("R2")));
        l.scheduler.advance(750);
        // copy the directory while the account is open and running: no close, no flush, exactly what kill -9 leaves
        Path killed = data.resolve("killed");
        Files.createDirectories(killed.resolve("paper"));
        try (var files = Files.list(data.resolve("paper/paper"))) {
            for (Path f : files.toList()) {
                Files.copy(f, killed.resolve("paper").resolve(f.getFileName()));
            }
        }
        PaperSettings settings = PaperSettings.from(Configs.paper(Map.of("speed", "4", "balances", "USDT=10000,BTC=0")), data);
        PaperAccount b = new PaperAccount(settings, killed.resolve("paper"), () -> T0);
        open.add(b);
        assertThat(b.openOrders()).isEqualTo(a.openOrders()).hasSize(1);
        assertThat(b.query(BTC_USDT, ClientOrderId.of("R2"))).isEqualTo(a.query(BTC_USDT, ClientOrderId.of("R2")));
        assertThat(b.fills(BTC_USDT, ClientOrderId.of("R2"))).isEqualTo(a.fills(BTC_USDT, ClientOrderId.of("R2")))
                .hasSize(1);
        assertThat(b.balances()).isEqualTo(a.balances());
        assertThat(b.published()).isEqualTo(a.published()).isEqualTo(7);
    }

    @Test
    void anOrderIsJournaledBeforeThePlaceCallReturns() throws IOException {
        PaperAccount a = account(Map.of());
        a.place(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.1"), new BigDecimal("20000"))
                .withClientOrderId(ClientOrderId.of("J1")));
        assertThat(Files.readString(data.resolve("paper/paper/journal.log"))).contains("|J1|");
    }

    @Test
    void aTornJournalTailFromACrashIsSkippedAndTheAccountLoads() throws IOException {
        PaperAccount a = account(Map.of());
        a.place(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.1"), new BigDecimal("20000"))
                .withClientOrderId(ClientOrderId.of("T1")));
        a.close();
        Files.writeString(data.resolve("paper/paper/journal.log"), "7 00000000 O|1|T2|x|BUY|LIM",
                StandardOpenOption.APPEND);

        PaperAccount b = account(Map.of());
        assertThat(b.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("T1");
        assertThat(b.query(BTC_USDT, ClientOrderId.of("T2"))).isEmpty();
    }

    @Test
    void aFinishedCandleFileLeavesTheAccountDegradedWithTheReason() throws IOException {
        Path file = data.resolve("three.csv");
        Files.writeString(file, "time,open,high,low,close,volume\n0,1,1,1,1,1\n60000,1,1,1,1,1\n120000,1,1,1,1,1\n");
        PaperAccount a = account(Map.of("source", "file", "file", "three.csv", "speed", "10"));
        RecordingListener l = connect(a, T0);
        l.scheduler.advance(1000);
        assertThat(l.candles()).hasSize(3);
        assertThat(a.status().state()).isEqualTo(ConnectionState.DEGRADED);
        assertThat(a.status().reason()).isEqualTo("candle file replay finished after 3 candles: no more market data");
        assertThat(l.scheduler.active()).isZero();
    }

    @Test
    void aBadCandleFileKeepsTheAccountOfflineWithTheFileAndLine() throws IOException {
        Path file = data.resolve("bad.csv");
        Files.writeString(file, "time,open,high,low,close,volume\n0,1,1,1,1,1\n60000,1,1,oops,1,1\n");
        PaperAccount a = account(Map.of("source", "file", "file", file.toString()));
        connect(a, T0);
        assertThat(a.status().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(a.status().reason()).contains("bad.csv line 3: low 'oops' is not a number");
        assertThatThrownBy(a::openOrders).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void anAccountReconfiguredForAnotherInstrumentIsRefused() {
        account(Map.of()).balances();
        open.get(0).close();
        PaperAccount b = account(Map.of("instrument", "ETH/USDT"));
        assertThatThrownBy(b::balances).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("was created for BTC/USDT but is now configured for ETH/USDT");
    }

    @Test
    void aChangedMarketSourceRestartsTheReplayButKeepsOrders() {
        PaperAccount a = account(Map.of("speed", "2"));
        RecordingListener l = connect(a, T0);
        l.scheduler.advance(2000);
        a.place(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.1"), new BigDecimal("20000"))
                .withClientOrderId(ClientOrderId.of("K1")));
        a.close();
        PaperAccount b = account(Map.of("speed", "2", "seed", 7L));
        assertThat(b.published()).isZero();
        assertThat(b.openOrders()).hasSize(1);
    }

    @Test
    void twoConnectorsCannotShareAnAccount() {
        account(Map.of()).balances();
        PaperAccount twin = account(Map.of());
        assertThatThrownBy(twin::balances).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("in use by another connector");
    }

    @Test
    void capabilitiesAreDeclaredHonestly() {
        PaperAccount a = account(Map.of());
        assertThat(a.capabilities()).contains(Capability.MARKET_ORDER_BY_QUOTE,
                Capability.STOP_ORDER, Capability.CANDLE_STREAM)
                .doesNotContain(Capability.ORDER_BOOK_STREAM,
                        Capability.TRADE_STREAM);
        assertThat(a.venue()).isEqualTo("paper");
        assertThat(a.account()).isEqualTo("paper");
    }
}
