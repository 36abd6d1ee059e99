package io.cambist.exchange.binance.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Stream {@code <symbol>@kline_<interval>}: {@code E} event time, {@code s} symbol, {@code k} the candle. */
public record BinanceKlineEvent(@JsonProperty("E") long eventTime, @JsonProperty("s") String symbol,
        @JsonProperty("k") BinanceKline kline) {
}
