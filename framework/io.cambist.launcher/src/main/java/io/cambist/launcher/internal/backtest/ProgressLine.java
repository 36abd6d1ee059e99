package io.cambist.launcher.internal.backtest;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import io.cambist.api.backtest.BacktestProgress;

/**
 * Shows a long backtest's progress as one line on a terminal, rewritten in place ({@code \r}): nothing during the
 * first {@link #DELAY_NANOS} (short runs stay quiet), then at most {@link #INTERVAL_NANOS} apart.
 * {@link #finish()} clears the line.
 */
public final class ProgressLine implements BacktestProgress {

    static final long DELAY_NANOS = 500_000_000L;
    static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final long start;
    private long last;
    private int width;

    public ProgressLine(PrintWriter out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.last = start + DELAY_NANOS - INTERVAL_NANOS;
    }

    /** A progress line on {@code out}, or {@link BacktestProgress#NONE} when {@code enabled} is false. */
    public static BacktestProgress of(PrintWriter out, boolean enabled) {
        return enabled ? new ProgressLine(out, System::nanoTime) : BacktestProgress.NONE;
    }

    @Override
    public void progress(long done, long total) {
        long now = nanoClock.getAsLong();
        if (now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        String text = total > 0
                ? String.format(Locale.ROOT, "backtest: %,d of %,d candles (%d %%)", done, total, done * 100 / total)
                : String.format(Locale.ROOT, "backtest: %,d candles", done);
        out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        out.flush();
        width = text.length();
    }

    /** Clears the line if one was shown. */
    public void finish() {
        if (width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }

    /** Clears the line of {@code progress} if it is a progress line. */
    public static void finish(BacktestProgress progress) {
        if (progress instanceof ProgressLine line) {
            line.finish();
        }
    }
}
