package io.cambist.admin.internal.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The request conflicts with the current state: 409 with the reason. */
@Provider
public class IllegalStateMapper implements ExceptionMapper<IllegalStateException> {

    @Override
    public Response toResponse(IllegalStateException e) {
        return ErrorResponses.of(409, "conflict", ErrorResponses.message(e, "the request conflicts with the current state"));
    }
}
