package io.cambist.api.security;

/**
 * The result of checking the audit log's hash chain.
 *
 * @param intact        true when every record's hash matches and the sequence has no gap
 * @param records       records checked
 * @param firstBad      sequence of the first bad record, or 0
 * @param problem       what is wrong, or {@code null}
 * @param lastHash      hash of the last good record
 */
public record AuditVerification(boolean intact, long records, long firstBad, String problem, String lastHash) {
}
