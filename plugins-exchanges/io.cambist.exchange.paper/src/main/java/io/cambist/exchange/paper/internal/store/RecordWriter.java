package io.cambist.exchange.paper.internal.store;

import java.math.BigDecimal;

/**
 * Builds one state record: a type letter and fields separated by {@code |}. Fields are escaped ({@code %XX} for
 * {@code % | ~} tab, CR and LF) so a record never holds a separator; {@code ~} alone stands for null.
 */
final class RecordWriter {

    private final StringBuilder out = new StringBuilder(64);

    RecordWriter(char type) {
        out.append(type);
    }

    RecordWriter text(String value) {
        out.append('|');
        if (value == null) {
            out.append('~');
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '|' || c == '~' || c == '\t' || c == '\n' || c == '\r') {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            } else {
                out.append(c);
            }
        }
        return this;
    }

    RecordWriter decimal(BigDecimal value) {
        return text(value == null ? null : value.toPlainString());
    }

    RecordWriter number(long value) {
        out.append('|').append(value);
        return this;
    }

    RecordWriter flag(boolean value) {
        out.append('|').append(value ? '1' : '0');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
