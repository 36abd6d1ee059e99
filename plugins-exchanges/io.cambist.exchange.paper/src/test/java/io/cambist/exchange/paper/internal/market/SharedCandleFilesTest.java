package io.cambist.exchange.paper.internal.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/** The real candle files under {@code ../shared/data/candles} read completely with the right timeframe and values. */
class SharedCandleFilesTest {

    /** The shared candle directory, or a skip with a message when it is absent. */
    static Path candles() {
        String data = System.getProperty("cambist.shared.data");
        Path dir = data == null ? null : Path.of(data, "candles");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "shared market data not found (system property cambist.shared.data=" + data + "): skipping real-data test");
        return dir;
    }

    private static CandleSeries read(String name, String base, String quote) {
        return CandleFileReader.read(candles().resolve(name), "paper", Instrument.of(base, quote), null);
    }

    @Test
    void ethBtcFiveMinutes() {
        CandleSeries s = read("ETH_BTC-5m.json", "ETH", "BTC");
        assertThat(s.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(s.candles()).hasSize(5760);
        Candle first = s.candles().get(0);
        assertThat(first.openTime()).isEqualTo(1515560100000L);
        assertThat(first.open()).isEqualByComparingTo("0.0984");
        assertThat(first.high()).isEqualByComparingTo("0.0994766");
        assertThat(first.low()).isEqualByComparingTo("0.09828605");
        assertThat(first.close()).isEqualByComparingTo("0.0994766");
        assertThat(first.volume()).isEqualByComparingTo("1820.54447418");
        Candle last = s.candles().get(5759);
        assertThat(last.openTime()).isEqualTo(1517287800000L);
        assertThat(last.close()).isEqualByComparingTo("0.10441057");
        assertThat(s.tickSize()).isEqualByComparingTo("0.00000001");
    }

    @Test
    void everySharedFileReadsWithItsTimeframe() {
        assertThat(read("LTC_BTC-5m.json", "LTC", "BTC").candles()).hasSize(5760);
        CandleSeries trx = read("TRX_BTC-5m.json", "TRX", "BTC");
        assertThat(trx.candles()).hasSize(5754);
        assertThat(trx.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(trx.candles().get(5753).close()).isEqualByComparingTo("0.00008848");
        assertThat(read("XLM_BTC-5m.json", "XLM", "BTC").candles()).hasSize(5760);
        CandleSeries unit = read("UNITTEST_BTC-1m.json", "UNITTEST", "BTC");
        assertThat(unit.candles()).hasSize(13681);
        assertThat(unit.timeframe()).isEqualTo(Timeframe.M1);
        CandleSeries xrp = read("XRP_ETH-1m.json", "XRP", "ETH");
        assertThat(xrp.candles()).hasSize(3560);
        assertThat(xrp.candles().get(0).volume()).isEqualByComparingTo("1482");
    }
}
