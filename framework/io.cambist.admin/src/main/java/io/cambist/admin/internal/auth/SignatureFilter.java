package io.cambist.admin.internal.auth;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.AdminConstants;
import io.cambist.admin.internal.AdminSettings;
import io.cambist.admin.internal.rest.ApiError;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.security.RequestVerifier;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Lets through only requests signed with a valid key that has the needed scope ({@code read} for GET and HEAD,
 * {@code admin} for anything else); {@code GET /health} is the one open door. The body is read once (within the size
 * limit), handed to the {@link RequestVerifier} and then to the resource unchanged. With no verifier the filter waits a
 * bounded time for one and then fails closed with 503.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class SignatureFilter implements ContainerRequestFilter {

    private final Logger logger = LoggerFactory.getLogger(SignatureFilter.class);
    private final ServiceSource<RequestVerifier> verifier;
    private final Supplier<AdminSettings> settings;

    @Context
    private HttpServletRequest servletRequest;

    public SignatureFilter(ServiceSource<RequestVerifier> verifier, Supplier<AdminSettings> settings) {
        this.verifier = verifier;
        this.settings = settings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read && isHealth(request.getUriInfo().getPath())) {
            return;
        }
        AdminSettings limits = settings.get();
        byte[] body = BodyReader.read(request, limits);
        request.setEntityStream(new ByteArrayInputStream(body));

        URI uri = request.getUriInfo().getRequestUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        SignedRequest signed = new SignedRequest(method, pathAndQuery, cambistHeaders(request), body, remoteAddress());
        Scope required = read ? Scope.READ : Scope.ADMIN;

        RequestVerifier v = verifier.await(limits.verifierWaitMillis());
        if (v == null) {
            abort(request, 503, verifier.name() + " unavailable", "signed requests cannot be checked: " + verifier.provider()
                    + " provides the verifier and is not active (being updated, or not installed); retry shortly");
            return;
        }
        Verification result;
        try {
            result = v.verify(signed, required);
        } catch (RuntimeException e) {
            logger.warn("the request verifier failed on {} {}: {}", method, uri.getRawPath(), e.toString());
            abort(request, 503, "request verification failed", "the request verifier failed inside "
                    + verifier.provider() + "; the server log has the reason");
            return;
        }
        if (result instanceof Verification.Verified ok) {
            request.setProperty(AdminConstants.ACTOR, ok.keyId());
            request.setSecurityContext(new KeySecurityContext(ok.keyId(), ok.scopes(), "https".equals(uri.getScheme())));
        } else if (result instanceof Verification.Refused refused) {
            int status = refused.status() >= 400 && refused.status() < 600 ? refused.status() : 401;
            abort(request, status, refused.reason(), guidance(status));
        } else {
            abort(request, 401, "request not verified", guidance(401));
        }
    }

    static boolean isHealth(String relativePath) {
        String p = relativePath == null ? "" : relativePath;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals("health");
    }

    static String guidance(int status) {
        return switch (status) {
            case 401 -> "sign every request with an admin API key: headers X-Cambist-Key, X-Cambist-Timestamp (epoch ms), "
                    + "X-Cambist-Nonce (fresh, 16-64 of [A-Za-z0-9_-]) and X-Cambist-Signature; see docs/admin-api.md "
                    + "or use 'cambist api', which signs for you";
            case 403 -> "the key is valid but lacks the scope this request needs (read for GET, admin for changes); "
                    + "use a key that has it";
            case 503 -> "the security services are not available right now; retry shortly";
            default -> "the request was refused";
        };
    }

    private static Map<String, String> cambistHeaders(ContainerRequestContext request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-cambist-") && values != null && !values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            // outside a servlet container (tests, other runtimes) there is no servlet request behind the proxy
            return null;
        }
    }

    private static void abort(ContainerRequestContext request, int status, String error, String detail) {
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, detail))
                .build());
    }
}
