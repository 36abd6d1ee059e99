package io.cambist.admin.internal.security;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.Scope;

/** How keys look in the API: metadata only, never a secret (except a generated one, once, in {@link Created}). */
public final class KeyViews {

    private KeyViews() {
    }

    /**
     * A key alias with its versions.
     *
     * @param alias       the alias
     * @param description what it is for
     * @param versions    its versions, oldest first
     */
    public record Key(String alias, String description, List<Version> versions) {
    }

    /**
     * One version's metadata; times in epoch milliseconds.
     *
     * @param version   1, 2, 3 ...
     * @param state     PENDING, ACTIVE, PREVIOUS, RETIRED or REVOKED
     * @param scopes    read, trade, admin, webhook
     * @param publicId  the id sent with requests
     * @param created   when it was stored
     * @param activated when it became ACTIVE, or null
     * @param expires   when it retires or expires, or null
     * @param lastUsed  when it last signed or verified, or null
     */
    public record Version(int version, String state, List<String> scopes, String publicId, Long created, Long activated,
            Long expires, Long lastUsed) {
    }

    /**
     * The answer to a create or rotate.
     *
     * @param key     the key after the change
     * @param version the new version
     * @param secret  the generated secret: shown this once, never again; absent for an imported secret
     * @param note    what to do with the secret
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Created(Key key, Version version, String secret, String note) {
        @Override
        public String toString() {
            return "Created[key=" + key.alias() + ", version=" + version.version() + ", secret=" + (secret == null ? "none" : "***")
                    + "]";
        }
    }

    static Key of(KeyInfo info) {
        return new Key(info.alias(), info.description(), info.versions().stream().map(KeyViews::of).toList());
    }

    static Version of(KeyVersion v) {
        return new Version(v.version(), v.state().name(), v.scopes().stream().sorted().map(Scope::label).toList(), v.publicId(),
                millis(v.created()), millis(v.activated()), millis(v.expires()), millis(v.lastUsed()));
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
