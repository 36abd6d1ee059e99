package io.cambist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cambist.api.security.KeyUnavailableException;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.SignatureInput;

class TestSignerTest {

    // binance-spot-api-docs rest-api.md, "SIGNED Endpoint Examples for POST /api/v3/order"
    private static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String DOC_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String DOC_PARAMS =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    private final TestSigner signer = new TestSigner().key("binance-main", DOC_KEY, DOC_SECRET);

    @Test
    void binanceQueryStringMatchesTheDocumentedSignature() {
        Signature s = signer.sign("binance-main", "binance",
                new SignatureInput("POST", "/api/v3/order", DOC_PARAMS, null, null, "1499827319559"), Scope.TRADE);
        assertThat(s.value()).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(s.publicId()).isEqualTo(DOC_KEY);
        assertThat(s.scheme()).isEqualTo("binance");
    }

    @Test
    void binanceMixedQueryAndBodyMatchesTheDocumentedSignature() {
        byte[] body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559".getBytes(StandardCharsets.UTF_8);
        Signature s = signer.sign("binance-main", "binance",
                new SignatureInput("POST", "/api/v3/order", "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", body,
                        null, null), Scope.TRADE);
        assertThat(s.value()).isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void hmacHelperAgreesWithTheSigner() {
        assertThat(Hmac.sha256Hex(DOC_SECRET, DOC_PARAMS))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void callsAreRecordedWithAliasSchemeAndScope() {
        signer.sign("binance-main", "binance", new SignatureInput("GET", "/x", "a=1", null, null, null), Scope.TRADE);
        assertThat(signer.calls()).singleElement().satisfies(c -> {
            assertThat(c.keyAlias()).isEqualTo("binance-main");
            assertThat(c.scheme()).isEqualTo("binance");
            assertThat(c.scope()).isEqualTo(Scope.TRADE);
            assertThat(c.input().query()).isEqualTo("a=1");
        });
    }

    @Test
    void unknownOrRevokedKeysCannotSign() {
        SignatureInput in = new SignatureInput("GET", "/x", "", null, null, null);
        assertThatThrownBy(() -> signer.sign("nope", "binance", in, Scope.TRADE)).isInstanceOf(KeyUnavailableException.class);
        signer.revoke("binance-main");
        assertThatThrownBy(() -> signer.sign("binance-main", "binance", in, Scope.TRADE))
                .isInstanceOf(KeyUnavailableException.class).hasMessageContaining("revoked");
        assertThatThrownBy(() -> signer.sign("binance-main", "nosuch", in, Scope.TRADE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void krakenSchemeSignsPathAndHashedNonceAndBody() {
        // the scheme is an oracle: recompute the documented formula by hand with the JDK
        String secret = java.util.Base64.getEncoder().encodeToString("kraken-test-secret".getBytes(StandardCharsets.UTF_8));
        signer.key("kraken-main", "kpub", secret);
        byte[] body = "nonce=1616492376594&ordertype=limit".getBytes(StandardCharsets.UTF_8);
        Signature s = signer.sign("kraken-main", "kraken",
                new SignatureInput("POST", "/0/private/AddOrder", "", body, "1616492376594", null), Scope.TRADE);
        byte[] expected;
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest(("1616492376594" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA512");
            mac.init(new javax.crypto.spec.SecretKeySpec("kraken-test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            mac.update("/0/private/AddOrder".getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        assertThat(s.value()).isEqualTo(java.util.Base64.getEncoder().encodeToString(expected));
    }
}
