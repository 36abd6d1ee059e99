package io.cambist.exchange.kraken.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.Signer;
import io.cambist.connector.ServiceHolder;
import io.cambist.testkit.TestSigner;

/**
 * Signing through the vault's {@code Signer}, checked against the example of Kraken's "Spot REST authentication"
 * guide (docs.kraken.com/api/docs/guides/spot-rest-auth): that secret, nonce 1616492376594 and that AddOrder body give
 * the documented API-Sign.
 */
class KrakenSignerTest {

    private static final String DOC_SECRET = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private static final String DOC_BODY = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
    private static final String DOC_SIGNATURE = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

    private final TestSigner testSigner = new TestSigner().key("kraken-doc", "docApiKey", DOC_SECRET);
    private final ServiceHolder<Signer> signers = new ServiceHolder<>();
    private final ServiceHolder<NonceGenerator> nonces = new ServiceHolder<>();

    private KrakenSigner signer(String alias) {
        return new KrakenSigner("kraken-doc", alias, signers, nonces, Duration.ofMillis(100));
    }

    @Test
    void documentedExampleSignature() {
        signers.bind(testSigner);
        Signature s = signer("kraken-doc").sign("/0/private/AddOrder", "1616492376594",
                DOC_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(s.value()).isEqualTo(DOC_SIGNATURE);
        assertThat(s.publicId()).isEqualTo("docApiKey");
        TestSigner.Call call = testSigner.calls().get(0);
        assertThat(call.keyAlias()).isEqualTo("kraken-doc");
        assertThat(call.scheme()).isEqualTo("kraken");
        assertThat(call.scope()).isEqualTo(Scope.TRADE);
        assertThat(call.input().method()).isEqualTo("POST");
        assertThat(call.input().nonce()).isEqualTo("1616492376594");
    }

    @Test
    void noncesComeFromTheGeneratorForTheKeyAlias() {
        AtomicLong last = new AtomicLong(100);
        java.util.List<String> aliases = new java.util.ArrayList<>();
        nonces.bind(alias -> {
            aliases.add(alias);
            return last.incrementAndGet();
        });
        assertThat(signer("kraken-doc").nonce()).isEqualTo(101);
        assertThat(signer("kraken-doc").nonce()).isEqualTo(102);
        assertThat(aliases).containsOnly("kraken-doc");
    }

    @Test
    void missingServicesAndKeysAreClearErrors() {
        assertThatThrownBy(() -> signer("kraken-doc").nonce()).isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("NonceGenerator");
        assertThatThrownBy(() -> signer("kraken-doc").sign("/0/private/Balance", "1", new byte[0]))
                .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("Signer");
        assertThatThrownBy(() -> signer("").nonce()).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("keyAlias");
        signers.bind(testSigner);
        assertThatThrownBy(() -> signer("unknown").sign("/0/private/Balance", "1", new byte[0]))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("unknown");
        signers.bind(new TestSigner().key("kraken-doc", "", DOC_SECRET));
        assertThatThrownBy(() -> signer("kraken-doc").sign("/0/private/Balance", "1", new byte[0]))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("public id");
    }
}
