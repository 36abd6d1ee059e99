package io.cambist.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignatureInput;
import io.cambist.api.security.Signer;
import io.cambist.connector.ServiceHolder;
import io.cambist.testkit.TestSigner;

/** Signing goes through the vault with scope trade; every refusal says what to fix. */
class AliasSignerTest {

    private static final SignatureInput INPUT = new SignatureInput("GET", "/api/v3/account", "timestamp=1", null, null, "1");

    private final TestSigner vault = new TestSigner().key("bn", "PUBLIC-ID", "secret");
    private final ServiceHolder<Signer> signers = new ServiceHolder<>();

    private AliasSigner signer(String alias, String scheme, Duration wait) {
        return new AliasSigner(signers, "account acc", alias, scheme, "Binance API key", wait);
    }

    @Test
    void signsWithTheAliasSchemeAndTradeScope() {
        signers.bind(vault);
        assertThat(signer("bn", "binance", Duration.ZERO).sign(INPUT).publicId()).isEqualTo("PUBLIC-ID");
        assertThat(vault.calls()).singleElement().satisfies(c -> {
            assertThat(c.keyAlias()).isEqualTo("bn");
            assertThat(c.scheme()).isEqualTo("binance");
            assertThat(c.scope()).isEqualTo(Scope.TRADE);
            assertThat(c.input()).isEqualTo(INPUT);
        });
    }

    @Test
    void withoutASignerServiceTheCallWaitsThenIsUnavailable() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> signer("bn", "binance", Duration.ofMillis(150)).sign(INPUT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessage("no Signer service appeared within 150 ms for account acc: is the vault bundle running?");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aSignerStoppedDuringItsBundleUpdateIsRetriedOnTheReplacement() throws Exception {
        Signer stopped = (alias, scheme, input, scope) -> {
            throw new IllegalStateException("this Signer was stopped");
        };
        signers.bind(stopped);
        Thread update = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            signers.unbind(stopped);
            signers.bind(vault);
        });
        update.start();
        assertThat(signer("bn", "binance", Duration.ofSeconds(5)).sign(INPUT).publicId()).isEqualTo("PUBLIC-ID");
        update.join();
        assertThat(vault.calls()).hasSize(1);
    }

    @Test
    void aSignerThatStaysStoppedIsUnavailableAfterTheWait() {
        signers.bind((alias, scheme, input, scope) -> {
            throw new IllegalStateException("this Signer was stopped");
        });
        assertThatThrownBy(() -> signer("bn", "binance", Duration.ofMillis(100)).sign(INPUT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessage("no working Signer service within 100 ms for account acc: this Signer was stopped");
    }

    @Test
    void vaultRefusalsBecomeTheApisExceptions() {
        signers.bind(vault);
        assertThatThrownBy(() -> signer("unknown", "binance", Duration.ZERO).sign(INPUT))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("key 'unknown' of account acc cannot sign");
        vault.revoke("bn");
        assertThatThrownBy(() -> signer("bn", "binance", Duration.ZERO).sign(INPUT))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("revoked");
        vault.key("bn", "PUBLIC-ID", "secret");
        assertThatThrownBy(() -> signer("bn", "coinbase", Duration.ZERO).sign(INPUT))
                .isInstanceOf(ExchangeUnavailableException.class)
                .hasMessageContaining("the 'coinbase' signature scheme is not available");
        vault.key("bn", " ", "secret");
        assertThatThrownBy(() -> signer("bn", "binance", Duration.ZERO).sign(INPUT))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage("key 'bn' has no public id: store the Binance API key as the key's public id in the vault");
    }
}
