package io.cambist.exchange.kraken.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for Kraken payloads: snake_case field names ({@code vol_exec}, {@code cl_ord_id}), unknown fields
 * ignored (Kraken adds fields without notice), and every decimal read as {@code BigDecimal}: WebSocket v2 sends
 * prices and quantities as JSON numbers with full precision, and the book checksum depends on every digit.
 */
public final class KrakenJson {

    private KrakenJson() {
    }

    /** A new mapper configured for Kraken DTOs. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    }
}
