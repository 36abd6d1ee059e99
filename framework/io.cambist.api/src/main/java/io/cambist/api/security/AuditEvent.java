package io.cambist.api.security;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something worth an audit record. Never put a secret in it.
 *
 * @param action  what happened, e.g. {@code key.rotate}, {@code request.refused}, {@code strategy.halt}
 * @param actor   who did it: a key id, {@code cli}, {@code system}
 * @param subject what it concerns: a key alias, a path, a strategy id
 * @param outcome {@code ok}, {@code refused}, {@code failed}
 * @param details further facts (sorted for a stable hash)
 */
public record AuditEvent(String action, String actor, String subject, String outcome, Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        actor = actor == null ? "system" : actor;
        subject = subject == null ? "" : subject;
        outcome = outcome == null ? "ok" : outcome;
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public static AuditEvent of(String action, String actor, String subject, String outcome) {
        return new AuditEvent(action, actor, subject, outcome, Map.of());
    }
}
