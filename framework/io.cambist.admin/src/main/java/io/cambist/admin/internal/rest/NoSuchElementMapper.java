package io.cambist.admin.internal.rest;

import java.util.NoSuchElementException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Something the request names does not exist: 404 with what it was. */
@Provider
public class NoSuchElementMapper implements ExceptionMapper<NoSuchElementException> {

    @Override
    public Response toResponse(NoSuchElementException e) {
        return ErrorResponses.of(404, "not found", ErrorResponses.message(e, "the requested item does not exist"));
    }
}
