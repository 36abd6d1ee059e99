package io.cambist.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cambist backtest} end to end, in-process, on a distribution-shaped bundle set ({@code target/test-home}:
 * logging, OSGi services, API, core, admin, paper exchange and the four strategy bundles).
 */
class BacktestCommandTest {

    static final Path HOME = Path.of(System.getProperty("cambist.test.home", "target/test-home")).toAbsolutePath();
    static final BigDecimal FEE = new BigDecimal("0.001");

    @TempDir
    Path dir;

    @BeforeEach
    void home() {
        System.setProperty("cambist.home", HOME.toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("cambist.home");
    }

    /** A candle file of {@code ../shared/data}; the test is skipped without it. */
    static Path shared(String name) {
        String data = System.getProperty("cambist.shared.data");
        Path file = data == null ? null : Path.of(data, "candles", name);
        assumeTrue(file != null && Files.isRegularFile(file), "../shared/data/candles/" + name + " is not available;"
                + " skipping the real-candle backtest");
        return file;
    }

    private CommandRunner backtest(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "backtest";
        System.arraycopy(args, 0, all, 1, args.length);
        return CommandRunner.run(all);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void smaCrossOnRealCandlesWritesBothReportsWithTheOracleNumbersAndTheSameBytesTwice() throws IOException {
        Path candles = shared("ETH_BTC-5m.json");
        String[] args = { "--strategy", "smacross", "--candles", candles.toString(), "--instrument", "ETH/BTC",
            "--set", "fast=10", "--set", "slow=30", "--balance", "BTC=1", "--fee", "0.001", "--out", null };
        args[args.length - 1] = dir.resolve("a").toString();
        CommandRunner first = backtest(args);
        assertThat(first.exitCode).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();

        String json = read(dir.resolve("a/report.json"));
        assertThat(json).contains("\"strategyType\": \"smacross\"", "\"instrument\": \"ETH/BTC\"", "\"candles\": 5760,",
                "\"startingBalances\": {\"BTC\": 1", "\"parameters\": {\"fast\": \"10\", \"slow\": \"30\"}",
                "\"totalReturn\": ", "\"maxDrawdown\": ", "\"sharpeRatio\": ", "\"winRate\": ", "\"tradeCount\": 276,",
                "\"roundTrips\": 138,", "\"fees\": ", "\"failure\": null");

        // the SMA cross rules and the paper venue's fill model, computed here from the candles
        Oracle oracle = Oracle.smaCross(Candle.read(candles), 10, 30, FEE);
        List<Trade> trades = Trade.of(json);
        assertThat(trades).hasSize(276).hasSameSizeAs(oracle.trades);
        for (int i = 0; i < trades.size(); i++) {
            Trade got = trades.get(i);
            Trade want = oracle.trades.get(i);
            assertThat(got.time()).as("trade %d time", i).isEqualTo(want.time());
            assertThat(got.side()).as("trade %d side", i).isEqualTo(want.side());
            assertThat(got.price()).as("trade %d price", i).isEqualByComparingTo(want.price());
            assertThat(got.quantity()).as("trade %d quantity", i).isEqualByComparingTo(want.quantity());
        }
        BigDecimal finalEquity = number(json, "finalEquity");
        assertThat(finalEquity).isEqualByComparingTo(oracle.equity);
        assertThat(finalEquity.setScale(8, RoundingMode.HALF_EVEN)).isEqualByComparingTo("0.74903206");

        assertThat(first.out()).contains("backtest smacross on ETH/BTC: 5760 candles from 2018-01-10T04:55:00Z",
                "final equity   0.74903206 BTC (started with 1 BTC: 1 BTC)", "return         -25.10 %",
                "trades         276 (138 round trips", "max drawdown   ",
                "reports        " + dir.resolve("a/report.json"));
        String html = read(dir.resolve("a/report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("smacross").doesNotContain("src=\"http");
        assertThat(dir.resolve("a/backtest.log")).content().contains("Cambist core started (backtest mode");

        args[args.length - 1] = dir.resolve("b").toString();
        CommandRunner second = backtest(args);
        assertThat(second.exitCode).isZero();
        assertThat(Files.mismatch(dir.resolve("a/report.json"), dir.resolve("b/report.json"))).isEqualTo(-1L);
    }

    @Test
    void gridDcaAndSignalBotsBacktestOnRealCandles() throws IOException {
        Path candles = shared("ETH_BTC-5m.json");
        CommandRunner grid = backtest("--strategy", "grid", "--candles", candles.toString(), "--instrument", "ETH/BTC",
                "--set", "lower=0.085", "--set", "upper=0.1", "--set", "levels=16", "--set", "orderSize=0.5",
                "--balance", "BTC=2", "--fee", "0.001", "--out", dir.resolve("grid").toString(), "--quiet");
        assertThat(grid.exitCode).as(grid.err()).isZero();
        String gridJson = read(dir.resolve("grid/report.json"));
        assertThat(gridJson).contains("\"tradeCount\": 550,");
        assertThat(number(gridJson, "totalReturn")).isBetween(new BigDecimal("0.058"), new BigDecimal("0.06"));
        for (Trade t : Trade.of(gridJson)) {
            if (!"grid:init".equals(t.tag())) {
                assertThat(t.price()).isBetween(new BigDecimal("0.085"), new BigDecimal("0.1"));
            }
        }

        CommandRunner dca = backtest("--strategy", "dca", "--candles", candles.toString(), "--instrument", "ETH/BTC",
                "--set", "mode=safety", "--set", "baseOrderQuote=0.05", "--set", "safetyOrderQuote=0.05",
                "--set", "maxSafetyOrders=5", "--set", "priceDeviation=1", "--set", "stepScale=1.5",
                "--set", "volumeScale=1.5", "--set", "takeProfit=1.5", "--balance", "BTC=1", "--fee", "0.001",
                "--out", dir.resolve("dca").toString());
        assertThat(dca.exitCode).as(dca.err()).isZero();
        String dcaJson = read(dir.resolve("dca/report.json"));
        assertThat(dcaJson).contains("\"strategyType\": \"dca\"", "\"tradeCount\": 177,");

        // a signal timed t reaches the bot after the first candle closing at or after t: a market order fills at the
        // next candle's open
        Path signals = Files.writeString(dir.resolve("signals.json"), """
                [
                  {"id": "s1", "time": "2018-01-10T06:00:00Z", "action": "buy", "instrument": "ETH/BTC", "sizeQuote": 0.2},
                  {"id": "s2", "time": 1515570000000, "action": "sell", "instrument": "ETH/BTC", "size": 1},
                  {"id": "s3", "time": 1515600000000, "action": "close", "instrument": "ETH/BTC"}
                ]
                """);
        CommandRunner signal = backtest("--strategy", "signal", "--candles", candles.toString(), "--instrument",
                "ETH/BTC", "--signals", signals.toString(), "--balance", "BTC=1", "--fee", "0.001",
                "--out", dir.resolve("signal").toString());
        assertThat(signal.exitCode).as(signal.err()).isZero();
        List<Trade> trades = Trade.of(read(dir.resolve("signal/report.json")));
        assertThat(trades).extracting(Trade::side).containsExactly("BUY", "SELL", "SELL");
        // 06:00 is the close of the candle opened 05:55 (its close time), so the buy fills at the 06:00 candle's open
        assertThat(trades.get(0).time()).isEqualTo(1515564000000L);
        assertThat(trades.get(0).price().multiply(trades.get(0).quantity()).add(trades.get(0).fee()))
                .isEqualByComparingTo("0.2");
        assertThat(trades.get(1).quantity()).isEqualByComparingTo("1");
        assertThat(trades.get(2).quantity()).isEqualByComparingTo(trades.get(0).quantity().subtract(BigDecimal.ONE));
        assertThat(signal.out()).contains("backtest signal on ETH/BTC", "trades         3 (1 round trips");
    }

    @Test
    void anUnknownStrategyListsTheInstalledTypes() throws IOException {
        Path candles = Candle.writeFlat(dir.resolve("flat.json"), 50);
        CommandRunner r = backtest("--strategy", "nope", "--candles", candles.toString(), "--instrument", "ETH/BTC",
                "--out", dir.resolve("out").toString());
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("cambist: unknown strategy 'nope'; installed: dca, grid, signal, smacross");
        assertThat(dir.resolve("out/report.json")).doesNotExist();
    }

    @Test
    void parametersTheBotRefusesAreOneLine() throws IOException {
        Path candles = Candle.writeFlat(dir.resolve("flat.json"), 50);
        CommandRunner r = backtest("--strategy", "grid", "--candles", candles.toString(), "--instrument", "ETH/BTC",
                "--set", "lower=0.1", "--set", "upper=0.085", "--out", dir.resolve("out").toString());
        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("cambist: grid: upper bound 0.085 must be above lower bound 0.1");
    }

    @Test
    void badInputIsOneLineAndNothingStarts() throws IOException {
        Path candles = Candle.writeFlat(dir.resolve("flat.json"), 5);
        String c = candles.toString();
        String out = dir.resolve("out").toString();
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETHBTC", "--out", out),
                "cambist: instrument 'ETHBTC' is not of the form BASE/QUOTE, e.g. BTC/USDT (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETH/BTC", "--set", "fast"),
                "cambist: --set 'fast' is not KEY=VALUE, e.g. --set fast=10 (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETH/BTC", "--set", "instrument=X/Y"),
                "cambist: --set instrument is set by the backtest itself; use --instrument (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETH/BTC", "--balance", "BTC"),
                "cambist: --balance 'BTC' is not CURRENCY=AMOUNT, e.g. --balance BTC=1 (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETH/BTC", "--balance", "BTC=lots"),
                "cambist: --balance 'BTC=lots' is not CURRENCY=AMOUNT, e.g. --balance BTC=1 (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETH/BTC", "--balance", "XRP=1"),
                "cambist: --balance XRP is neither ETH nor BTC, the currencies of ETH/BTC (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETH/BTC", "--balance", "BTC=-1"),
                "cambist: --balance BTC=-1: the amount must be 0 or more (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--candles", c, "--instrument", "ETH/BTC", "--fee", "1.5"),
                "cambist: --fee 1.5 is not a fee rate from 0 to below 1 (0.001 is 0.1 %) (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "signal", "--candles", c, "--instrument", "ETH/BTC"),
                "cambist: the signal bot backtests from a file of timed signals: add --signals FILE"
                        + " (see 'cambist backtest --help')");
        assertUsage(backtest("--strategy", "smacross", "--instrument", "ETH/BTC"),
                "cambist: Missing required option: '--candles=FILE' (see 'cambist backtest --help')");

        CommandRunner missing = backtest("--strategy", "smacross", "--candles", dir.resolve("nope.json").toString(),
                "--instrument", "ETH/BTC", "--out", out);
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.errLines()).containsExactly("cambist: candle file " + dir.resolve("nope.json") + " does not exist");

        Path badSignals = Files.writeString(dir.resolve("signals.json"), "[{\"id\": \"a\", \"time\": 1, \"action\": \"hold\","
                + " \"instrument\": \"ETH/BTC\"}]");
        CommandRunner signals = backtest("--strategy", "signal", "--candles", c, "--instrument", "ETH/BTC",
                "--signals", badSignals.toString(), "--out", out);
        assertThat(signals.exitCode).isEqualTo(1);
        assertThat(signals.errLines()).singleElement().asString().startsWith("cambist: signal file " + badSignals
                + ": element 1: ");
        assertThat(dir.resolve("out/report.json")).doesNotExist();
    }

    private static void assertUsage(CommandRunner r, String line) {
        assertThat(r.exitCode).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(line);
        assertThat(r.out()).isEmpty();
    }

    private static BigDecimal number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": (-?[0-9.]+)").matcher(json);
        assertThat(m.find()).as(field).isTrue();
        return new BigDecimal(m.group(1));
    }

    /** One element of {@code trades} in report.json. */
    record Trade(long time, String side, BigDecimal price, BigDecimal quantity, BigDecimal fee, String tag) {

        private static final Pattern TRADE = Pattern.compile("\\{\"time\": (\\d+), \"side\": \"(BUY|SELL)\", \"price\": "
                + "([0-9.]+), \"quantity\": ([0-9.]+), \"fee\": ([0-9.]+), \"tag\": (null|\"[^\"]*\")}");

        static List<Trade> of(String json) {
            String section = json.substring(json.indexOf("\"trades\": ["), json.indexOf("\"equityCurve\""));
            List<Trade> trades = new ArrayList<>();
            Matcher m = TRADE.matcher(section);
            while (m.find()) {
                trades.add(new Trade(Long.parseLong(m.group(1)), m.group(2), new BigDecimal(m.group(3)),
                        new BigDecimal(m.group(4)), new BigDecimal(m.group(5)),
                        m.group(6).equals("null") ? null : m.group(6).substring(1, m.group(6).length() - 1)));
            }
            return trades;
        }
    }

    /** A candle of a JSON candle file. */
    record Candle(long openTime, BigDecimal open, BigDecimal close) {

        private static final Pattern ROW = Pattern.compile("\\[\\s*(\\d+),\\s*([^,\\]]+),\\s*([^,\\]]+),\\s*([^,\\]]+),"
                + "\\s*([^,\\]]+),\\s*([^,\\]]+)\\]");

        static List<Candle> read(Path file) throws IOException {
            List<Candle> candles = new ArrayList<>();
            Matcher m = ROW.matcher(Files.readString(file));
            while (m.find()) {
                candles.add(new Candle(Long.parseLong(m.group(1)), new BigDecimal(m.group(2).trim()),
                        new BigDecimal(m.group(5).trim())));
            }
            return candles;
        }

        /** {@code count} 5-minute candles at 0.09. */
        static Path writeFlat(Path file, int count) throws IOException {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                b.append(i == 0 ? "" : ",").append('[').append(1_700_000_000_000L + i * 300_000L)
                        .append(", 0.09, 0.091, 0.089, 0.09, 10]");
            }
            return Files.writeString(file, b.append(']').toString());
        }
    }

    /** The SMA cross rules (plugins-strategies/io.cambist.strategy.smacross/README.md) and the paper fill model. */
    record Oracle(List<Trade> trades, BigDecimal equity) {

        static Oracle smaCross(List<Candle> candles, int fast, int slow, BigDecimal fee) {
            List<Trade> trades = new ArrayList<>();
            BigDecimal quote = BigDecimal.ONE;
            BigDecimal base = BigDecimal.ZERO;
            String pending = null;
            Integer previous = null;
            for (int i = 0; i < candles.size(); i++) {
                Candle c = candles.get(i);
                if ("BUY".equals(pending)) {
                    // a market buy spending the whole quote balance, fee included; quantity rounded down (18 places)
                    BigDecimal qty = quote.divide(c.open().multiply(BigDecimal.ONE.add(fee)), 18, RoundingMode.DOWN)
                            .stripTrailingZeros();
                    trades.add(new Trade(c.openTime(), "BUY", c.open(), qty, quote.subtract(qty.multiply(c.open())), null));
                    quote = BigDecimal.ZERO;
                    base = qty;
                } else if ("SELL".equals(pending)) {
                    BigDecimal proceeds = base.multiply(c.open());
                    BigDecimal f = proceeds.multiply(fee);
                    trades.add(new Trade(c.openTime(), "SELL", c.open(), base, f, null));
                    quote = quote.add(proceeds).subtract(f);
                    base = BigDecimal.ZERO;
                }
                pending = null;
                if (i + 1 >= slow) {
                    BigDecimal f = BigDecimal.ZERO;
                    BigDecimal s = BigDecimal.ZERO;
                    for (int k = i - slow + 1; k <= i; k++) {
                        s = s.add(candles.get(k).close());
                        if (k > i - fast) {
                            f = f.add(candles.get(k).close());
                        }
                    }
                    // fast(i) vs slow(i) without dividing: sumFast × slow vs sumSlow × fast
                    int cmp = f.multiply(BigDecimal.valueOf(slow)).compareTo(s.multiply(BigDecimal.valueOf(fast)));
                    if (previous != null) {
                        if (base.signum() == 0 && previous <= 0 && cmp > 0) {
                            pending = "BUY";
                        } else if (base.signum() > 0 && previous >= 0 && cmp < 0) {
                            pending = "SELL";
                        }
                    }
                    previous = cmp;
                }
            }
            Candle last = candles.get(candles.size() - 1);
            return new Oracle(trades, quote.add(base.multiply(last.close())));
        }
    }
}
