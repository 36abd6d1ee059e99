package io.cambist.exchange.binance.internal.http;

import java.time.Duration;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;

/** Maps Binance error codes (errors.md) to the API's typed exceptions, keeping the code and Binance's message. */
public final class BinanceErrors {

    private BinanceErrors() {
    }

    /**
     * The exception for an error answer.
     *
     * @param code       Binance's code, or 0 when the body had none
     * @param msg        Binance's message, or {@code null}
     * @param httpStatus the HTTP status
     * @param what       the request, e.g. {@code POST /api/v3/order}
     */
    public static ExchangeException map(int code, String msg, int httpStatus, String what) {
        String venueCode = code == 0 ? null : Integer.toString(code);
        String text = "binance refused " + what + ": " + (msg == null || msg.isBlank() ? "HTTP " + httpStatus : msg)
                + (code == 0 ? "" : " (" + code + ")");
        switch (code) {
            case -1021:
                return new InvalidTimestampException(text + "; the connector re-measures the server time offset, "
                        + "retry the request", venueCode);
            case -1022:
                return new AuthenticationException(text + "; check that the vault key matches the API key at Binance",
                        venueCode);
            case -2014:
            case -2015:
                return new AuthenticationException(text + "; check the API key, its IP whitelist and its permissions",
                        venueCode);
            case -1003:
            case -1015:
                return new RateLimitException(text, venueCode, Duration.ofSeconds(10));
            case -2010:
                return new OrderRejectedException(text, venueCode);
            case -2013:
                return new OrderNotFoundException(text, venueCode);
            case -2011:
                return msg != null && msg.toLowerCase(java.util.Locale.ROOT).contains("unknown order")
                        ? new OrderNotFoundException(text, venueCode)
                        : new OrderRejectedException(text, venueCode);
            case -1013:
            case -1100:
            case -1102:
            case -1111:
            case -1121:
            case -2026:
                return new OrderRejectedException(text, venueCode);
            case -1000:
            case -1001:
            case -1006:
            case -1007:
            case -1008:
                return new ExchangeUnavailableException(text + "; the outcome is unknown", venueCode);
            default:
                if (httpStatus == 401 || httpStatus == 403 && code == 0) {
                    return new AuthenticationException(text, venueCode);
                }
                return httpStatus >= 500 ? new ExchangeUnavailableException(text, venueCode)
                        : new ExchangeException(text, venueCode);
        }
    }
}
