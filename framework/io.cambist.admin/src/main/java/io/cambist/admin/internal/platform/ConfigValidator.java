package io.cambist.admin.internal.platform;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cambist.admin.internal.AdminConstants;
import io.cambist.admin.internal.rest.ApiException;

/**
 * Turns a JSON object into Configuration Admin properties, checked against the metatype when there is one: type,
 * cardinality, options, the provider's own validation (min/max), and required attributes without a default. Errors
 * name the attribute and never repeat its value. A masked secret sent back unchanged keeps the stored value.
 */
public final class ConfigValidator {

    /**
     * The properties to store and what the caller should know.
     *
     * @param properties the converted properties
     * @param warnings   attributes the metatype does not define
     */
    public record Result(Hashtable<String, Object> properties, List<String> warnings) {
    }

    private ConfigValidator() {
    }

    /**
     * Validates and converts.
     *
     * @param ocd      the metatype, or {@code null} when the PID has none
     * @param input    the JSON object
     * @param existing the stored properties (for masked secrets), or {@code null}
     * @param reserved attributes that are expected although the metatype does not define them
     */
    public static Result validate(ObjectClassDefinition ocd, Map<String, Object> input, Dictionary<String, ?> existing,
            Predicate<String> reserved) {
        if (input == null) {
            throw ApiException.badRequest("the body must be a JSON object of configuration properties, e.g. {\"name\": \"value\"}");
        }
        Map<String, AttributeDefinition> ads = new HashMap<>();
        if (ocd != null) {
            AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
            if (all != null) {
                for (AttributeDefinition ad : all) {
                    ads.put(ad.getID(), ad);
                }
            }
        }
        Hashtable<String, Object> out = new Hashtable<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(input).entrySet()) {
            String key = e.getKey();
            checkKey(key);
            Object value = e.getValue();
            if (value == null) {
                continue;
            }
            AttributeDefinition ad = ads.get(key);
            boolean secret = Secrets.isSecretName(key) || ad != null && ad.getType() == AttributeDefinition.PASSWORD;
            if (secret && isMask(value)) {
                Object stored = existing == null ? null : existing.get(key);
                if (stored == null) {
                    throw ApiException.badRequest("attribute '" + key + "' holds the mask " + AdminConstants.MASK
                            + " but no value is stored: send the real value");
                }
                out.put(key, stored);
                continue;
            }
            if (ad == null) {
                out.put(key, untyped(key, value));
                if (ocd != null && !reserved.test(key)) {
                    warnings.add("attribute '" + key + "' is not defined by the metatype '" + ocd.getName()
                            + "'; components ignore it unless they read it");
                }
            } else {
                out.put(key, typed(ad, key, value));
            }
        }
        if (ocd != null) {
            AttributeDefinition[] required = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
            if (required != null) {
                for (AttributeDefinition ad : required) {
                    String[] defaults = ad.getDefaultValue();
                    if (!out.containsKey(ad.getID()) && (defaults == null || defaults.length == 0)) {
                        throw ApiException.badRequest("attribute '" + ad.getID() + "' (" + ad.getName() + ") is required");
                    }
                }
            }
        }
        return new Result(out, warnings);
    }

    private static void checkKey(String key) {
        if (key == null || key.isBlank() || key.length() > 256) {
            throw ApiException.badRequest("configuration attribute names must have 1 to 256 characters");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.equals("service.pid") || lower.equals("service.factorypid") || lower.equals("service.bundlelocation")) {
            throw ApiException.badRequest("attribute '" + key + "' is set by Configuration Admin; leave it out of the body");
        }
    }

    private static boolean isMask(Object value) {
        if (AdminConstants.MASK.equals(value)) {
            return true;
        }
        return value instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(AdminConstants.MASK::equals);
    }

    /** A value for an attribute the metatype does not describe: JSON types mapped to Configuration Admin types. */
    static Object untyped(String key, Object value) {
        if (value instanceof List<?> list) {
            boolean strings = list.stream().allMatch(v -> v instanceof String);
            boolean whole = list.stream().allMatch(v -> v instanceof Integer || v instanceof Long);
            boolean bools = list.stream().allMatch(v -> v instanceof Boolean);
            if (!list.isEmpty() && whole) {
                return list.stream().map(v -> ((Number) v).longValue()).toArray(Long[]::new);
            }
            if (!list.isEmpty() && bools) {
                return list.toArray(Boolean[]::new);
            }
            if (strings || list.isEmpty()) {
                return list.toArray(String[]::new);
            }
            return list.stream().map(v -> scalarText(key, v)).toArray(String[]::new);
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        return scalarText(key, value);
    }

    private static String scalarText(String key, Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value.toString();
        }
        throw ApiException.badRequest("attribute '" + key + "' holds " + jsonKind(value)
                + "; configuration values are strings, numbers, booleans or lists of them");
    }

    private static Object typed(AttributeDefinition ad, String key, Object value) {
        int cardinality = ad.getCardinality();
        List<?> items;
        if (value instanceof List<?> list) {
            if (cardinality == 0) {
                throw ApiException.badRequest("attribute '" + key + "' takes one value, not a list");
            }
            items = list;
        } else {
            items = List.of(value);
        }
        long max = cardinality == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs((long) cardinality);
        if (cardinality != 0 && items.size() > max) {
            throw ApiException.badRequest("attribute '" + key + "' takes at most " + max + " values, not " + items.size());
        }
        List<Object> converted = new ArrayList<>(items.size());
        for (Object item : items) {
            Object v = scalar(ad, key, item);
            String text = v.toString();
            String[] options = ad.getOptionValues();
            if (options != null && options.length > 0 && !List.of(options).contains(text)) {
                throw ApiException.badRequest("attribute '" + key + "' must be one of " + String.join(", ", options));
            }
            if (!(cardinality != 0 && text.contains(","))) {
                String problem = ad.validate(text);
                if (problem != null && !problem.isEmpty()) {
                    throw ApiException.badRequest("attribute '" + key + "' is invalid: "
                            + (problem.startsWith("%") ? problem.substring(1) : problem));
                }
            }
            converted.add(v);
        }
        if (cardinality == 0) {
            return converted.get(0);
        }
        if (cardinality < 0) {
            return new ArrayList<>(converted);
        }
        Object array = Array.newInstance(javaType(ad.getType()), converted.size());
        for (int i = 0; i < converted.size(); i++) {
            Array.set(array, i, converted.get(i));
        }
        return array;
    }

    private static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    private static Object scalar(AttributeDefinition ad, String key, Object value) {
        int type = ad.getType();
        if (value instanceof Map || value instanceof Collection) {
            throw ApiException.badRequest("attribute '" + key + "' must be " + kind(type) + ", not " + jsonKind(value));
        }
        switch (type) {
            case AttributeDefinition.LONG:
                return whole(key, value, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
            case AttributeDefinition.INTEGER:
                return whole(key, value, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
            case AttributeDefinition.SHORT:
                return whole(key, value, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
            case AttributeDefinition.BYTE:
                return whole(key, value, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
            case AttributeDefinition.DOUBLE:
                return decimal(key, value).doubleValue();
            case AttributeDefinition.FLOAT:
                return decimal(key, value).floatValue();
            case AttributeDefinition.BOOLEAN:
                if (value instanceof Boolean b) {
                    return b;
                }
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s);
                }
                throw ApiException.badRequest("attribute '" + key + "' must be " + kind(type) + ", not " + jsonKind(value));
            case AttributeDefinition.CHARACTER:
                if (value instanceof String s && s.length() == 1) {
                    return s.charAt(0);
                }
                throw ApiException.badRequest("attribute '" + key + "' must be " + kind(type));
            default:
                return scalarText(key, value);
        }
    }

    private static BigInteger whole(String key, Object value, long min, long max) {
        BigDecimal d = toDecimal(value);
        BigInteger w;
        try {
            w = d == null ? null : d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            w = null;
        }
        if (w == null) {
            throw ApiException.badRequest("attribute '" + key + "' must be a whole number, not " + jsonKind(value));
        }
        if (w.compareTo(BigInteger.valueOf(min)) < 0 || w.compareTo(BigInteger.valueOf(max)) > 0) {
            throw ApiException.badRequest("attribute '" + key + "' must be a whole number between " + min + " and " + max);
        }
        return w;
    }

    private static BigDecimal decimal(String key, Object value) {
        BigDecimal d = toDecimal(value);
        if (d == null) {
            throw ApiException.badRequest("attribute '" + key + "' must be a number, not " + jsonKind(value));
        }
        return d;
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String kind(int type) {
        return switch (type) {
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "a whole number";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            case AttributeDefinition.BOOLEAN -> "true or false";
            case AttributeDefinition.CHARACTER -> "a single character";
            default -> "a string";
        };
    }

    private static String jsonKind(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof Collection) {
            return "a list";
        }
        if (value instanceof String) {
            return "a string that is not one";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number of another kind";
        }
        return "a value of another kind";
    }
}
