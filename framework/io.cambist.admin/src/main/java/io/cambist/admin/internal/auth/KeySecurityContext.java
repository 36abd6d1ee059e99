package io.cambist.admin.internal.auth;

import java.security.Principal;
import java.util.Set;

import io.cambist.api.security.Scope;
import jakarta.ws.rs.core.SecurityContext;

/** The verified caller of a request: the key id it was signed with and that key's scopes. */
public record KeySecurityContext(String keyId, Set<Scope> scopes, boolean secure) implements SecurityContext {

    /** The authentication scheme name. */
    public static final String SCHEME = "CAMBIST-HMAC";

    @Override
    public Principal getUserPrincipal() {
        return () -> keyId;
    }

    @Override
    public boolean isUserInRole(String role) {
        try {
            return scopes.contains(Scope.parse(role));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }

    /** The actor name of a request for audit records and logs: the key id, or {@code anonymous}. */
    public static String actor(SecurityContext context) {
        return context != null && context.getUserPrincipal() != null ? context.getUserPrincipal().getName() : "anonymous";
    }
}
