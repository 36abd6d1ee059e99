package io.cambist.strategy.signal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /webhooks/signal/{botId}}: reads the body within the size limit (413 beyond it) and hands the alert to
 * the {@link WebhookHandler}; the answer is always JSON.
 */
@Path("signal")
public class WebhookResource {

    private final WebhookHandler handler;
    private final IntSupplier maxBodyBytes;

    @Context
    private HttpServletRequest servletRequest;

    WebhookResource(WebhookHandler handler, IntSupplier maxBodyBytes) {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    @POST
    @Path("{botId}")
    public Response post(@PathParam("botId") String botId, @Context HttpHeaders headers, @Context UriInfo uri,
            InputStream body) {
        int limit = maxBodyBytes.getAsInt();
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        byte[] bytes;
        try {
            if (declared != null && Long.parseLong(declared.trim()) > limit) {
                return tooLarge(limit);
            }
            bytes = read(body, limit);
        } catch (NumberFormatException e) {
            return json(WebhookAnswer.refused(400, "malformed request", "Content-Length is not a number"));
        } catch (TooLarge e) {
            return tooLarge(limit);
        } catch (IOException e) {
            return json(WebhookAnswer.refused(400, "malformed request", "the body could not be read completely"));
        }
        URI u = uri.getRequestUri();
        String pathAndQuery = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                h.put(name, values.get(0));
            }
        });
        return json(handler.handle(botId, "POST", pathAndQuery, h, bytes, remoteAddress()));
    }

    static Response json(WebhookAnswer answer) {
        Response.ResponseBuilder r = Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(AlertJson.write(answer.body()));
        Object retry = answer.body().get("retryAfterSeconds");
        return (retry == null ? r : r.header(HttpHeaders.RETRY_AFTER, retry)).build();
    }

    private static Response tooLarge(int limit) {
        return json(WebhookAnswer.refused(413, "body too large", "an alert body may have at most " + limit + " bytes"));
    }

    private static byte[] read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        if (in == null) {
            return out.toByteArray();
        }
        byte[] buffer = new byte[4096];
        int total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new TooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            // outside a servlet container (Jersey in memory) there is no servlet request behind the proxy
            return null;
        }
    }

    /** The body passed the limit. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large", null);
        }
    }
}
