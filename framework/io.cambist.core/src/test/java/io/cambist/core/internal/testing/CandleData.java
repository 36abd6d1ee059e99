package io.cambist.core.internal.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/** Candles for tests: real ones from {@code ../shared/data} (skipped when absent) and hand-made ones. */
public final class CandleData {

    private CandleData() {
    }

    /** A candle file of the shared data, or the test is skipped with a message. */
    public static List<Candle> shared(String file, Instrument instrument, Timeframe timeframe) {
        String dir = System.getProperty("cambist.shared.data");
        Path path = dir == null ? null : Path.of(dir, "candles", file);
        assumeTrue(path != null && Files.isRegularFile(path),
                "shared market data not found (" + path + "): skipping the test that replays real candles");
        try {
            return parse(Files.readString(path), instrument, timeframe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code [[time, open, high, low, close, volume], ...]}. */
    public static List<Candle> parse(String json, Instrument instrument, Timeframe timeframe) {
        String body = json.trim();
        body = body.substring(body.indexOf('[') + 1, body.lastIndexOf(']'));
        List<Candle> list = new ArrayList<>();
        int i = 0;
        while ((i = body.indexOf('[', i)) >= 0) {
            int end = body.indexOf(']', i);
            String[] f = body.substring(i + 1, end).split(",");
            long t = new BigDecimal(f[0].trim()).longValueExact();
            list.add(new Candle("file", instrument, timeframe, t, dec(f[1]), dec(f[2]), dec(f[3]), dec(f[4]), dec(f[5])));
            i = end + 1;
        }
        return list;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s.trim());
    }

    /** A candle from numbers, for hand-made markets. */
    public static Candle candle(Instrument i, long openTime, String open, String high, String low, String close) {
        return new Candle("test", i, Timeframe.M1, openTime, new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE);
    }

    /** Flat candles at one price, one minute apart from {@code start}. */
    public static List<Candle> flat(Instrument i, long start, int count, String price) {
        List<Candle> list = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            list.add(candle(i, start + n * 60_000L, price, price, price, price));
        }
        return list;
    }
}
