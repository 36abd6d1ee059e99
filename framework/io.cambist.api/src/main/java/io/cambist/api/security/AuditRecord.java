package io.cambist.api.security;

import java.util.Objects;

/**
 * One record of the hash-chained audit log: {@code hash = SHA-256(previousHash + canonical record)}.
 *
 * @param sequence     1, 2, 3 ... without gaps
 * @param time         when it was written, epoch milliseconds
 * @param event        what happened
 * @param previousHash the hash of the record before (64 zeros for the first)
 * @param hash         this record's hash, lowercase hex
 */
public record AuditRecord(long sequence, long time, AuditEvent event, String previousHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(event, "event");
    }
}
