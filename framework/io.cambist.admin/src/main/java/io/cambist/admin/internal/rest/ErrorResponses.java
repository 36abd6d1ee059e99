package io.cambist.admin.internal.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error responses of the exception mappers. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, detail)).build();
    }

    static String message(Throwable t, String fallback) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? fallback : m;
    }
}
