package io.cambist.exchange.paper.internal.store;

import java.math.BigDecimal;

/** Reads the fields of one record written by {@link RecordWriter}, in order. */
final class RecordReader {

    private final String record;
    private final String[] fields;
    private int next = 1;

    RecordReader(String record) {
        this.record = record;
        this.fields = record.split("\\|", -1);
        if (fields[0].length() != 1) {
            throw bad("unknown record type");
        }
    }

    char type() {
        return fields[0].charAt(0);
    }

    String text() {
        if (next >= fields.length) {
            throw bad("too few fields");
        }
        String f = fields[next++];
        if (f.equals("~")) {
            return null;
        }
        if (f.indexOf('%') < 0) {
            return f;
        }
        StringBuilder s = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '%' && i + 2 < f.length()) {
                s.append((char) Integer.parseInt(f.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw bad("broken escape");
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    String required() {
        String t = text();
        if (t == null) {
            throw bad("missing field " + (next - 1));
        }
        return t;
    }

    BigDecimal decimal() {
        String t = text();
        try {
            return t == null ? null : new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw bad("field " + (next - 1) + " is not a number");
        }
    }

    long number() {
        try {
            return Long.parseLong(required());
        } catch (NumberFormatException e) {
            throw bad("field " + (next - 1) + " is not a whole number");
        }
    }

    boolean flag() {
        return "1".equals(required());
    }

    IllegalArgumentException bad(String problem) {
        String shown = record.length() > 80 ? record.substring(0, 80) + "..." : record;
        return new IllegalArgumentException("unreadable state record (" + problem + "): " + shown);
    }
}
