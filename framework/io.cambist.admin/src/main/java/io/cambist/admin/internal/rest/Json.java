package io.cambist.admin.internal.rest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.security.Scope;

/**
 * The admin API's one Jackson configuration: BigDecimal as plain JSON numbers, unknown input properties refused,
 * instruments as {@code BASE/QUOTE}, times as epoch milliseconds; and the translation of Jackson's errors into 400
 * answers that name the property but never echo a value (a value may be a secret).
 */
public final class Json {

    /** The shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    static ObjectMapper create() {
        SimpleModule module = new SimpleModule("cambist-admin");
        module.addSerializer(Instrument.class, new ToStringSerializer<>(Instrument::symbol));
        module.addSerializer(ClientOrderId.class, new ToStringSerializer<>(ClientOrderId::value));
        module.addSerializer(VenueOrderId.class, new ToStringSerializer<>(VenueOrderId::value));
        module.addSerializer(Timeframe.class, new ToStringSerializer<>(Timeframe::label));
        module.addSerializer(Scope.class, new ToStringSerializer<>(Scope::label));
        module.addSerializer(Path.class, new ToStringSerializer<>(Path::toString));
        module.addSerializer(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.toEpochMilli());
            }
        });
        return JsonMapper.builder()
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(module)
                .build();
    }

    /** Reads a JSON body into a type; an empty body gives {@code null}. Errors become 400 answers. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body == null || isBlank(body)) {
            return null;
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw toApiException(e);
        }
    }

    /** Writes a value as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A 400 that says what is wrong with the body without repeating any of its values. */
    public static ApiException toApiException(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(null);
            String where = parentPath(u);
            return ApiException.badRequest("unknown property '" + u.getPropertyName() + "'"
                    + (where.isEmpty() ? "" : " in '" + where + "'") + "; allowed: " + String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
            return ApiException.badRequest(iae.getMessage());
        }
        if (e instanceof InvalidFormatException f) {
            return ApiException.badRequest("property '" + path(f) + "' has an invalid value: expected " + typeName(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            String p = path(m);
            String expected = typeName(m.getTargetType());
            return ApiException.badRequest(p.isEmpty() ? "the request body must be " + article(expected)
                    : "property '" + p + "' has the wrong type: expected " + expected);
        }
        if (e instanceof JsonMappingException m) {
            String p = path(m);
            return ApiException.badRequest(p.isEmpty() ? "the request body does not have the expected shape"
                    : "property '" + p + "' could not be read");
        }
        if (e instanceof StreamConstraintsException c) {
            return ApiException.badRequest("the request body exceeds a JSON limit: " + c.getOriginalMessage());
        }
        if (e instanceof StreamReadException r) {
            String at = r.getLocation() == null ? "" : " at line " + r.getLocation().getLineNr() + ", column "
                    + r.getLocation().getColumnNr();
            return ApiException.badRequest("the request body is not valid JSON" + at);
        }
        return ApiException.badRequest("the request body could not be read");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String parentPath(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (refs.size() <= 1) {
            return "";
        }
        return refs.subList(0, refs.size() - 1).stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class || type == char[].class || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String article(String expected) {
        return expected.startsWith("a ") || expected.startsWith("an ") ? expected + " (JSON)" : expected;
    }

    /** Writes a value through a function to a JSON string. */
    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final java.util.function.Function<T, String> text;

        ToStringSerializer(java.util.function.Function<T, String> text) {
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(text.apply(value));
        }
    }
}
