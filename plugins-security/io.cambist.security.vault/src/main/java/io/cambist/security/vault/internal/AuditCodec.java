package io.cambist.security.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditRecord;

/**
 * One audit record per line of JSON. The canonical form (fixed key order, details sorted) of
 * {@code seq, time, action, actor, subject, outcome, details} is hashed with the previous record's hash:
 * {@code hash = lowercase_hex(SHA-256(previousHash + canonical))}; the line adds {@code prev} and {@code hash}.
 */
final class AuditCodec {

    /** The previous hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    private AuditCodec() {
    }

    static String canonical(long sequence, long time, AuditEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seq", sequence);
        map.put("time", time);
        map.put("action", event.action());
        map.put("actor", event.actor());
        map.put("subject", event.subject());
        map.put("outcome", event.outcome());
        map.put("details", new LinkedHashMap<String, Object>(event.details()));
        return Json.write(map);
    }

    static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return Hex.encode(sha.digest((previousHash + canonical).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The record with its hash, chained to {@code previousHash}. */
    static AuditRecord seal(long sequence, long time, AuditEvent event, String previousHash) {
        return new AuditRecord(sequence, time, event, previousHash, hash(previousHash, canonical(sequence, time, event)));
    }

    /** The line to append (without the newline). */
    static String line(AuditRecord record) {
        String canonical = canonical(record.sequence(), record.time(), record.event());
        return canonical.substring(0, canonical.length() - 1) + ",\"prev\":\"" + record.previousHash() + "\",\"hash\":\""
                + record.hash() + "\"}";
    }

    /**
     * Parses a line as written; the hash is taken as stored (verification recomputes it).
     *
     * @throws IllegalArgumentException when the line is not a record
     */
    @SuppressWarnings("unchecked")
    static AuditRecord parse(String line) {
        try {
            Map<String, Object> map = (Map<String, Object>) Json.parse(line);
            Map<String, String> details = new LinkedHashMap<>();
            ((Map<String, Object>) map.get("details")).forEach((k, v) -> details.put(k, (String) v));
            AuditEvent event = new AuditEvent((String) map.get("action"), (String) map.get("actor"),
                    (String) map.get("subject"), (String) map.get("outcome"), details);
            return new AuditRecord((Long) map.get("seq"), (Long) map.get("time"), event, (String) map.get("prev"),
                    (String) map.get("hash"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not an audit record: a field is missing or has the wrong type", e);
        }
    }
}
