package io.cambist.admin.internal.auth;

import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.AdminConstants;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditLog;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Writes one audit record for every verified change made through the API (any method but GET and HEAD): who, what
 * path, and the status it got. Bodies are never recorded. Refused requests are audited by the verifier.
 */
@Priority(Priorities.USER)
public class AuditFilter implements ContainerResponseFilter {

    private final Logger logger = LoggerFactory.getLogger(AuditFilter.class);
    private final ServiceSource<AuditLog> auditLog;

    public AuditFilter(ServiceSource<AuditLog> auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object actor = request.getProperty(AdminConstants.ACTOR);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (actor == null || method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        int status = response.getStatus();
        AuditLog log = auditLog.get();
        if (log == null) {
            logger.warn("audit log unavailable: not recorded: {} {} by {} -> {}", method, path, actor, status);
            return;
        }
        try {
            log.append(new AuditEvent("admin." + method.toLowerCase(Locale.ROOT), actor.toString(), path,
                    status < 400 ? "ok" : "failed", Map.of("status", Integer.toString(status))));
        } catch (RuntimeException e) {
            logger.warn("could not audit {} {} by {}: {}", method, path, actor, e.toString());
        }
    }
}
