package io.cambist.benchmarks.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.cambist.api.security.NonceResult;
import io.cambist.security.nonce.internal.NonceStores;

/**
 * Nonce claims per second, each a fresh nonce with the current time, for both stores with their default bounds
 * (300 s window, 1,000,000 entries). At millions of claims per second the memory store runs at its cap, so this
 * includes its eviction work (dropping the oldest half and raising the floor). The file store fsyncs every claim
 * (shared between concurrent claimers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class NonceStoreBenchmark {

    @Param({"memory", "file"})
    public String store;

    private Path dir;
    private NonceStores.Closeable nonces;
    private final AtomicInteger threadIds = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("cambist-bench-nonce");
        nonces = store.equals("memory") ? NonceStores.memory(null, 300_000, 1_000_000)
                : NonceStores.file(dir, 300_000, 1_000_000);
        Thread.sleep(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        nonces.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Nonce texts prepared per thread, so the benchmark measures the store rather than string building. */
    @State(Scope.Thread)
    public static class Claimer {
        static final int SIZE = 1 << 20;
        final String[] texts = new String[SIZE];
        String keyId;
        int thread;
        int round;
        int next;

        @Setup(Level.Trial)
        public void setUp(NonceStoreBenchmark b) {
            thread = b.threadIds.incrementAndGet();
            for (int i = 0; i < SIZE; i++) {
                texts[i] = "n-" + Integer.toString(i, 36) + "-0123456789abcdef";
            }
            keyId = "key-" + thread + "-0";
        }

        String nextNonce() {
            if (next == SIZE) {
                // a new key id per round keeps every claim fresh
                next = 0;
                keyId = "key-" + thread + "-" + (++round);
            }
            return texts[next++];
        }
    }

    @Benchmark
    @Threads(1)
    public NonceResult claimOneThread(Claimer c) {
        return nonces.claim(c.keyId, c.nextNonce(), System.currentTimeMillis());
    }

    @Benchmark
    @Threads(2)
    public NonceResult claimTwoThreads(Claimer c) {
        return nonces.claim(c.keyId, c.nextNonce(), System.currentTimeMillis());
    }
}
