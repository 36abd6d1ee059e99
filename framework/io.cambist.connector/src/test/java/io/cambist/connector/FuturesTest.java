package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.OrderNotFoundException;

/** Blocking callers see the venue's exception itself, never a wrapper. */
class FuturesTest {

    @Test
    void aFailureIsRethrownAsTheExceptionItIs() {
        OrderNotFoundException missing = new OrderNotFoundException("no order x", null);
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(missing), "kraken")).isSameAs(missing);
        assertThat(Futures.await(CompletableFuture.completedFuture("ok"), "kraken")).isEqualTo("ok");
    }

    @Test
    void aCheckedFailureBecomesUnavailableNamingTheVenue() {
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(new IOException("reset")), "kraken"))
                .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("kraken request failed")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void anInterruptedWaitIsUnavailableAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Futures.await(new CompletableFuture<>(), "binance"))
                    .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("interrupted while waiting for binance");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void unwrapFindsTheCauseInsideWrappers() {
        IOException cause = new IOException("x");
        assertThat(Futures.unwrap(new CompletionException(new ExecutionException(cause)))).isSameAs(cause);
        assertThat(Futures.unwrap(cause)).isSameAs(cause);
        assertThat(Futures.unwrap(null)).isNull();
    }
}
