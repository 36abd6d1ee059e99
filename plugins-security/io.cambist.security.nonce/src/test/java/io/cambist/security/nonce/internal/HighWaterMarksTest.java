package io.cambist.security.nonce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighWaterMarksTest {

    @TempDir
    Path dir;

    @Test
    void isStrictlyIncreasingEvenWhenTheClockStandsStillOrGoesBack() {
        TestSupport.Clock clock = new TestSupport.Clock(1_000_000);
        HighWaterMarks marks = new HighWaterMarks(dir, 100, clock);
        long previous = 0;
        for (int i = 0; i < 1000; i++) {
            if (i == 500) {
                clock.advance(-60_000);
            }
            long n = marks.next("kraken-main");
            assertThat(n).isGreaterThan(previous);
            previous = n;
        }
        assertThat(marks.next("kraken-main")).isGreaterThanOrEqualTo(1_000_000 + 1000);
        // a second alias has its own sequence, starting at the clock
        assertThat(marks.next("kraken-other")).isEqualTo(clock.getAsLong());
    }

    @Test
    void reservesInBlocksSoMostCallsDoNoIo() throws Exception {
        TestSupport.Clock clock = new TestSupport.Clock(5_000);
        HighWaterMarks marks = new HighWaterMarks(dir, 1000, clock);
        Path file = dir.resolve("kraken-main.hwm");
        long first = marks.next("kraken-main");
        String written = Files.readString(file).trim();
        assertThat(Long.parseLong(written)).isEqualTo(first + 1000);
        for (int i = 0; i < 1000; i++) {
            marks.next("kraken-main");
        }
        // the clock stood still: 1000 more values, all inside the first block, and the mark on disk did not move
        assertThat(Files.readString(file).trim()).isEqualTo(written);
        long beyond = marks.next("kraken-main");
        assertThat(beyond).isEqualTo(first + 1001);
        assertThat(Long.parseLong(Files.readString(file).trim())).isEqualTo(beyond + 1000);
    }

    @Test
    void aRestartStartsAboveEverythingHandedOutBefore() {
        TestSupport.Clock clock = new TestSupport.Clock(10_000);
        HighWaterMarks before = new HighWaterMarks(dir, 10_000, clock);
        long last = 0;
        for (int i = 0; i < 5000; i++) {
            last = before.next("kraken-main");
        }
        // the clock is reset (or behind) after the restart
        clock.advance(-5_000);
        HighWaterMarks after = new HighWaterMarks(dir, 10_000, clock);
        assertThat(after.next("kraken-main")).isGreaterThan(last);
    }

    @Test
    void isUniqueAndIncreasingPerThreadAcrossManyThreads() throws Exception {
        HighWaterMarks marks = new HighWaterMarks(dir, 10_000, System::currentTimeMillis);
        int threads = 6;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<long[]>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                long[] values = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    values[i] = marks.next("shared-key");
                }
                return values;
            });
        }
        Set<Long> all = new HashSet<>();
        try {
            for (Future<long[]> f : pool.invokeAll(tasks)) {
                long[] values = f.get();
                for (int i = 1; i < values.length; i++) {
                    assertThat(values[i]).isGreaterThan(values[i - 1]);
                }
                for (long v : values) {
                    all.add(v);
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(all).hasSize(threads * perThread);
        long max = all.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(new HighWaterMarks(dir, 10_000, System::currentTimeMillis).next("shared-key")).isGreaterThan(max);
    }

    @Test
    void refusesBadAliasesAndUnreadableMarks() throws Exception {
        HighWaterMarks marks = new HighWaterMarks(dir, 10, System::currentTimeMillis);
        assertThatThrownBy(() -> marks.next("../escape")).isInstanceOf(IllegalArgumentException.class);
        Files.writeString(dir.resolve("broken.hwm"), "not a number");
        assertThatThrownBy(() -> marks.next("broken")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.hwm").hasMessageContaining("put a number above");
    }
}
