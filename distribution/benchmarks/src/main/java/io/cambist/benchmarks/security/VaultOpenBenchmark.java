package io.cambist.benchmarks.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cambist.api.security.NewKey;
import io.cambist.security.vault.internal.Vaults;

/**
 * Opening the vault with the production KDF parameters (Argon2id, 64 MiB, 3 passes, 4 lanes): derive the key,
 * decrypt and index 20 keys, then close. This is the work kept off the start-up path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class VaultOpenBenchmark {

    private Path data;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = Files.createTempDirectory("cambist-bench-vault");
        try (Vaults.Handle vault = open()) {
            for (int i = 0; i < 20; i++) {
                vault.keyRing().create(new NewKey("key-" + i, null, Set.of(io.cambist.api.security.Scope.TRADE), null,
                        null), "bench");
            }
        }
    }

    private Vaults.Handle open() {
        return Vaults.open(data, "a long operator passphrase", 65_536, 3, 4, Clock.systemUTC(), Duration.ofHours(24));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int openVault() {
        try (Vaults.Handle vault = open()) {
            return vault.keyRing().list().size();
        }
    }
}
