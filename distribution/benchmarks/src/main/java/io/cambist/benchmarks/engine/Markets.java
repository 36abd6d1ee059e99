package io.cambist.benchmarks.engine;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import io.cambist.exchange.paper.internal.market.CandleFileReader;
import io.cambist.exchange.paper.internal.market.SyntheticFeed;

/**
 * The markets the engine benchmarks replay: the real candles of {@code ../shared/data} cycled to any length with
 * rising times, and the paper venue's own synthetic market.
 */
public final class Markets {

    /** The system property naming the shared data directory (surefire sets it; the default suits the project root). */
    public static final String SHARED_DATA = "cambist.shared.data";
    /** The account the benchmark venues report. */
    public static final String ACCOUNT = "backtest";
    public static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    public static final Instrument BTC_USDT = Instrument.of("BTC", "USDT");

    private Markets() {
    }

    /** The shared data directory, or {@code null} when it is absent. */
    public static Path sharedData() {
        Path dir = Path.of(System.getProperty(SHARED_DATA, "../shared/data"));
        return Files.isDirectory(dir.resolve("candles")) ? dir : null;
    }

    /**
     * Reads a candle file of the shared data, e.g. {@code ETH_BTC-5m.json}, attributed to {@link #ACCOUNT}.
     *
     * @throws IllegalStateException when the shared data is absent, saying where it was looked for
     */
    public static List<Candle> shared(String file, Instrument instrument) {
        Path dir = sharedData();
        if (dir == null) {
            throw new IllegalStateException("the shared candles are not in " + Path.of(System.getProperty(SHARED_DATA,
                    "../shared/data")).toAbsolutePath() + ": run from the project root or pass -D" + SHARED_DATA
                    + "=<dir>");
        }
        return CandleFileReader.read(dir.resolve("candles").resolve(file), ACCOUNT, instrument, null).candles();
    }

    /**
     * Repeats {@code candles} until there are {@code count}, shifting every repetition's times past the previous one
     * (one candle width apart), so the times keep rising. Prices, volumes and the candle objects' decimals are shared
     * with the original: only the times differ.
     */
    public static List<Candle> cycle(List<Candle> candles, int count) {
        if (candles.isEmpty()) {
            throw new IllegalArgumentException("nothing to cycle");
        }
        Candle first = candles.get(0);
        Candle last = candles.get(candles.size() - 1);
        long width = first.timeframe().millis();
        long span = last.openTime() - first.openTime() + width;
        List<Candle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Candle c = candles.get(i % candles.size());
            long shift = (long) (i / candles.size()) * span;
            out.add(shift == 0 ? c : new Candle(c.source(), c.instrument(), c.timeframe(), c.openTime() + shift,
                    c.open(), c.high(), c.low(), c.close(), c.volume()));
        }
        return out;
    }

    /** The product's default synthetic market (1-minute BTC/USDT from 30000, 0.5 % volatility, seed 42). */
    public static MarketSource.Synthetic synthetic(long count) {
        return new MarketSource.Synthetic(BTC_USDT, Timeframe.M1, 42, new BigDecimal("30000"), new BigDecimal("0.5"),
                1_700_000_000_000L, count);
    }

    /** The synthetic market's candles generated ahead, to replay without the generator's cost. */
    public static List<Candle> syntheticCandles(int count) {
        MarketSource.Synthetic spec = synthetic(count);
        SyntheticFeed feed = new SyntheticFeed(ACCOUNT, spec, SyntheticFeed.defaultTick(spec.startPrice()));
        List<Candle> out = new ArrayList<>(count);
        for (Candle c = feed.next(); c != null; c = feed.next()) {
            out.add(c);
        }
        return out;
    }
}
