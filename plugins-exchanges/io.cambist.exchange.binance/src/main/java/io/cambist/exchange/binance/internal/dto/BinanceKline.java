package io.cambist.exchange.binance.internal.dto;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code k} object of a kline event.
 *
 * @param openTime  {@code t}
 * @param closeTime {@code T} (last millisecond of the candle)
 * @param interval  {@code i}, e.g. {@code 1m}
 * @param open      {@code o}
 * @param close     {@code c}
 * @param high      {@code h}
 * @param low       {@code l}
 * @param volume    {@code v}: base volume
 * @param closed    {@code x}: whether this candle is final
 */
public record BinanceKline(@JsonProperty("t") long openTime, @JsonProperty("T") long closeTime,
        @JsonProperty("i") String interval, @JsonProperty("o") BigDecimal open, @JsonProperty("c") BigDecimal close,
        @JsonProperty("h") BigDecimal high, @JsonProperty("l") BigDecimal low, @JsonProperty("v") BigDecimal volume,
        @JsonProperty("x") boolean closed) {
}
