package io.cambist.core.internal.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.cambist.api.backtest.BacktestMetrics;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.backtest.EquityPoint;
import io.cambist.api.model.Side;

/**
 * Writes a backtest report as one self-contained HTML page: inline CSS and inline SVG charts (price with every trade
 * marked, equity curve), the metrics and the trades; nothing is fetched from the network. Deterministic like the JSON.
 */
public final class ReportHtml {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 280;
    private static final int LEFT = 80;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final int MAX_TRADE_ROWS = 1_000;

    private ReportHtml() {
    }

    public static String write(BacktestReport r) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String title = "Backtest " + r.strategyType() + " on " + r.instrument().symbol();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:8px 0 20px}td,th{padding:3px 10px;border-bottom:1px solid #ddd;")
                .append("text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}")
                .append("svg{background:#fcfcfc;border:1px solid #ddd}.buy{fill:#1a7f37}.sell{fill:#cf222e}")
                .append(".line{fill:none;stroke-width:1.2}.axis{font-size:11px;fill:#555}.fail{color:#cf222e}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
        b.append("<p>").append(r.candles()).append(" candles from ").append(date(r.startTime())).append(" to ")
                .append(date(r.endTime())).append(" UTC; parameters ").append(esc(params(r.parameters()))).append("</p>\n");
        if (r.failure() != null) {
            b.append("<p class=\"fail\">The strategy failed during the run: ").append(esc(r.failure())).append("</p>\n");
        }
        metrics(b, r);
        b.append("<h2>Price and trades</h2>\n");
        chart(b, r.equityCurve(), EquityPoint::price, r.trades(), "#0969da", r);
        b.append("<h2>Equity (").append(esc(r.instrument().quote())).append(")</h2>\n");
        chart(b, r.equityCurve(), EquityPoint::equity, List.of(), "#8250df", r);
        trades(b, r.trades());
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void metrics(StringBuilder b, BacktestReport r) {
        BacktestMetrics m = r.metrics();
        String q = esc(r.instrument().quote());
        b.append("<table>\n<tr><th>Metric</th><th>Value</th></tr>\n");
        row(b, "Starting equity (" + q + ")", ReportJson.num(r.startingEquity()));
        row(b, "Final equity (" + q + ")", ReportJson.num(r.finalEquity()));
        row(b, "Total return", pct(m.totalReturn()));
        row(b, "Max drawdown", pct(m.maxDrawdown()));
        row(b, "Sharpe ratio", ReportJson.num(m.sharpeRatio()));
        row(b, "Win rate", pct(m.winRate()));
        row(b, "Trades (fills)", Integer.toString(m.tradeCount()));
        row(b, "Round trips", Integer.toString(m.roundTrips()));
        row(b, "Fees (" + q + ")", ReportJson.num(m.fees()));
        row(b, "Starting balances", esc(amounts(r.startingBalances())));
        row(b, "Final balances", esc(amounts(r.finalBalances())));
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><td>").append(name).append("</td><td>").append(value).append("</td></tr>\n");
    }

    private static void chart(StringBuilder b, List<EquityPoint> points, Function<EquityPoint, BigDecimal> value,
            List<BacktestTrade> trades, String color, BacktestReport r) {
        int w = WIDTH - LEFT - 10;
        int h = HEIGHT - TOP - BOTTOM;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">\n");
        if (points.isEmpty()) {
            b.append("<text x=\"").append(LEFT).append("\" y=\"40\" class=\"axis\">no candles</text>\n</svg>\n");
            return;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (EquityPoint p : points) {
            double v = value.apply(p).doubleValue();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (BacktestTrade t : trades) {
            double v = t.price().doubleValue();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max - min < 1e-12) {
            max = min + Math.max(1e-9, Math.abs(min) * 0.01);
        }
        long t0 = r.startTime();
        long t1 = Math.max(r.endTime(), t0 + 1);
        b.append("<polyline class=\"line\" stroke=\"").append(color).append("\" points=\"");
        for (EquityPoint p : points) {
            b.append(fmt(x(p.time(), t0, t1, w))).append(',').append(fmt(y(value.apply(p).doubleValue(), min, max, h)))
                    .append(' ');
        }
        b.append("\"/>\n");
        for (BacktestTrade t : trades) {
            double x = x(t.time(), t0, t1, w);
            double y = y(t.price().doubleValue(), min, max, h);
            boolean buy = t.side() == Side.BUY;
            b.append("<path class=\"").append(buy ? "buy" : "sell").append("\" d=\"M").append(fmt(x)).append(',')
                    .append(fmt(buy ? y + 2 : y - 2)).append(" l-5,").append(buy ? "9" : "-9").append(" h10 z\"><title>")
                    .append(t.side()).append(' ').append(ReportJson.num(t.quantity())).append(" @ ")
                    .append(ReportJson.num(t.price())).append(", ").append(date(t.time()))
                    .append(t.tag() == null ? "" : ", " + esc(t.tag())).append("</title></path>\n");
        }
        axis(b, min, max, h, t0, t1, w);
        b.append("</svg>\n");
    }

    private static void axis(StringBuilder b, double min, double max, int h, long t0, long t1, int w) {
        for (int i = 0; i <= 4; i++) {
            double v = min + (max - min) * i / 4;
            double y = y(v, min, max, h);
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + w).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#eee\"/>")
                    .append("<text class=\"axis\" x=\"4\" y=\"").append(fmt(y + 4)).append("\">")
                    .append(String.format(Locale.ROOT, "%.8g", v)).append("</text>\n");
        }
        b.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 8).append("\">")
                .append(date(t0)).append("</text><text class=\"axis\" text-anchor=\"end\" x=\"").append(LEFT + w)
                .append("\" y=\"").append(HEIGHT - 8).append("\">").append(date(t1)).append("</text>\n");
    }

    private static double x(long t, long t0, long t1, int w) {
        return LEFT + (double) (t - t0) / (t1 - t0) * w;
    }

    private static double y(double v, double min, double max, int h) {
        return TOP + (max - v) / (max - min) * h;
    }

    private static void trades(StringBuilder b, List<BacktestTrade> trades) {
        b.append("<h2>Trades</h2>\n<table>\n<tr><th>Time (UTC)</th><th>Side</th><th>Price</th><th>Quantity</th>")
                .append("<th>Fee</th><th>Tag</th></tr>\n");
        int n = 0;
        for (BacktestTrade t : trades) {
            if (n++ == MAX_TRADE_ROWS) {
                b.append("<tr><td colspan=\"6\">").append(trades.size() - MAX_TRADE_ROWS)
                        .append(" more trades in report.json</td></tr>\n");
                break;
            }
            b.append("<tr><td>").append(date(t.time())).append("</td><td class=\"").append(t.side() == Side.BUY ? "buy" : "sell")
                    .append("\">").append(t.side()).append("</td><td>").append(ReportJson.num(t.price())).append("</td><td>")
                    .append(ReportJson.num(t.quantity())).append("</td><td>").append(ReportJson.num(t.fee()))
                    .append("</td><td>").append(t.tag() == null ? "" : esc(t.tag())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(BigDecimal fraction) {
        return ReportJson.num(fraction.movePointRight(2)) + " %";
    }

    private static String date(long millis) {
        return Instant.ofEpochMilli(millis).toString().replace('T', ' ').replace("Z", "");
    }

    private static String params(Map<String, String> p) {
        if (p.isEmpty()) {
            return "(defaults)";
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return s.toString();
    }

    private static String amounts(Map<String, BigDecimal> m) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(m).entrySet()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(ReportJson.num(e.getValue()));
        }
        return s.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
