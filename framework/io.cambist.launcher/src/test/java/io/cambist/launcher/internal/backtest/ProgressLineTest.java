package io.cambist.launcher.internal.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cambist.api.backtest.BacktestProgress;

class ProgressLineTest {

    private static final long MS = 1_000_000L;

    @Test
    void quietForHalfASecondThenAtMostFourUpdatesASecondThenCleared() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(1_000 * MS);
        ProgressLine line = new ProgressLine(new PrintWriter(text), now::get);
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(10 * MS); // 100 calls over one second
            line.progress(i * 1024L, 102_400);
        }
        // first update at 500 ms, then at 750 and 1000 ms
        assertThat(text.toString().split("\r", -1)).hasSize(4);
        assertThat(text.toString()).startsWith("\rbacktest: 51,200 of 102,400 candles (50 %)")
                .endsWith("\rbacktest: 102,400 of 102,400 candles (100 %)");
        line.finish();
        assertThat(text.toString()).endsWith("\r" + " ".repeat("backtest: 102,400 of 102,400 candles (100 %)".length()) + "\r");
    }

    @Test
    void aShortRunPrintsNothingAndAnUnknownTotalShowsTheCount() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressLine line = new ProgressLine(new PrintWriter(text), now::get);
        now.set(400 * MS);
        line.progress(5760, 5760);
        line.finish();
        assertThat(text.toString()).isEmpty();
        now.set(600 * MS);
        line.progress(123, -1);
        assertThat(text.toString()).isEqualTo("\rbacktest: 123 candles");
    }

    @Test
    void disabledIsNone() {
        assertThat(ProgressLine.of(new PrintWriter(new StringWriter()), false)).isSameAs(BacktestProgress.NONE);
        assertThat(ProgressLine.of(new PrintWriter(new StringWriter()), true)).isInstanceOf(ProgressLine.class);
    }
}
