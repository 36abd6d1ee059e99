package io.cambist.benchmarks.security;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;
import io.cambist.security.hmac.internal.BinanceScheme;
import io.cambist.security.hmac.internal.HmacSigner;
import io.cambist.security.nonce.internal.NonceStores;
import io.cambist.security.vault.internal.Vaults;

/**
 * The two security throughput goals measured in CPU time rather than wall time, for machines shared with other
 * work, where wall-clock benchmarks say more about the neighbours than about the code: memory nonce claims per
 * CPU-second with 1 and 2 threads (summed over the threads), and the Binance signer against a raw Mac, interleaved in
 * blocks on one thread. Run: {@code java -cp benchmarks.jar io.cambist.benchmarks.security.CpuTimeProbe}.
 */
public final class CpuTimeProbe {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CpuTimeProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (int threads = 1; threads <= 2; threads++) {
            nonces(threads);
        }
        signer();
    }

    private static void nonces(int threads) throws Exception {
        int n = 1 << 20;
        NonceStores.Closeable store = NonceStores.memory(null, 300_000, 1_000_000);
        Thread.sleep(2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 6; round++) {
                int r = round;
                List<Future<Double>> rates = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    rates.add(pool.submit(() -> {
                        String[] texts = new String[n];
                        for (int i = 0; i < n; i++) {
                            texts[i] = "n-" + Integer.toString(i, 36) + "-0123456789abcdef";
                        }
                        long start = CPU.getCurrentThreadCpuTime();
                        for (int k = 0; k < 2; k++) {
                            String key = "key-" + id + "-" + r + "-" + k;
                            for (int i = 0; i < n; i++) {
                                store.claim(key, texts[i], System.currentTimeMillis());
                            }
                        }
                        return 2.0 * n / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
                    }));
                }
                double sum = 0;
                for (Future<Double> f : rates) {
                    sum += f.get();
                }
                if (round >= 2) {
                    System.out.printf("memory nonce store, %d thread(s): %.2f M claims per CPU-second%n", threads,
                            sum / 1e6);
                }
            }
        } finally {
            pool.shutdown();
            store.close();
        }
    }

    private static void signer() throws Exception {
        Path data = Files.createTempDirectory("cambist-cpu-probe");
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        try (Vaults.Handle vault = Vaults.open(data, "probe", 64, 1, 1, Clock.systemUTC(), Duration.ofHours(1))) {
            vault.keyRing().create(new NewKey("bench", null, Set.of(Scope.TRADE), null, secret.toCharArray()), "probe");
            HmacSigner signer = new HmacSigner();
            BinanceScheme scheme = new BinanceScheme();
            signer.bindScheme(scheme, Map.of(SignatureScheme.SCHEME, scheme.name()));
            signer.bindKeyRing(vault.keyRing());
            SignatureInput input = new SignatureInput("POST", "/api/v3/order", "symbol=LTCBTC&side=BUY&type=LIMIT"
                    + "&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", null, null, null);
            byte[] message = scheme.message(input);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long sink = 0;
            int n = 200_000;
            for (int round = 0; round < 10; round++) {
                long c0 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += mac.doFinal(message)[0];
                }
                long c1 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += signer.sign("bench", "binance", input, Scope.TRADE).value().length();
                }
                long c2 = CPU.getCurrentThreadCpuTime();
                double raw = n / ((c1 - c0) / 1e9);
                double signed = n / ((c2 - c1) / 1e9);
                if (round >= 4) {
                    System.out.printf("binance: raw Mac %.2f M/s, signer %.2f M/s per CPU-second: %.0f%% of raw%n",
                            raw / 1e6, signed / 1e6, 100 * signed / raw);
                }
            }
            if (sink == 42) {
                System.out.println();
            }
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
