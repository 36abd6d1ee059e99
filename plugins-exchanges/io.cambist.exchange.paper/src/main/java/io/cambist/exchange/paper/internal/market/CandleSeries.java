package io.cambist.exchange.paper.internal.market;

import java.math.BigDecimal;
import java.util.List;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Timeframe;

/**
 * Candles read from a file, with what the file tells about the market.
 *
 * @param candles   ascending by open time
 * @param timeframe the candle width (given or inferred)
 * @param tickSize  the finest price increment seen in the file ({@code 10^-scale} of the most precise price)
 */
public record CandleSeries(List<Candle> candles, Timeframe timeframe, BigDecimal tickSize) {

    public CandleSeries {
        candles = List.copyOf(candles);
    }
}
