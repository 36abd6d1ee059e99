package io.cambist.strategy.signal.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.Application;

/** The webhook application's resource and mapper in Jersey, in memory, with requests built like the HTTP ones. */
final class InMemoryWebhook {

    private static final URI BASE = URI.create("http://127.0.0.1:8080/webhooks/");
    /** Jersey's "resource is not a provider" warnings (G14) are noise here; keep the logger so the level sticks. */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish");

    static {
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ApplicationHandler handler;

    InMemoryWebhook(WebhookHandler webhook, int maxBodyBytes) {
        Set<Object> singletons = Set.of(new WebhookResource(webhook, () -> maxBodyBytes), new WebhookExceptionMapper());
        this.handler = new ApplicationHandler(new Application() {
            @Override
            @SuppressWarnings("deprecation")
            public Set<Object> getSingletons() {
                return singletons;
            }

            @Override
            public Map<String, Object> getProperties() {
                return Map.of("jersey.config.server.wadl.disableWadl", true, "jersey.config.disableAutoDiscovery", true);
            }
        });
    }

    /** A response. */
    record Reply(int status, String contentType, String retryAfter, String text) {
        JsonNode json() {
            try {
                return AlertJson.MAPPER.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }
    }

    Reply post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        URI uri = BASE.resolve(path);
        ContainerRequest request = new ContainerRequest(BASE, uri, method, null, new MapPropertiesDelegate(), null);
        headers.forEach(request::header);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            request.header("Content-Type", "application/json");
            if (!headers.containsKey("Content-Length")) {
                request.header("Content-Length", Integer.toString(bytes.length));
            }
            request.setEntityStream(new ByteArrayInputStream(bytes));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ContainerResponse response = handler.apply(request, out).get(30, TimeUnit.SECONDS);
            Object type = response.getHeaderString("Content-Type");
            return new Reply(response.getStatus(), type == null ? null : type.toString(),
                    response.getHeaderString("Retry-After"), out.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        }
    }
}
