package io.cambist.launcher.internal.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.backtest.BacktestMetrics;
import io.cambist.api.backtest.BacktestReport;

/** The few lines {@code cambist backtest} prints when it is done. */
public final class Summary {

    private Summary() {
    }

    public static List<String> lines(BacktestReport r, Path outDir) {
        String quote = r.instrument().quote();
        BacktestMetrics m = r.metrics();
        List<String> lines = new ArrayList<>();
        lines.add("backtest " + r.strategyType() + " on " + r.instrument().symbol() + ": " + r.candles() + " candles from "
                + time(r.startTime()) + " to " + time(r.endTime()));
        lines.add("  final equity   " + amount(r.finalEquity()) + " " + quote + " (started with "
                + amount(r.startingEquity()) + " " + quote + ": " + balances(r.startingBalances()) + ")");
        lines.add("  return         " + percent(m.totalReturn()));
        lines.add("  trades         " + m.tradeCount() + " (" + m.roundTrips() + " round trips, win rate "
                + percent(m.winRate()) + ")");
        lines.add("  max drawdown   " + percent(m.maxDrawdown()));
        lines.add("  fees           " + amount(m.fees()) + " " + quote);
        lines.add("  reports        " + outDir.resolve("report.json") + ", " + outDir.resolve("report.html"));
        return lines;
    }

    /** At most 8 decimals, no trailing zeros, never an exponent. */
    static String amount(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        BigDecimal v = value.setScale(Math.min(8, Math.max(0, value.scale())), RoundingMode.HALF_EVEN).stripTrailingZeros();
        return (v.signum() == 0 ? BigDecimal.ZERO : v).toPlainString();
    }

    /** A fraction as a percentage with two decimals: {@code 0.05931} is {@code 5.93 %}. */
    static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "-";
        }
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    private static String balances(Map<String, BigDecimal> balances) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(balances).forEach((currency, amount) -> {
            if (amount.signum() != 0) {
                parts.add(amount(amount) + " " + currency);
            }
        });
        return String.join(", ", parts);
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
