package io.cambist.admin.internal.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error with its status and JSON body already decided; Jersey sends it as is. */
public class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError body;

    public ApiException(int status, String error, String detail) {
        super(detail, null, response(status, new ApiError(error, detail)));
        this.body = new ApiError(error, detail);
    }

    /** The JSON body. */
    public ApiError body() {
        return body;
    }

    /** The HTTP status. */
    public int status() {
        return getResponse().getStatus();
    }

    /** 400 with the reason. */
    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad request", detail);
    }

    /** 404 with the reason. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not found", detail);
    }

    /** 409 with the reason. */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail);
    }

    /** 413 with the limit. */
    public static ApiException tooLarge(long limit, String what) {
        return new ApiException(413, "payload too large",
                "the request body is larger than the " + limit + " bytes allowed for " + what
                        + "; the limits are set in the io.cambist.admin configuration");
    }

    /** 503 for a service that is not there. */
    public static ApiException unavailable(String service, String provider) {
        return new ApiException(503, service + " unavailable", "it is provided by " + provider
                + "; check that the bundle is installed and ACTIVE (GET /api/v1/bundles)");
    }

    static Response response(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
