package io.cambist.core.internal.backtest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.backtest.BacktestMetrics;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.backtest.EquityPoint;

/**
 * Writes a backtest report as JSON by hand (the core does not depend on Jackson): a fixed field order, maps sorted
 * by key, numbers as plain decimals without exponents or trailing zeros, and nothing from the wall clock, so equal
 * reports give identical bytes.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static String write(BacktestReport r) {
        StringBuilder b = new StringBuilder(256 + r.trades().size() * 96 + r.equityCurve().size() * 48);
        b.append("{\n");
        field(b, "strategyType").append(str(r.strategyType())).append(",\n");
        field(b, "instrument").append(str(r.instrument().symbol())).append(",\n");
        field(b, "parameters").append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(r.parameters()).entrySet()) {
            b.append(first ? "" : ", ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
            first = false;
        }
        b.append("},\n");
        field(b, "candles").append(r.candles()).append(",\n");
        field(b, "startTime").append(r.startTime()).append(",\n");
        field(b, "endTime").append(r.endTime()).append(",\n");
        field(b, "startingBalances").append(amounts(r.startingBalances())).append(",\n");
        field(b, "finalBalances").append(amounts(r.finalBalances())).append(",\n");
        field(b, "startingEquity").append(num(r.startingEquity())).append(",\n");
        field(b, "finalEquity").append(num(r.finalEquity())).append(",\n");
        BacktestMetrics m = r.metrics();
        field(b, "metrics").append("{\"totalReturn\": ").append(num(m.totalReturn()))
                .append(", \"maxDrawdown\": ").append(num(m.maxDrawdown()))
                .append(", \"sharpeRatio\": ").append(num(m.sharpeRatio()))
                .append(", \"winRate\": ").append(num(m.winRate()))
                .append(", \"tradeCount\": ").append(m.tradeCount())
                .append(", \"roundTrips\": ").append(m.roundTrips())
                .append(", \"fees\": ").append(num(m.fees())).append("},\n");
        field(b, "trades").append('[');
        first = true;
        for (BacktestTrade t : r.trades()) {
            b.append(first ? "\n    " : ",\n    ");
            first = false;
            b.append("{\"time\": ").append(t.time())
                    .append(", \"side\": ").append(str(t.side().name()))
                    .append(", \"price\": ").append(num(t.price()))
                    .append(", \"quantity\": ").append(num(t.quantity()))
                    .append(", \"fee\": ").append(num(t.fee()))
                    .append(", \"tag\": ").append(t.tag() == null ? "null" : str(t.tag())).append('}');
        }
        b.append(first ? "],\n" : "\n  ],\n");
        field(b, "equityCurve").append('[');
        first = true;
        for (EquityPoint p : r.equityCurve()) {
            b.append(first ? "\n    " : ",\n    ");
            first = false;
            b.append('[').append(p.time()).append(", ").append(num(p.price())).append(", ").append(num(p.equity()))
                    .append(']');
        }
        b.append(first ? "],\n" : "\n  ],\n");
        field(b, "failure").append(r.failure() == null ? "null" : str(r.failure())).append('\n');
        b.append("}\n");
        return b.toString();
    }

    private static StringBuilder field(StringBuilder b, String name) {
        return b.append("  \"").append(name).append("\": ");
    }

    private static String amounts(Map<String, BigDecimal> m) {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(m).entrySet()) {
            b.append(first ? "" : ", ").append(str(e.getKey())).append(": ").append(num(e.getValue()));
            first = false;
        }
        return b.append('}').toString();
    }

    /** A plain decimal: no exponent, no trailing zeros. */
    static String num(BigDecimal v) {
        if (v == null) {
            return "null";
        }
        if (v.signum() == 0) {
            return "0";
        }
        return v.stripTrailingZeros().toPlainString();
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
