package io.cambist.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The append-only, hash-chained audit trail under {@code data/audit/}. */
@ProviderType
public interface AuditLog {

    /** Appends a record (durably) and returns it. */
    AuditRecord append(AuditEvent event);

    /**
     * Reads records.
     *
     * @param fromSequence first sequence to return (1 for the start)
     * @param limit        at most this many
     */
    List<AuditRecord> read(long fromSequence, int limit);

    /** The sequence of the last record, 0 when empty. */
    long lastSequence();

    /** Recomputes the whole chain and reports the first record that does not match. */
    AuditVerification verify();
}
