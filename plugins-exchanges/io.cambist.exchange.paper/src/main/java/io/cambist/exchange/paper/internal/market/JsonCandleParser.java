package io.cambist.exchange.paper.internal.market;

import java.math.BigDecimal;

/**
 * Reads a JSON array of {@code [open_time_ms, open, high, low, close, volume]} arrays (the layout of exchange kline
 * dumps such as {@code ../shared/data/candles}). Numbers may also be written as strings. A small hand-written scanner:
 * it needs no JSON library (so the bundle runs in a bare embedded framework) and knows the line of every error.
 */
final class JsonCandleParser {

    private static final String[] FIELDS = {"open time", "open", "high", "low", "close", "volume"};

    private final String text;
    private final CandleSeriesBuilder out;
    private int pos;
    private long line = 1;

    JsonCandleParser(String text, CandleSeriesBuilder out) {
        this.text = text;
        this.out = out;
    }

    void parse() {
        skipSpace();
        expect('[', "the file to start with '[' (a JSON array of candles)");
        skipSpace();
        if (peek() == ']') {
            pos++;
            trailing();
            return;
        }
        int n = 0;
        while (true) {
            n++;
            candle(n);
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipSpace();
            } else if (c == ']') {
                pos++;
                trailing();
                return;
            } else {
                throw unexpected("',' or ']' after candle " + n);
            }
        }
    }

    private void candle(int n) {
        long startLine = line;
        expect('[', "'[' to open candle " + n);
        BigDecimal[] v = new BigDecimal[6];
        for (int i = 0; i < 6; i++) {
            skipSpace();
            v[i] = number("the " + FIELDS[i] + " of candle " + n);
            skipSpace();
            if (i < 5) {
                if (peek() == ']') {
                    throw out.error(line, "candle " + n + " has " + (i + 1)
                            + " values; expected 6: [open_time_ms, open, high, low, close, volume]");
                }
                expect(',', "',' after the " + FIELDS[i] + " of candle " + n);
            }
        }
        skipSpace();
        if (peek() == ',') {
            throw out.error(line, "candle " + n + " has more than 6 values; expected [open_time_ms, open, high, low, close, volume]");
        }
        expect(']', "']' to close candle " + n);
        long time;
        try {
            time = v[0].longValueExact();
        } catch (ArithmeticException e) {
            throw out.error(startLine, "candle " + n + " open time " + v[0].toPlainString()
                    + " is not a whole number of epoch milliseconds");
        }
        out.add(startLine, time, v[1], v[2], v[3], v[4], v[5]);
    }

    private BigDecimal number(String what) {
        boolean quoted = peek() == '"';
        if (quoted) {
            pos++;
        }
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            if (text.startsWith("null", pos)) {
                throw out.error(line, what + " is null; expected a number");
            }
            throw unexpected("a number for " + what);
        }
        String token = text.substring(start, pos);
        if (quoted) {
            expect('"', "'\"' to close the quoted " + what);
        }
        try {
            return new BigDecimal(token);
        } catch (NumberFormatException e) {
            throw out.error(line, what + " '" + token + "' is not a number");
        }
    }

    private void trailing() {
        skipSpace();
        if (pos < text.length()) {
            throw unexpected("nothing after the closing ']'");
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw unexpected(what);
        }
        pos++;
    }

    private IllegalArgumentException unexpected(String expected) {
        String found = pos >= text.length() ? "the end of the file"
                : "'" + text.substring(pos, Math.min(text.length(), pos + 12)) + "'";
        return out.error(line, "expected " + expected + ", found " + found);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\uFEFF') {
                return;
            }
            pos++;
        }
    }
}
