package io.cambist.api.exchange;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/** Where a simulated venue takes its market from. */
public sealed interface MarketSource {

    /** The instrument the source produces. */
    Instrument instrument();

    /**
     * A candle file: a JSON array of {@code [open_time_ms, open, high, low, close, volume]} arrays, or a CSV file with
     * the header {@code time,open,high,low,close,volume}.
     *
     * @param file       the file
     * @param instrument the instrument the candles are for
     * @param timeframe  the candle width, or {@code null} to infer it from the spacing of the first candles
     */
    record CandleFile(Path file, Instrument instrument, Timeframe timeframe) implements MarketSource {
        public CandleFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(instrument, "instrument");
        }
    }

    /**
     * Candles already in memory (benchmarks, tests, embedding).
     *
     * @param instrument the instrument
     * @param candles    the candles, ascending by open time
     */
    record Candles(Instrument instrument, List<Candle> candles) implements MarketSource {
        public Candles {
            Objects.requireNonNull(instrument, "instrument");
            candles = List.copyOf(candles);
        }
    }

    /**
     * A seeded random walk, so the product can trade with no data files. The same seed gives the same market.
     *
     * @param instrument        the instrument
     * @param timeframe         candle width
     * @param seed              random seed
     * @param startPrice        price of the first candle
     * @param volatilityPercent standard deviation of the per-candle return, in percent (e.g. {@code 0.5})
     * @param startTime         open time of the first candle, epoch milliseconds
     * @param count             number of candles, or 0 for an endless market
     */
    record Synthetic(Instrument instrument, Timeframe timeframe, long seed, BigDecimal startPrice,
            BigDecimal volatilityPercent, long startTime, long count) implements MarketSource {
        public Synthetic {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(timeframe, "timeframe");
            if (startPrice == null || startPrice.signum() <= 0) {
                throw new IllegalArgumentException("synthetic market needs a positive start price");
            }
            if (volatilityPercent == null || volatilityPercent.signum() < 0) {
                throw new IllegalArgumentException("synthetic market needs a volatility of 0 or more percent");
            }
            if (count < 0) {
                throw new IllegalArgumentException("synthetic market candle count must be 0 (endless) or more");
            }
        }
    }
}
