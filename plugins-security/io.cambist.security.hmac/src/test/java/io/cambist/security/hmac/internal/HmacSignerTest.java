package io.cambist.security.hmac.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.SignatureScheme;
import io.cambist.security.vault.internal.Rfc4231;
import io.cambist.security.vault.internal.Vaults;

class HmacSignerTest {

    private static final String BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String BINANCE_QUERY =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    @TempDir
    Path data;

    private Vaults.Handle vault;
    private HmacSigner signer;
    private final java.util.List<SignatureScheme> shipped = new java.util.ArrayList<>();

    @BeforeEach
    void wire() {
        vault = Vaults.open(data, "pass", 64, 1, 1, Clock.systemUTC(), Duration.ofHours(1));
        vault.keyRing().create(new NewKey("binance-main", null, Set.of(Scope.TRADE),
                "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", BINANCE_SECRET.toCharArray()), "test");
        signer = new HmacSigner();
        signer.setWaitMillis(300);
        signer.bindKeyRing(vault.keyRing());
        for (SignatureScheme s : new SignatureScheme[] {new BinanceScheme(), new KrakenScheme(), new CoinbaseScheme(),
            new CambistScheme()}) {
            signer.bindScheme(s, Map.of(SignatureScheme.SCHEME, s.name()));
            shipped.add(s);
        }
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    void signsTheBinanceExampleWithAKeyFromTheVault() {
        Signature s = signer.sign("binance-main", "binance", new SignatureInput("POST", "/api/v3/order", BINANCE_QUERY,
                null, null, null), Scope.TRADE);
        assertThat(s.value()).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        // the API key header to send comes with the signature, so they always match
        assertThat(s.publicId()).isEqualTo("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A");
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.scheme()).isEqualTo("binance");
    }

    @Test
    void anyBundleCanAddASchemeAndTheHigherRankingWins() {
        vault.keyRing().create(new NewKey("raw", null, Set.of(Scope.TRADE), null, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"
                .toCharArray()), "test");
        HexScheme third = new HexScheme("raw-sha256", "HmacSHA256");
        signer.bindScheme(third, Map.of(SignatureScheme.SCHEME, "raw-sha256", "service.id", 100L));
        SignatureInput hiThere = new SignatureInput("POST", "/", "", "Hi There".getBytes(StandardCharsets.US_ASCII), null,
                null);
        assertThat(signer.sign("raw", "raw-sha256", hiThere, Scope.TRADE).value())
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        // a higher-ranked registration of the same name replaces it; removing it brings the first back
        HexScheme shouting = new HexScheme("raw-sha256", "HmacSHA256") {
            @Override
            public String encode(byte[] mac) {
                return super.encode(mac).toUpperCase(java.util.Locale.ROOT);
            }
        };
        signer.bindScheme(shouting, Map.of(SignatureScheme.SCHEME, "raw-sha256", "service.id", 101L,
                "service.ranking", 10));
        assertThat(signer.sign("raw", "raw-sha256", hiThere, Scope.TRADE).value()).startsWith("B0344C61");
        signer.unbindScheme(shouting);
        assertThat(signer.sign("raw", "raw-sha256", hiThere, Scope.TRADE).value()).startsWith("b0344c61");
    }

    @Test
    void computesTheRfc4231VectorsThroughSignerAndVault() {
        HexScheme sha256 = new HexScheme("rfc-sha256", "HmacSHA256");
        HexScheme sha512 = new HexScheme("rfc-sha512", "HmacSHA512");
        signer.bindScheme(sha256, Map.of(SignatureScheme.SCHEME, "rfc-sha256"));
        signer.bindScheme(sha512, Map.of(SignatureScheme.SCHEME, "rfc-sha512"));
        for (Rfc4231.Case c : Rfc4231.CASES) {
            String alias = "rfc-" + c.number();
            vault.keyRing().create(new NewKey(alias, null, Set.of(Scope.TRADE), null, c.keyHex().toCharArray()), "test");
            SignatureInput input = new SignatureInput("POST", "/", "", c.data(), null, null);
            String mac256 = signer.sign(alias, "rfc-sha256", input, Scope.TRADE).value();
            String mac512 = signer.sign(alias, "rfc-sha512", input, Scope.TRADE).value();
            int length = c.truncated() ? 32 : mac256.length();
            assertThat(mac256.substring(0, length)).as("RFC 4231 case %d SHA-256", c.number()).isEqualTo(c.sha256());
            length = c.truncated() ? 32 : mac512.length();
            assertThat(mac512.substring(0, length)).as("RFC 4231 case %d SHA-512", c.number()).isEqualTo(c.sha512());
        }
    }

    @Test
    void anUnknownSchemeIsAClearErrorAfterTheWait() {
        assertThatThrownBy(() -> signer.sign("binance-main", "bitfinex", new SignatureInput("GET", "/", "", null, null,
                null), Scope.TRADE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no signature scheme 'bitfinex' is registered (waited 300 ms; registered: binance, cambist, "
                        + "coinbase, kraken)");
    }

    @Test
    void signingWaitsForAKeyRingThatIsBeingUpdated() throws Exception {
        signer.setWaitMillis(5000);
        signer.unbindKeyRing(vault.keyRing());
        SignatureInput input = new SignatureInput("POST", "/api/v3/order", BINANCE_QUERY, null, null, null);
        CompletableFuture<Signature> pending = CompletableFuture.supplyAsync(
                () -> signer.sign("binance-main", "binance", input, Scope.TRADE));
        Thread.sleep(200);
        assertThat(pending).isNotDone();
        signer.bindKeyRing(vault.keyRing());
        assertThat(pending.get(5, TimeUnit.SECONDS).value())
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void aCallWaitingInASignerWhoseBundleStopsIsWokenAtOnceToRetryElsewhere() throws Exception {
        signer.setWaitMillis(10_000);
        // the bundle stops: its schemes go first, then the signer itself is deactivated
        shipped.forEach(signer::unbindScheme);
        SignatureInput input = new SignatureInput("POST", "/api/v3/order", BINANCE_QUERY, null, null, null);
        CompletableFuture<Signature> pending = CompletableFuture.supplyAsync(
                () -> signer.sign("binance-main", "binance", input, Scope.TRADE));
        Thread.sleep(200);
        assertThat(pending).isNotDone();
        long start = System.nanoTime();
        signer.deactivate();
        assertThatThrownBy(() -> pending.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sign again with the current Signer service");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        // and a later call on the stopped signer is refused the same way, without waiting
        signer.unbindKeyRing(vault.keyRing());
        assertThatThrownBy(() -> signer.sign("binance-main", "binance", input, Scope.TRADE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyRingSigningFailsClearlyAfterTheWait() {
        signer.unbindKeyRing(vault.keyRing());
        long start = System.nanoTime();
        assertThatThrownBy(() -> signer.sign("binance-main", "binance", new SignatureInput("GET", "/", "", null, null,
                null), Scope.TRADE)).isInstanceOf(KeyUnavailableException.class)
                .hasMessage("cannot sign with key 'binance-main': the key ring (bundle io.cambist.security.vault) is not "
                        + "available (waited 300 ms): check that its bundle is active");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(290);
    }

    @Test
    void aCallThatFailsBecauseItsKeyRingWasReplacedIsRetriedOnTheReplacement() {
        KeyRing closing = (KeyRing) java.lang.reflect.Proxy.newProxyInstance(KeyRing.class.getClassLoader(),
                new Class<?>[] {KeyRing.class}, (proxy, method, args) -> {
                    // the old vault instance being deactivated: SCR has already unbound it
                    signer.unbindKeyRing((KeyRing) proxy);
                    signer.bindKeyRing(vault.keyRing());
                    throw new IllegalStateException("the vault is closed");
                });
        signer.unbindKeyRing(vault.keyRing());
        signer.bindKeyRing(closing);
        Signature s = signer.sign("binance-main", "binance", new SignatureInput("POST", "/api/v3/order", BINANCE_QUERY,
                null, null, null), Scope.TRADE);
        assertThat(s.value()).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void aKeyWithoutTheScopeCannotSign() {
        assertThatThrownBy(() -> signer.sign("binance-main", "binance", new SignatureInput("GET", "/", "", null, null,
                null), Scope.ADMIN)).isInstanceOf(KeyUnavailableException.class)
                .hasMessage("key 'binance-main' is not allowed scope admin (it has trade)");
    }

    /** A scheme from "another bundle": the body as is, lowercase hex, hex-encoded secrets (RFC 4231 keys). */
    static class HexScheme implements SignatureScheme {
        private final String name;
        private final String algorithm;

        HexScheme(String name, String algorithm) {
            this.name = name;
            this.algorithm = algorithm;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String algorithm() {
            return algorithm;
        }

        @Override
        public KeyEncoding keyEncoding() {
            return KeyEncoding.HEX;
        }

        @Override
        public byte[] message(SignatureInput input) {
            return input.body();
        }

        @Override
        public String encode(byte[] mac) {
            return Codecs.hex(mac);
        }

        @Override
        public byte[] decode(String signature) {
            return Codecs.unhex(signature);
        }
    }
}
