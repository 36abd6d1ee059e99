package io.cambist.admin.internal.rest;

import java.util.Locale;

/** Parses path and query parameters with errors that name the parameter (Jersey's own conversion answers 404). */
public final class Params {

    private Params() {
    }

    /** A whole number inside [min, max], or the default when absent. */
    public static long longParam(String name, String text, long defaultValue, long min, long max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("parameter '" + name + "' must be a whole number, not '" + shorten(text) + "'");
        }
        if (v < min || v > max) {
            throw ApiException.badRequest("parameter '" + name + "' must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }

    /** {@code true} or {@code false}, or the default when absent. */
    public static boolean boolParam(String name, String text, boolean defaultValue) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw ApiException.badRequest("parameter '" + name + "' must be true or false, not '" + shorten(text) + "'");
    }

    /** A bundle or service id from the path. */
    public static long id(String what, String text) {
        try {
            long v = Long.parseLong(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw ApiException.badRequest(what + " id '" + shorten(text) + "' is not a number");
    }

    /** An identifier of 1 to 64 characters of {@code [A-Za-z0-9_.-]} (strategy ids, backtest ids). */
    public static String name(String what, String text) {
        if (text == null || text.isEmpty() || text.length() > 64 || !text.matches("[A-Za-z0-9_.-]+") || text.startsWith(".")) {
            throw ApiException.badRequest(what + " '" + shorten(text) + "' must have 1 to 64 characters of letters, digits, "
                    + "'_', '-' and '.' (not starting with '.')");
        }
        return text;
    }

    /** A value cut to a length that is safe to repeat in an error. */
    public static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
