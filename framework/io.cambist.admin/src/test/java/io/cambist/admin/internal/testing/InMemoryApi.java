package io.cambist.admin.internal.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.rest.Json;
import jakarta.ws.rs.core.Application;

/** Runs a set of resources and providers in Jersey, in memory, with requests built like the HTTP ones. */
public final class InMemoryApi {

    private static final URI BASE = URI.create("http://127.0.0.1:8080/api/v1/");
    /** Jersey's "resource is not a provider" warnings (G14) are noise here; keep the logger so the level sticks. */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish");

    static {
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ApplicationHandler handler;
    private Signer signer;

    public InMemoryApi(Set<Object> singletons) {
        Application app = new Application() {
            @Override
            @SuppressWarnings("deprecation")
            public Set<Object> getSingletons() {
                return singletons;
            }

            @Override
            public Map<String, Object> getProperties() {
                return Map.of("jersey.config.server.wadl.disableWadl", true, "jersey.config.disableAutoDiscovery", true);
            }
        };
        this.handler = new ApplicationHandler(app);
    }

    /** Signs every following request (or not, with {@code null}). */
    public InMemoryApi signWith(Signer s) {
        this.signer = s;
        return this;
    }

    /** Adds the X-Cambist headers to a request. */
    @FunctionalInterface
    public interface Signer {
        Map<String, String> headers(String method, String pathAndQuery, byte[] body);
    }

    public Reply get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    public Reply json(String method, String path, String json) {
        return send(method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Reply send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        URI uri = BASE.resolve(relative);
        ContainerRequest request = new ContainerRequest(BASE, uri, method, null, new MapPropertiesDelegate(), null);
        Map<String, String> all = new LinkedHashMap<>();
        if (signer != null) {
            String pq = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            all.putAll(signer.headers(method, pq, body == null ? new byte[0] : body));
        }
        all.putAll(headers);
        all.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null) {
            if (!headers.containsKey("Content-Length")) {
                request.header("Content-Length", Integer.toString(body.length));
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ContainerResponse response = handler.apply(request, out).get(30, TimeUnit.SECONDS);
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.getStringHeaders().forEach((k, v) -> responseHeaders.put(k, String.join(",", v)));
            return new Reply(response.getStatus(), responseHeaders, out.toByteArray());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        }
    }

    /** A response. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
