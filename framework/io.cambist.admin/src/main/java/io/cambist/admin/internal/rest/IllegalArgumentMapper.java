package io.cambist.admin.internal.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request the API or a service found invalid: 400 with the reason. */
@Provider
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return ErrorResponses.of(400, "bad request", ErrorResponses.message(e, "the request is invalid"));
    }
}
