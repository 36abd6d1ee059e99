package io.cambist.exchange.binance.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON mapper for Binance payloads: unknown fields are ignored (Binance adds fields without notice). */
public final class BinanceJson {

    private BinanceJson() {
    }

    /** A new mapper configured for Binance DTOs. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }
}
