package io.cambist.exchange.paper.internal.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads CSV candles with the header {@code time,open,high,low,close,volume}. Times are epoch milliseconds or ISO-8601
 * instants ({@code 2018-01-10T05:35:00Z}); blank lines are skipped; fields may be quoted.
 */
final class CsvCandleParser {

    static final String HEADER = "time,open,high,low,close,volume";

    private final String text;
    private final CandleSeriesBuilder out;

    CsvCandleParser(String text, CandleSeriesBuilder out) {
        this.text = text;
        this.out = out;
    }

    void parse() {
        String[] lines = text.split("\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            long lineNo = i + 1L;
            String l = lines[i].strip();
            if (i == 0 && l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            if (l.isEmpty()) {
                continue;
            }
            if (!header) {
                if (!l.replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT).equals(HEADER)) {
                    throw out.error(lineNo, "expected the header '" + HEADER + "', found '" + abbreviate(l) + "'");
                }
                header = true;
                continue;
            }
            row(lineNo, l);
        }
        if (!header) {
            throw out.error(1, "the file is empty; expected the header '" + HEADER + "' and one candle per line");
        }
    }

    private void row(long lineNo, String l) {
        String[] f = l.split(",", -1);
        if (f.length != 6) {
            throw out.error(lineNo, "expected 6 fields (" + HEADER + "), found " + f.length + ": '" + abbreviate(l) + "'");
        }
        String[] names = HEADER.split(",");
        BigDecimal[] v = new BigDecimal[5];
        for (int i = 1; i < 6; i++) {
            String s = unquote(f[i]);
            try {
                v[i - 1] = new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw out.error(lineNo, names[i] + " '" + s + "' is not a number");
            }
        }
        out.add(lineNo, time(lineNo, unquote(f[0])), v[0], v[1], v[2], v[3], v[4]);
    }

    private long time(long lineNo, String s) {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw out.error(lineNo, "time '" + s + "' is too large for epoch milliseconds");
            }
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw out.error(lineNo, "time '" + s + "' is neither epoch milliseconds nor an ISO-8601 instant such as "
                    + "2018-01-10T05:35:00Z");
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
