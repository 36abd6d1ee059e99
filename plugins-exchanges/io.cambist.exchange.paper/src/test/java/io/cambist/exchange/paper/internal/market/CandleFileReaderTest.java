package io.cambist.exchange.paper.internal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/** Candle files: both formats, gzip, timeframe inference, and errors that name the file and the line. */
class CandleFileReaderTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");

    @TempDir
    Path dir;

    private CandleSeries parse(String text) {
        return CandleFileReader.parse("t.json", text, "paper", ETH_BTC, null);
    }

    @Test
    void readsJsonArraysAndInfersTheTimeframe() {
        CandleSeries s = parse("[[1515560100000, 0.0984, 0.0994766, 0.09828605, 0.0994766, 1820.54447418],\n"
                + " [1515560400000, \"0.09946999\", 0.0997238, 0.099, 0.09969, 2527.9], [1515560700000, 8.848e-02, 0.09,"
                + " 0.088, 0.089, 0]]");
        assertThat(s.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(s.tickSize()).isEqualByComparingTo("0.00000001");
        assertThat(s.candles()).hasSize(3);
        Candle first = s.candles().get(0);
        assertThat(first.source()).isEqualTo("paper");
        assertThat(first.instrument()).isEqualTo(ETH_BTC);
        assertThat(first.openTime()).isEqualTo(1515560100000L);
        assertThat(first.time()).isEqualTo(1515560400000L);
        assertThat(first.low()).isEqualByComparingTo("0.09828605");
        assertThat(s.candles().get(1).open()).isEqualByComparingTo("0.09946999");
        assertThat(s.candles().get(2).open()).isEqualByComparingTo("0.08848");
    }

    @Test
    void readsCsvWithEpochOrIsoTimesAndGzip() throws IOException {
        String csv = "time,open,high,low,close,volume\n"
                + "1515560100000,100,101,99,100.5,12\n"
                + "\n"
                + "2018-01-10T05:00:00Z,100.5,102,100,101.25,3.5\r\n";
        Path file = dir.resolve("c.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        CandleSeries s = CandleFileReader.read(file, "paper", Instrument.of("BTC", "USDT"), null);
        assertThat(s.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(s.candles()).extracting(Candle::openTime).containsExactly(1515560100000L, 1515560400000L);
        assertThat(s.candles().get(1).close()).isEqualByComparingTo("101.25");
        assertThat(s.tickSize()).isEqualByComparingTo("0.01");
    }

    @Test
    void jsonErrorsNameTheFileTheLineAndTheProblem() {
        assertThatThrownBy(() -> parse("[[1, 1, 1, 1, 1, 1],\n[2, 1, 1, 1, 1, 1],\n[3, 1, 1, x, 1, 1]]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("candle file t.json line 3: expected a number for the low of candle 3, found 'x, 1, 1]]'");
        assertThatThrownBy(() -> parse("[[60000, 1, 1, 1, 1, 1],\n[120000, 1, 2, 1, 1]]"))
                .hasMessage("candle file t.json line 2: candle 2 has 5 values; expected 6: [open_time_ms, open, high, low, "
                        + "close, volume]");
        assertThatThrownBy(() -> parse("[[60000, 1, 1, 1, 1, 1],\n\n[120000, 2, 1.5, 1, 2, 1]]"))
                .hasMessage("candle file t.json line 3: candle 2 has high 1.5 below its open, close or low");
        assertThatThrownBy(() -> parse("[[120000, 1, 1, 1, 1, 1],\n[60000, 1, 1, 1, 1, 1]]"))
                .hasMessageStartingWith("candle file t.json line 2: candle 2 opens at 60000, not after the previous candle");
        assertThatThrownBy(() -> parse("[[60000, 1, 1, 1, 1, 1],\n[120000, 1, 1, 1, 1, 1]"))
                .hasMessage("candle file t.json line 2: expected ',' or ']' after candle 2, found the end of the file");
        assertThatThrownBy(() -> parse("[[60000, 1, 1, 1, 1, 1], [67000, 1, 1, 1, 1, 1]]"))
                .hasMessage("candle file t.json line 1: candles are 7000 ms apart, which is no standard timeframe: set the "
                        + "timeframe (e.g. 5m)");
        assertThatThrownBy(() -> parse("[]")).hasMessage("candle file t.json holds no candles");
    }

    @Test
    void csvErrorsNameTheLine() {
        assertThatThrownBy(() -> CandleFileReader.parse("c.csv", "time,open,high,low,close,volume\n1,1,1,1,1,1\n2,1,1,1\n",
                "paper", ETH_BTC, Timeframe.S1))
                .hasMessage("candle file c.csv line 3: expected 6 fields (time,open,high,low,close,volume), found 4: "
                        + "'2,1,1,1'");
        assertThatThrownBy(() -> CandleFileReader.parse("c.csv", "time,open,high,low,close,volume\n1,1,1,1,abc,1\n",
                "paper", ETH_BTC, Timeframe.S1)).hasMessage("candle file c.csv line 2: close 'abc' is not a number");
        assertThatThrownBy(() -> CandleFileReader.parse("c.csv", "1,1,1,1,1,1\n", "paper", ETH_BTC, null))
                .hasMessage("candle file c.csv line 1: expected the header 'time,open,high,low,close,volume', found "
                        + "'1,1,1,1,1,1'");
        assertThatThrownBy(() -> CandleFileReader.parse("c.csv", "time,open,high,low,close,volume\nyesterday,1,1,1,1,1\n",
                "paper", ETH_BTC, Timeframe.M1)).hasMessageStartingWith("candle file c.csv line 2: time 'yesterday'");
    }

    @Test
    void aGivenTimeframeWiderThanTheSpacingIsRefused() {
        assertThatThrownBy(() -> CandleFileReader.parse("c.csv", "time,open,high,low,close,volume\n0,1,1,1,1,1\n60000,1,1,1,1,1\n",
                "paper", ETH_BTC, Timeframe.M5))
                .hasMessage("candle file c.csv line 3: candle opens 60000 ms after the previous one, less than the 5m "
                        + "timeframe: check the timeframe setting");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> CandleFileReader.read(missing, "paper", ETH_BTC, null))
                .hasMessage("candle file " + missing + " does not exist");
    }
}
