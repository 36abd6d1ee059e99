package io.cambist.admin.internal.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /openapi.json}: the OpenAPI 3 description of this API (a file kept true by a test against the resources). */
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {

    /** Where the document lives on the class path. */
    public static final String DOCUMENT = "/io/cambist/admin/internal/rest/openapi.json";

    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + DOCUMENT);
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DOCUMENT, e);
        }
    }

    @GET
    public Response get() {
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
