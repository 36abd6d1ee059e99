package io.cambist.api.strategy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;

/**
 * The JSON form of external signals, shared by the signal webhook (one object per request) and by signal files for
 * backtests ({@code cambist backtest --signals FILE}: a JSON array of the same objects). An object has the fields
 * <pre>
 * {"id": "unique alert id", "time": epoch ms or ISO-8601, "action": "buy"|"sell"|"close", "instrument": "BASE/QUOTE",
 *  "size"?: base quantity, "sizeQuote"?: quote amount, "price"?: limit price}
 * </pre>
 * Numbers may also be written as strings ({@code "0.5"}); an optional field that is {@code null} or {@code ""} is
 * absent. Every error says which element and field is wrong and what it should look like.
 */
public final class SignalFile {

    public static final String ID = "id";
    public static final String TIME = "time";
    public static final String ACTION = "action";
    public static final String INSTRUMENT = "instrument";
    public static final String SIZE = "size";
    public static final String SIZE_QUOTE = "sizeQuote";
    public static final String PRICE = "price";
    /** Every field a signal object may have. */
    public static final Set<String> FIELDS = Set.of(ID, TIME, ACTION, INSTRUMENT, SIZE, SIZE_QUOTE, PRICE);
    /** The longest alert id accepted. */
    public static final int MAX_ID_LENGTH = 128;

    private SignalFile() {
    }

    /**
     * Reads a signal file (UTF-8).
     *
     * @return the signals in time order (equal times keep their order in the file), with {@code source = "file"}
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static List<Signal> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("signal file " + file + " cannot be read: " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signal file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Parses the text of a signal file: a JSON array of signal objects.
     *
     * @return the signals in time order, with {@code source = "file"} and no client order id
     * @throws IllegalArgumentException naming the element and the problem
     */
    public static List<Signal> parse(String json) {
        Object root = SignalJson.parse(json);
        if (!(root instanceof List<?> elements)) {
            throw new IllegalArgumentException("a signal file is a JSON array of signal objects [{\"id\": ..., "
                    + "\"time\": ..., \"action\": ..., \"instrument\": ...}, ...]");
        }
        List<Signal> signals = new ArrayList<>(elements.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Object e = elements.get(i);
            if (!(e instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("element " + (i + 1) + " is not a JSON object");
            }
            Map<String, Object> fields = new HashMap<>();
            m.forEach((k, v) -> fields.put((String) k, v));
            Signal s;
            try {
                s = signal(fields, null, "file");
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("element " + (i + 1) + ": " + ex.getMessage());
            }
            Integer before = seen.putIfAbsent(s.id(), i + 1);
            if (before != null) {
                throw new IllegalArgumentException("element " + (i + 1) + ": id '" + s.id()
                        + "' was already used by element " + before + " (ids must be unique, as the webhook refuses a "
                        + "replayed id)");
            }
            signals.add(s);
        }
        signals.sort(Comparator.comparingLong(Signal::time));
        return List.copyOf(signals);
    }

    /**
     * Builds a signal from the fields of one JSON object, checking each.
     *
     * @param fields        field name to value: {@link String}, {@link Number}, or {@code null}
     * @param clientOrderId the client order id the order for it must use, or {@code null}
     * @param source        who sent it
     * @throws IllegalArgumentException naming the field and what it should look like
     */
    public static Signal signal(Map<String, ?> fields, ClientOrderId clientOrderId, String source) {
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field '" + unknown.iterator().next() + "'; allowed: "
                    + String.join(", ", new TreeSet<>(FIELDS)));
        }
        String id = id(fields.get(ID));
        long time = time(required(fields, TIME));
        SignalAction action = SignalAction.parse(text(ACTION, required(fields, ACTION)));
        Instrument instrument = Instrument.parse(text(INSTRUMENT, required(fields, INSTRUMENT)));
        return new Signal(id, time, action, instrument, decimal(SIZE, fields.get(SIZE)),
                decimal(SIZE_QUOTE, fields.get(SIZE_QUOTE)), decimal(PRICE, fields.get(PRICE)), clientOrderId, source);
    }

    /**
     * Reads a signal time: a whole number of epoch milliseconds (as a number or a string of digits), or an ISO-8601
     * instant with a zone ({@code 2024-05-01T12:00:00Z}, {@code 2024-05-01T14:00:00+02:00}).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static long time(Object value) {
        String hint = "'time' must be epoch milliseconds or an ISO-8601 time with a zone such as 2024-05-01T12:00:00Z";
        if (value instanceof Number n) {
            try {
                BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
                long ms = d.longValueExact();
                if (ms < 0) {
                    throw new IllegalArgumentException(hint + ", not " + d.toPlainString());
                }
                return ms;
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException(hint + ", not " + n);
            }
        }
        if (value instanceof String s && !s.isBlank()) {
            String t = s.trim();
            if (t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                if (t.length() > 18) {
                    throw new IllegalArgumentException(hint + ", not '" + shorten(t) + "'");
                }
                return Long.parseLong(t);
            }
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(t).toInstant().toEpochMilli();
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException(hint + ", not '" + shorten(t) + "'");
                }
            }
        }
        throw new IllegalArgumentException(hint);
    }

    private static Object required(Map<String, ?> fields, String name) {
        Object v = fields.get(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException("field '" + name + "' is required");
        }
        return v;
    }

    private static String id(Object value) {
        String id;
        if (value instanceof String s) {
            id = s.trim();
        } else if (value instanceof BigDecimal || value instanceof Long || value instanceof Integer
                || value instanceof BigInteger) {
            BigDecimal d = new BigDecimal(value.toString());
            if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("field 'id' must be a string (or a whole number)");
            }
            id = d.toBigInteger().toString();
        } else if (value == null) {
            throw new IllegalArgumentException("field 'id' is required: a unique id for each alert");
        } else {
            throw new IllegalArgumentException("field 'id' must be a string");
        }
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("field 'id' must have 1 to " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("field 'id' must not hold control characters");
            }
        }
        return id;
    }

    private static String text(String name, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("field '" + name + "' must be a string");
    }

    private static BigDecimal decimal(String name, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        BigDecimal d;
        try {
            if (value instanceof BigDecimal b) {
                d = b;
            } else if (value instanceof Number || value instanceof String) {
                // for a binary floating point number from a JSON library, its shortest text is what was written
                d = new BigDecimal(value.toString().trim());
            } else {
                throw new IllegalArgumentException("field '" + name + "' must be a number");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + name + "' must be a number, not '" + shorten(value.toString())
                    + "'");
        }
        if (d.signum() <= 0) {
            throw new IllegalArgumentException("field '" + name + "' must be positive, not " + d.toPlainString());
        }
        return d;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
