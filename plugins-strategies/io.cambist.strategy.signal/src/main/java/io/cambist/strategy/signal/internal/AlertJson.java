package io.cambist.strategy.signal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The webhook's own JSON handling: an alert body becomes its fields (strings, {@link java.math.BigDecimal} numbers,
 * nulls), strictly (one JSON object, no duplicate or nested fields, nothing after it), and answers are written as
 * JSON. Errors name the problem and where it is, but never repeat a value from the body (it may hold the secret).
 */
final class AlertJson {

    /** The field that carries the webhook secret; never handed on, never logged. */
    static final String SECRET = "secret";

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(65_536).build())
            .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AlertJson() {
    }

    /**
     * The fields of an alert body, in order.
     *
     * @throws IllegalArgumentException saying what is wrong with the body
     */
    static Map<String, Object> fields(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.startsWith("Duplicate field")) {
                throw new IllegalArgumentException("the body repeats a field (" + m.substring(m.indexOf('\'')).trim() + ")");
            }
            if (m.contains("nesting depth")) {
                throw new IllegalArgumentException("the body nests too deeply: an alert is one flat JSON object");
            }
            throw new IllegalArgumentException("the body is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body must be one JSON object: {\"secret\": ..., \"id\": ..., "
                    + "\"time\": ..., \"action\": ..., \"instrument\": ...}");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                out.put(e.getKey(), null);
            } else if (v.isTextual()) {
                out.put(e.getKey(), v.textValue());
            } else if (v.isNumber()) {
                out.put(e.getKey(), v.decimalValue());
            } else {
                throw new IllegalArgumentException("field '" + e.getKey() + "' must be a string or a number");
            }
        }
        return out;
    }

    /** An answer as JSON bytes. */
    static byte[] write(Map<String, Object> body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook answer: " + e.getOriginalMessage(), e);
        }
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 0) {
            return "";
        }
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
