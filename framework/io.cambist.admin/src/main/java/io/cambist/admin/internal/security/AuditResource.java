package io.cambist.admin.internal.security;

import java.util.List;

import io.cambist.admin.internal.rest.Params;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.AuditRecord;
import io.cambist.api.security.AuditVerification;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /audit}: read the hash-chained audit log and check it for tampering. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /**
     * A page of the audit log.
     *
     * @param lastSequence the sequence of the newest record
     * @param records      the records, oldest first
     */
    public record Page(long lastSequence, List<AuditRecord> records) {
    }

    private final ServiceSource<AuditLog> auditLog;

    public AuditResource(ServiceSource<AuditLog> auditLog) {
        this.auditLog = auditLog;
    }

    /** Records from {@code from} (default: the newest {@code limit}), at most {@code limit} (default 100, at most 1000). */
    @GET
    public Page read(@QueryParam("from") String from, @QueryParam("limit") String limit) {
        AuditLog log = auditLog.require();
        int n = (int) Params.longParam("limit", limit, 100, 1, 1000);
        long last = log.lastSequence();
        long first = Params.longParam("from", from, Math.max(1, last - n + 1), 1, Long.MAX_VALUE);
        return new Page(last, log.read(first, n));
    }

    @GET
    @Path("verify")
    public AuditVerification verify() {
        return auditLog.require().verify();
    }
}
