package io.cambist.exchange.binance.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.security.Scope;
import io.cambist.api.security.Signature;
import io.cambist.api.security.Signer;
import io.cambist.connector.ServiceHolder;
import io.cambist.testkit.TestSigner;

class BinanceSignerTest {

    private static final String QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
            + "&recvWindow=5000&timestamp=1499827319559";

    private final TestSigner vault = new TestSigner().key("bn", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
            "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
    private final ServiceHolder<Signer> holder = new ServiceHolder<>();

    @Test
    void signsThroughTheVaultWithTheBinanceSchemeAndTradeScope() {
        holder.bind(vault);
        Signature s = new BinanceSigner("acc", "bn", holder, Duration.ofMillis(10)).sign("POST", "/api/v3/order", QUERY,
                new byte[0], "1499827319559");
        // rest-api.md "SIGNED Endpoint Examples for POST /api/v3/order"
        assertThat(s.value()).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(s.publicId()).startsWith("vmPUZE6mv9");
        assertThat(vault.calls()).singleElement().satisfies(c -> {
            assertThat(c.keyAlias()).isEqualTo("bn");
            assertThat(c.scheme()).isEqualTo("binance");
            assertThat(c.scope()).isEqualTo(Scope.TRADE);
        });
    }

    @Test
    void refusesClearlyWithoutAliasKeyOrSigner() {
        holder.bind(vault);
        assertThatThrownBy(() -> new BinanceSigner("acc", "", holder, Duration.ZERO).sign("GET", "/", "", null, null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("no keyAlias");
        vault.revoke("bn");
        assertThatThrownBy(() -> new BinanceSigner("acc", "bn", holder, Duration.ZERO).sign("GET", "/", "", null, null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("revoked");
        holder.unbind(vault);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new BinanceSigner("acc", "bn", holder, Duration.ofMillis(200)).sign("GET", "/", "", null, null))
                .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("no Signer service");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void waitsForASignerThatArrivesDuringAnUpdate() throws Exception {
        CompletableFuture<Signature> f = CompletableFuture.supplyAsync(() -> new BinanceSigner("acc", "bn", holder,
                Duration.ofSeconds(5)).sign("GET", "/api/v3/account", "timestamp=1", null, "1"));
        Thread.sleep(100);
        assertThat(f).isNotDone();
        holder.bind(vault);
        assertThat(f.get(5, TimeUnit.SECONDS).publicId()).startsWith("vmPUZE6mv9");
    }
}
