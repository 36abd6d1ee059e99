package io.cambist.admin.internal.rest;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything nobody expected: 500 with a reference to the one log line that holds the stack trace. The response never
 * carries the exception's message or trace, which might hold internals.
 */
@Provider
public class LastResortMapper implements ExceptionMapper<Throwable> {

    private final Logger logger = LoggerFactory.getLogger(LastResortMapper.class);

    @Override
    public Response toResponse(Throwable t) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        logger.error("admin API request failed unexpectedly (reference {})", reference, t);
        return ErrorResponses.of(500, "internal error",
                "the request failed inside the container; the server log has the details under reference " + reference);
    }
}
