package io.cambist.strategy.smacross.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/** Test candles: built by hand, or read from {@code ../shared/data/candles} (skipped with a message when absent). */
final class Candles {

    private static final Pattern ROW = Pattern.compile("\\[\\s*(\\d+)\\s*,\\s*([^,\\]]+),\\s*([^,\\]]+),\\s*([^,\\]]+),"
            + "\\s*([^,\\]]+),\\s*([^,\\]]+)\\]");

    private Candles() {
    }

    /** Candles with the given closes (open = high = low = close), one minute apart. */
    static List<Candle> ofCloses(Instrument instrument, String... closes) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            BigDecimal c = new BigDecimal(closes[i]);
            out.add(new Candle("paper", instrument, Timeframe.M1, i * 60_000L, c, c, c, c, BigDecimal.ONE));
        }
        return out;
    }

    /** A shared candle file, e.g. {@code ETH_BTC-5m.json}. */
    static List<Candle> shared(String name, Instrument instrument, Timeframe timeframe) throws IOException {
        String data = System.getProperty("cambist.shared.data");
        Path file = data == null ? null : Path.of(data, "candles", name);
        assumeTrue(file != null && Files.exists(file), "shared market data not found (cambist.shared.data=" + data
                + "): skipping the real-candle test");
        Matcher m = ROW.matcher(Files.readString(file));
        List<Candle> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Candle("paper", instrument, timeframe, Long.parseLong(m.group(1)), new BigDecimal(m.group(2).strip()),
                    new BigDecimal(m.group(3).strip()), new BigDecimal(m.group(4).strip()),
                    new BigDecimal(m.group(5).strip()), new BigDecimal(m.group(6).strip())));
        }
        return out;
    }
}
