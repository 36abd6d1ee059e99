package io.cambist.launcher.internal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the launcher (it has no JSON library): reading a flat object of strings (the admin key) and
 * re-indenting any JSON text for people ({@link #pretty(String)}) without touching its tokens, so numbers keep
 * their exact digits.
 */
public final class Json {

    private Json() {
    }

    /**
     * Reads a flat JSON object whose values are strings, numbers, booleans or null (numbers and booleans as their
     * text).
     *
     * @throws IllegalArgumentException where the text is not such an object
     */
    static Map<String, Object> object(String text) {
        Reader r = new Reader(text);
        Map<String, Object> fields = new LinkedHashMap<>();
        r.skip();
        r.expect('{');
        r.skip();
        if (r.peek() == '}') {
            r.pos++;
        } else {
            while (true) {
                r.skip();
                String name = r.string();
                r.skip();
                r.expect(':');
                r.skip();
                fields.put(name, r.peek() == '"' ? r.string() : r.scalar());
                r.skip();
                char c = r.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw r.error("expected , or }");
                }
            }
        }
        r.skip();
        if (r.pos < text.length()) {
            throw r.error("unexpected text after the object");
        }
        return fields;
    }

    /**
     * Indents JSON text by two spaces per level, one member or element per line; short empty containers stay
     * {@code {}} and {@code []}. Text that is not JSON comes back as it was.
     */
    public static String pretty(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[')) {
            return text;
        }
        StringBuilder b = new StringBuilder(trimmed.length() * 2);
        int depth = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            switch (c) {
                case '"' -> {
                    int end = stringEnd(trimmed, i);
                    if (end < 0) {
                        return text;
                    }
                    b.append(trimmed, i, end + 1);
                    i = end;
                }
                case '{', '[' -> {
                    int next = nextNonSpace(trimmed, i + 1);
                    char close = c == '{' ? '}' : ']';
                    if (next < trimmed.length() && trimmed.charAt(next) == close) {
                        b.append(c).append(close);
                        i = next;
                    } else {
                        depth++;
                        b.append(c).append('\n').append("  ".repeat(depth));
                    }
                }
                case '}', ']' -> {
                    depth--;
                    if (depth < 0) {
                        return text;
                    }
                    b.append('\n').append("  ".repeat(depth)).append(c);
                }
                case ',' -> b.append(",\n").append("  ".repeat(depth));
                case ':' -> b.append(": ");
                case ' ', '\t', '\n', '\r' -> {
                }
                default -> b.append(c);
            }
        }
        return depth == 0 ? b.toString() : text;
    }

    private static int stringEnd(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int nextNonSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static final class Reader {
        final String text;
        int pos;

        Reader(String text) {
            this.text = text;
        }

        void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("bad \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        String scalar() {
            int start = pos;
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String s = text.substring(start, pos);
            if (s.isEmpty() || s.startsWith("{") || s.startsWith("[")) {
                throw error("expected a string, number, true, false or null");
            }
            return s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + (pos + 1));
        }
    }
}
