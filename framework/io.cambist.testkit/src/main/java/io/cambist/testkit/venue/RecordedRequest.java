package io.cambist.testkit.venue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as a fake venue received it: method, path, raw query, headers (names lower case) and body text.
 *
 * @param method  upper-case method
 * @param path    the path without the query
 * @param query   the raw (still encoded) query string without {@code ?}, or empty
 * @param headers header values by lower-case name
 * @param body    the body as UTF-8 text, or empty
 * @param time    when it arrived, epoch milliseconds
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
        long time) {

    public RecordedRequest {
        query = query == null ? "" : query;
        body = body == null ? "" : body;
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(h);
    }

    /** The first value of a header (case-insensitive name), or empty. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The decoded parameters from the query string followed by a form-encoded body, in order; a repeated name keeps
     * its first value.
     */
    public Map<String, String> params() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] kv : pairs(query)) {
            out.putIfAbsent(kv[0], kv[1]);
        }
        if (isForm()) {
            for (String[] kv : pairs(body)) {
                out.putIfAbsent(kv[0], kv[1]);
            }
        }
        return out;
    }

    /** One decoded parameter from the query or a form body. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params().get(name));
    }

    /** {@code METHOD path} for messages. */
    public String line() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }

    private boolean isForm() {
        return header("content-type").map(c -> c.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    private static List<String[]> pairs(String text) {
        List<String[]> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            out.add(new String[] {URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)});
        }
        return out;
    }
}
