package io.cambist.admin.internal.rest;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey's own HTTP errors (no such path, wrong method, wrong media type) as JSON errors that say what to do. */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof ApiException api) {
            return ErrorResponses.of(api.status(), api.body().error(), api.body().detail());
        }
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        String error = Response.Status.fromStatusCode(status) == null ? "error"
                : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase(Locale.ROOT);
        String detail;
        if (e instanceof NotFoundException) {
            detail = "no such endpoint or item; the endpoints are listed at GET /api/v1/openapi.json";
        } else if (e instanceof NotAllowedException) {
            Set<String> allowed = new TreeSet<>(r.getAllowedMethods());
            detail = "this path does not take that method; allowed: " + String.join(", ", allowed);
        } else if (e instanceof NotSupportedException) {
            detail = "unsupported Content-Type: send JSON as application/json and bundle jars as application/java-archive";
        } else if (e instanceof NotAcceptableException) {
            detail = "this endpoint answers application/json (reports also text/html); adjust the Accept header";
        } else {
            detail = ErrorResponses.message(e, error);
            if (detail.startsWith("HTTP " + status)) {
                detail = error;
            }
        }
        Response.ResponseBuilder b = Response.status(status).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, detail));
        if (r != null && r.getHeaderString("Allow") != null) {
            b.header("Allow", r.getHeaderString("Allow"));
        }
        return b.build();
    }
}
