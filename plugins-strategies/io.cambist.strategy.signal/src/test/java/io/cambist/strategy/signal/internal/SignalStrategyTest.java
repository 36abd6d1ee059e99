package io.cambist.strategy.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.testkit.strategy.ExitOracle;
import io.cambist.testkit.strategy.ReplayResult;
import io.cambist.testkit.strategy.ReplayResult.Submission;
import io.cambist.testkit.strategy.StrategyReplay;

/** The signal bot backtested on real ETH/BTC candles from a file of timed signals ({@code --signals FILE}). */
class SignalStrategyTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final long START = 1515560100000L;
    static final long FIVE_MINUTES = 300_000L;

    static StrategyReplay bot() {
        return StrategyReplay.of("signal", SignalStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC)
                .parameter("defaultQuote", "0.1").balance("BTC", "1").fee("0.001");
    }

    /** The close time of candle {@code i}, plus a minute: the signal is delivered after candle {@code i + 1} closes. */
    static long during(int i) {
        return START + (i + 1) * FIVE_MINUTES + 60_000;
    }

    @Test
    void aSignalFileDrivesBuysSellsLimitsAndACloseAtTheCandlesTheyArriveAfter(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("signals.json"), """
                [
                  {"id": "b1", "time": %d, "action": "buy", "instrument": "ETH/BTC", "sizeQuote": "0.2"},
                  {"id": "b2", "time": "%s", "action": "buy", "instrument": "ETH/BTC"},
                  {"id": "s1", "time": %d, "action": "sell", "instrument": "ETH/BTC", "size": 5},
                  {"id": "l1", "time": %d, "action": "buy", "instrument": "ETH/BTC", "size": 0.5, "price": 0.05},
                  {"id": "c1", "time": %d, "action": "close", "instrument": "ETH/BTC"}
                ]
                """.formatted(during(10), java.time.Instant.ofEpochMilli(during(20)), during(30), during(40), during(50)));
        ReplayResult r = bot().signalFile(file).run();
        assertThat(r.report().failure()).isNull();
        assertThat(r.signals()).extracting(s -> s.id()).containsExactly("b1", "b2", "s1", "l1", "c1");
        List<Submission> subs = r.submissions();
        // the close finds nothing to sell, so it places no order
        assertThat(subs).extracting(s -> s.request().tag()).containsExactly("signal:b1", "signal:b2", "signal:s1",
                "signal:l1");
        assertThat(subs).extracting(Submission::candle).containsExactly(11, 21, 31, 41);
        assertThat(subs.get(0).request().quoteQuantity()).isEqualByComparingTo("0.2");
        assertThat(subs.get(1).request().quoteQuantity()).as("defaultQuote").isEqualByComparingTo("0.1");
        List<BacktestTrade> trades = r.report().trades();
        List<Candle> c = r.candles();
        assertThat(trades.get(0).time()).isEqualTo(c.get(12).openTime());
        assertThat(trades.get(0).price()).isEqualByComparingTo(c.get(12).open());
        BigDecimal held = trades.get(0).quantity().add(trades.get(1).quantity());
        // the sell asked for 5 ETH; the bot held less, so it sold what it had
        assertThat(subs.get(2).request().quantity()).isEqualByComparingTo(held);
        assertThat(subs.get(3).request().type()).isEqualTo(OrderType.LIMIT);
        assertThat(subs.get(3).request().limitPrice()).isEqualByComparingTo("0.05");
        // the close cancelled the resting limit (far below the market) and had nothing to sell
        Order limit = r.ordersTagged("signal:l1").get(0);
        assertThat(limit.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(r.ordersTagged("signal:c1")).isEmpty();
        assertThat(r.actions()).filteredOn(a -> a.what().equals("cancel")).singleElement()
                .satisfies(a -> assertThat(a.detail()).isEqualTo(limit.clientOrderId().value()));
        assertThat(trades).hasSize(3);
        assertThat(r.report().finalBalances().get("ETH")).isEqualByComparingTo("0");
    }

    @Test
    void buysAreCappedByTheFreeQuoteBalance() {
        ReplayResult r = bot().signals(List.of(
                new io.cambist.api.strategy.Signal("big", during(5), io.cambist.api.strategy.SignalAction.BUY, ETH_BTC, null,
                        new BigDecimal("5"), null, null, "file"),
                new io.cambist.api.strategy.Signal("more", during(8), io.cambist.api.strategy.SignalAction.BUY, ETH_BTC,
                        new BigDecimal("100"), null, null, null, "file"))).run();
        assertThat(r.submissions().get(0).request().quoteQuantity()).as("all of the 1 BTC, not 5").isEqualByComparingTo("1");
        assertThat(r.report().trades()).hasSize(1);
        assertThat(r.report().finalBalances().get("BTC")).isEqualByComparingTo("0");
        // nothing left to buy with: the second signal places no order
        assertThat(r.submissions()).hasSize(1);
    }

    @Test
    void theEnginesExitsApplyToSignalTrades() {
        ReplayResult r = bot().parameter(ExitRules.STOP_LOSS, "3").signals(List.of(new io.cambist.api.strategy.Signal("b",
                during(0), io.cambist.api.strategy.SignalAction.BUY, ETH_BTC, null, new BigDecimal("0.5"), null, null,
                "file"))).run();
        ExitOracle.Exit exit = ExitOracle.first(r, new ExitRules(null, new BigDecimal("3"), null, null, null)).orElseThrow();
        assertThat(exit.kind()).isEqualTo("stopLoss");
        BacktestTrade sold = r.report().trades().stream().filter(t -> "exit:stopLoss".equals(t.tag())).findFirst()
                .orElseThrow();
        assertThat(sold.side()).isEqualTo(Side.SELL);
        assertThat(sold.time()).isEqualTo(r.candles().get(exit.candle() + 1).openTime());
        assertThat(r.report().finalBalances().get("ETH")).isEqualByComparingTo("0");
    }

    @Test
    void misconfiguredBotsFailWithAMessageThatSaysWhatToFix() {
        // a backtest takes its alerts from a file: no webhook key is needed
        assertThat(StrategyReplay.of("signal", SignalStrategy::new).sharedCandles("ETH_BTC-5m.json", ETH_BTC).run()
                .report().failure()).isNull();
        assertThatThrownBy(() -> bot().parameter("allowFrom", "example.com").run())
                .hasMessageContaining("allowFrom entry 'example.com' is not an IP address");
        assertThatThrownBy(() -> bot().parameter("auth", "token").run())
                .hasMessageContaining("parameter 'auth' must be one of secret, signature, both");
        assertThatThrownBy(() -> bot().parameter("window", "0").run()).hasMessageContaining("window 0 must be between 1");
    }
}
