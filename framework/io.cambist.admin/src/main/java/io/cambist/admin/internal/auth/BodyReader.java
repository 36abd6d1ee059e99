package io.cambist.admin.internal.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import io.cambist.admin.internal.AdminSettings;
import io.cambist.admin.internal.rest.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Reads a request body once, refusing with 413 anything over the limit for its media type before it is all in memory. */
public final class BodyReader {

    private static final byte[] EMPTY = new byte[0];

    private BodyReader() {
    }

    /** True for the media types bundle jars are sent as. */
    public static boolean isJar(MediaType type) {
        return type != null && "application".equalsIgnoreCase(type.getType())
                && ("java-archive".equalsIgnoreCase(type.getSubtype()) || "octet-stream".equalsIgnoreCase(type.getSubtype())
                        || "x-java-archive".equalsIgnoreCase(type.getSubtype()));
    }

    /** The whole body, or a 413 / 400. */
    public static byte[] read(ContainerRequestContext request, AdminSettings settings) {
        boolean jar = isJar(request.getMediaType());
        long limit = jar ? settings.maxJarBytes() : settings.maxJsonBytes();
        String what = jar ? "bundle jars" : "JSON bodies";
        long declared = declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        if (declared > limit) {
            throw ApiException.tooLarge(limit, what);
        }
        if (!request.hasEntity()) {
            return EMPTY;
        }
        try {
            return readLimited(request.getEntityStream(), limit, what);
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read completely (" + e.getClass().getSimpleName() + ")");
        }
    }

    static byte[] readLimited(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw ApiException.tooLarge(limit, what);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static long declaredLength(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Content-Length '" + header + "' is not a number");
        }
    }
}
