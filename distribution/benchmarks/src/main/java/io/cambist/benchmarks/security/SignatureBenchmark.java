package io.cambist.benchmarks.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
import org.openjdk.jmh.annotations.Warmup;

import io.cambist.api.security.NewKey;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;
import io.cambist.security.hmac.internal.BinanceScheme;
import io.cambist.security.hmac.internal.CambistScheme;
import io.cambist.security.hmac.internal.CoinbaseScheme;
import io.cambist.security.hmac.internal.HmacSigner;
import io.cambist.security.hmac.internal.KrakenScheme;
import io.cambist.security.vault.internal.Vaults;

/**
 * Signature computation per scheme, end to end ({@code Signer.sign}: message, vault MAC with the cached Mac, encoding)
 * against a raw, pre-initialised {@code javax.crypto.Mac} over the very same message bytes. Goal: the Binance scheme
 * at 70% or more of the raw Mac's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {

    @Param({"binance", "kraken", "coinbase", "cambist"})
    public String scheme;

    private Path data;
    private Vaults.Handle vault;
    private HmacSigner signer;
    SignatureInput input;
    byte[] message;
    byte[] key;
    String algorithm;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = Files.createTempDirectory("cambist-bench-sign");
        vault = Vaults.open(data, "bench", 64, 1, 1, Clock.systemUTC(), Duration.ofHours(1));
        signer = new HmacSigner();
        SignatureScheme s = switch (scheme) {
            case "binance" -> new BinanceScheme();
            case "kraken" -> new KrakenScheme();
            case "coinbase" -> new CoinbaseScheme();
            default -> new CambistScheme();
        };
        signer.bindScheme(s, Map.of(SignatureScheme.SCHEME, s.name()));
        signer.bindKeyRing(vault.keyRing());
        String secret;
        switch (scheme) {
            case "binance" -> {
                secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
                input = new SignatureInput("POST", "/api/v3/order", "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
                        + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", null, null, null);
            }
            case "kraken" -> {
                secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
                input = new SignatureInput("POST", "/0/private/AddOrder", "", utf8("nonce=1616492376594&ordertype=limit"
                        + "&pair=XBTUSD&price=37500&type=buy&volume=1.25"), "1616492376594", null);
            }
            case "coinbase" -> {
                secret = "c2VjcmV0LWtleS1mb3ItdGVzdGluZw==";
                input = new SignatureInput("POST", "/orders", "", utf8("{\"price\":\"1.0\",\"size\":\"1.0\",\"side\":"
                        + "\"buy\",\"product_id\":\"BTC-USD\"}"), null, "1700000000");
            }
            default -> {
                secret = "demo-admin-secret-do-not-use-3f9a";
                input = new SignatureInput("POST", "/api/v1/keys/binance-main/rotate", "",
                        utf8("{\"overlap\":\"PT24H\"}"), "q7Ld0pX3vK9sT2mY5wZ8", "1767225600000");
            }
        }
        vault.keyRing().create(new NewKey("bench", null, Set.of(io.cambist.api.security.Scope.TRADE), null,
                secret.toCharArray()), "bench");
        message = s.message(input);
        algorithm = s.algorithm();
        key = switch (s.keyEncoding()) {
            case BASE64 -> java.util.Base64.getDecoder().decode(secret);
            default -> secret.getBytes(StandardCharsets.UTF_8);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        vault.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The raw Mac of one thread, initialised once (what a hand-written signer would do). */
    @State(Scope.Thread)
    public static class RawMac {
        Mac mac;

        @Setup(Level.Trial)
        public void setUp(SignatureBenchmark b) throws Exception {
            mac = Mac.getInstance(b.algorithm);
            mac.init(new SecretKeySpec(b.key, b.algorithm));
        }
    }

    @Benchmark
    public byte[] rawMac(RawMac raw) {
        return raw.mac.doFinal(message);
    }

    @Benchmark
    public Signature signer() {
        return signer.sign("bench", scheme, input, io.cambist.api.security.Scope.TRADE);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
