package io.cambist.exchange.kraken.internal.http;

import java.time.Duration;
import java.util.List;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;

/**
 * Maps Kraken's error strings ({@code Category:Message}, docs.kraken.com "Spot errors") to the API's typed
 * exceptions, keeping Kraken's string as the venue code.
 */
public final class KrakenErrors {

    private KrakenErrors() {
    }

    /**
     * The exception for an error answer.
     *
     * @param errors     Kraken's error strings (the first decides)
     * @param httpStatus the HTTP status
     * @param what       the request, e.g. {@code POST /0/private/AddOrder}
     * @param retryAfter the wait to report for a rate limit
     */
    public static ExchangeException map(List<String> errors, int httpStatus, String what, Duration retryAfter) {
        String code = errors.isEmpty() ? "HTTP " + httpStatus : errors.get(0);
        String text = "kraken refused " + what + ": " + String.join(", ", errors.isEmpty() ? List.of(code) : errors);
        if (code.startsWith("EAPI:Invalid nonce")) {
            return new InvalidTimestampException(text + "; the nonce was not above the last one Kraken accepted for this "
                    + "key: another client may use the same API key (give each bot its own key), retry the request",
                    code);
        }
        if (code.startsWith("EAPI:Invalid key") || code.startsWith("EAPI:Invalid signature")) {
            return new AuthenticationException(text + "; check that the vault key's public id is the Kraken API key and"
                    + " its secret the matching private key", code);
        }
        if (code.startsWith("EGeneral:Permission denied") || code.startsWith("EAPI:Invalid permissions")) {
            return new AuthenticationException(text + "; give the API key the permissions it needs (query funds, "
                    + "query and create orders, websocket access)", code);
        }
        if (code.startsWith("EGeneral:Temporary lockout")) {
            return new AuthenticationException(text + "; too many invalid keys or signatures were sent: fix the key, "
                    + "then wait for the lockout to end", code);
        }
        if (code.startsWith("EAPI:Rate limit exceeded") || code.startsWith("EOrder:Rate limit exceeded")
                || code.startsWith("EGeneral:Too many requests") || httpStatus == 429) {
            return new RateLimitException(text, code, retryAfter);
        }
        if (code.startsWith("EOrder:Unknown order") || code.startsWith("EOrder:Invalid order")) {
            return new OrderNotFoundException(text, code);
        }
        if (code.startsWith("EService:Market in")) {
            return new OrderRejectedException(text, code);
        }
        if (code.startsWith("EOrder:") || code.startsWith("EGeneral:Invalid arguments")
                || code.startsWith("EFunding:")) {
            return new OrderRejectedException(text, code);
        }
        if (code.startsWith("EService:") || code.startsWith("EGeneral:Internal error") || httpStatus >= 500) {
            return new ExchangeUnavailableException(text + "; the outcome is unknown", code);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new AuthenticationException(text, code);
        }
        return new ExchangeException(text, code);
    }
}
