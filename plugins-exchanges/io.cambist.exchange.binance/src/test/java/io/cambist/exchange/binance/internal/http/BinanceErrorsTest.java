package io.cambist.exchange.binance.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;

/** errors.md codes to the API's exceptions. */
class BinanceErrorsTest {

    private static ExchangeException map(int code, String msg, int http) {
        return BinanceErrors.map(code, msg, http, "POST /api/v3/order");
    }

    @Test
    void codesMapToTypedExceptionsKeepingCodeAndMessage() {
        ExchangeException ts = map(-1021, "Timestamp for this request is outside of the recvWindow.", 400);
        assertThat(ts).isInstanceOf(InvalidTimestampException.class).hasMessageContaining("outside of the recvWindow")
                .hasMessageContaining("(-1021)");
        assertThat(ts.venueCode()).isEqualTo("-1021");
        assertThat(ts.isRetryable()).isTrue();
        assertThat(map(-1022, "Signature for this request is not valid.", 400)).isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(InvalidTimestampException.class);
        assertThat(map(-2015, "Invalid API-key, IP, or permissions for action.", 401)).isInstanceOf(AuthenticationException.class);
        assertThat(map(-2014, "API-key format invalid.", 401)).isInstanceOf(AuthenticationException.class);
        assertThat(map(-2010, "Account has insufficient balance for requested action.", 400))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("insufficient balance");
        assertThat(map(-2013, "Order does not exist.", 400)).isInstanceOf(OrderNotFoundException.class);
        assertThat(map(-2011, "Unknown order sent.", 400)).isInstanceOf(OrderNotFoundException.class);
        assertThat(map(-2011, "Order was canceled or expired.", 400)).isInstanceOf(OrderRejectedException.class);
        assertThat(map(-1003, "Too much request weight used", 429)).isInstanceOf(RateLimitException.class);
        assertThat(map(-1013, "Filter failure: LOT_SIZE", 400)).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("LOT_SIZE");
        assertThat(map(-1001, "Internal error; unable to process your request. Please try again.", 503))
                .isInstanceOf(ExchangeUnavailableException.class);
        assertThat(map(0, null, 502)).isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("HTTP 502");
        assertThat(map(-1104, "Not all sent parameters were read.", 400)).isExactlyInstanceOf(ExchangeException.class);
    }
}
