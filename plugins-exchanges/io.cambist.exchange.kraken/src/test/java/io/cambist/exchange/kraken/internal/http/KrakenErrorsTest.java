package io.cambist.exchange.kraken.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;

/** Kraken's error strings (docs.kraken.com "Spot errors") map to the API's typed exceptions. */
class KrakenErrorsTest {

    private ExchangeException map(String error) {
        return KrakenErrors.map(List.of(error), 200, "POST /0/private/AddOrder", Duration.ofSeconds(3));
    }

    @Test
    void authenticationAndNonce() {
        assertThat(map("EAPI:Invalid nonce")).isInstanceOf(InvalidTimestampException.class)
                .hasMessageContaining("another client").extracting(ExchangeException::isRetryable).isEqualTo(true);
        assertThat(map("EAPI:Invalid key")).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(map("EAPI:Invalid signature")).isExactlyInstanceOf(AuthenticationException.class)
                .hasMessageContaining("public id");
        assertThat(map("EGeneral:Permission denied")).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(map("EGeneral:Temporary lockout")).isExactlyInstanceOf(AuthenticationException.class);
    }

    @Test
    void rateLimits() {
        ExchangeException e = map("EAPI:Rate limit exceeded");
        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) e).retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(map("EOrder:Rate limit exceeded")).isInstanceOf(RateLimitException.class);
        assertThat(KrakenErrors.map(List.of(), 429, "x", Duration.ofSeconds(1))).isInstanceOf(RateLimitException.class);
    }

    @Test
    void ordersAndServices() {
        assertThat(map("EOrder:Unknown order")).isInstanceOf(OrderNotFoundException.class);
        assertThat(map("EOrder:Insufficient funds")).isInstanceOf(OrderRejectedException.class)
                .extracting(ExchangeException::venueCode).isEqualTo("EOrder:Insufficient funds");
        assertThat(map("EOrder:Order minimum not met")).isInstanceOf(OrderRejectedException.class);
        assertThat(map("EGeneral:Invalid arguments:volume")).isInstanceOf(OrderRejectedException.class);
        assertThat(map("EService:Market in cancel_only mode")).isInstanceOf(OrderRejectedException.class);
        assertThat(map("EService:Unavailable")).isInstanceOf(ExchangeUnavailableException.class)
                .extracting(ExchangeException::isRetryable).isEqualTo(true);
        assertThat(map("EService:Busy")).isInstanceOf(ExchangeUnavailableException.class);
        assertThat(map("EGeneral:Internal error")).isInstanceOf(ExchangeUnavailableException.class);
        assertThat(KrakenErrors.map(List.of(), 502, "x", Duration.ZERO)).isInstanceOf(ExchangeUnavailableException.class);
        assertThat(map("EQuery:Unknown asset pair")).isExactlyInstanceOf(ExchangeException.class)
                .hasMessageContaining("EQuery:Unknown asset pair");
    }
}
