package io.cambist.admin.internal.rest;

import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A venue's refusal reaching the admin API (e.g. cancelling an order): the nearest HTTP status and the venue's reason. */
@Provider
public class ExchangeExceptionMapper implements ExceptionMapper<ExchangeException> {

    @Override
    public Response toResponse(ExchangeException e) {
        String detail = ErrorResponses.message(e, "the venue refused the request");
        if (e instanceof OrderNotFoundException) {
            return ErrorResponses.of(404, "not found", detail);
        }
        if (e instanceof InvalidOrderException || e instanceof OrderRejectedException) {
            return ErrorResponses.of(400, "bad request", detail);
        }
        if (e instanceof RateLimitException) {
            return ErrorResponses.of(429, "venue rate limit", detail);
        }
        if (e instanceof ExchangeUnavailableException) {
            return ErrorResponses.of(503, "venue unavailable", detail);
        }
        return ErrorResponses.of(502, "venue error", detail);
    }
}
