package io.cambist.admin.internal.security;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.auth.KeySecurityContext;
import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.security.KeyRequests.ActivateBody;
import io.cambist.admin.internal.security.KeyRequests.NewKeyBody;
import io.cambist.admin.internal.security.KeyRequests.RevokeBody;
import io.cambist.admin.internal.security.KeyRequests.RotateBody;
import io.cambist.admin.internal.security.KeyRequests.StageBody;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyAliases;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /keys}: the vault's keys. Metadata only; a secret goes in once (create, import, rotate) and only a secret the
 * vault generated is shown, in that one response. Secrets are zeroed after use and never logged.
 */
@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);
    private static final String NOTE = "store this secret now: it is shown once and cannot be read back";

    private final Logger logger = LoggerFactory.getLogger(KeysResource.class);
    private final ServiceSource<KeyRing> keyRing;

    public KeysResource(ServiceSource<KeyRing> keyRing) {
        this.keyRing = keyRing;
    }

    @GET
    public List<KeyViews.Key> list() {
        return keyRing.require().list().stream().map(KeyViews::of).toList();
    }

    @GET
    @Path("{alias}")
    public KeyViews.Key get(@PathParam("alias") String alias) {
        return KeyViews.of(find(keyRing.require(), alias));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewKeyBody body, @Context SecurityContext caller) {
        if (body == null) {
            throw ApiException.badRequest("send {\"alias\": \"...\", \"scopes\": [\"read\"], \"description\": \"...\"} "
                    + "(and \"secret\" to import one)");
        }
        try {
            if (body.scopes() == null || body.scopes().isEmpty()) {
                throw ApiException.badRequest("key '" + body.alias() + "' needs at least one scope (read, trade, admin, webhook)");
            }
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            body.scopes().forEach(s -> scopes.add(Scope.parse(s)));
            String alias = KeyAliases.check(body.alias());
            KeyRing ring = keyRing.require();
            if (ring.get(alias).isPresent()) {
                throw ApiException.conflict("key '" + alias + "' exists; rotate it with POST /api/v1/keys/" + alias + "/rotate");
            }
            boolean imported = body.secret() != null;
            String actor = KeySecurityContext.actor(caller);
            // the key ring gets its own copy; ours is wiped below whatever happens
            CreatedKey created = ring.create(new NewKey(alias, body.description(), scopes, body.publicId(), copy(body.secret())),
                    actor);
            logger.info("key {} created by {} ({})", alias, actor, imported ? "imported secret" : "generated secret");
            KeyViews.Created view = created(ring, alias, created, imported);
            return Response.created(URI.create("keys/" + alias)).entity(view).build();
        } finally {
            wipe(body.secret());
        }
    }

    @POST
    @Path("{alias}/rotate")
    public KeyViews.Created rotate(@PathParam("alias") String alias, RotateBody body, @Context SecurityContext caller) {
        RotateBody b = body == null ? new RotateBody(null, null, null) : body;
        try {
            Duration overlap = overlap(b.overlap());
            KeyRing ring = keyRing.require();
            find(ring, alias);
            String actor = KeySecurityContext.actor(caller);
            CreatedKey created = ring.rotate(alias, copy(b.secret()), b.publicId(), overlap, actor);
            logger.info("key {} rotated to version {} by {} (overlap {})", alias, created.version().version(), actor, overlap);
            return created(ring, alias, created, b.secret() != null);
        } finally {
            wipe(b.secret());
        }
    }

    @POST
    @Path("{alias}/stage")
    public KeyViews.Created stage(@PathParam("alias") String alias, StageBody body, @Context SecurityContext caller) {
        StageBody b = body == null ? new StageBody(null, null) : body;
        try {
            KeyRing ring = keyRing.require();
            find(ring, alias);
            String actor = KeySecurityContext.actor(caller);
            CreatedKey created = ring.stage(alias, copy(b.secret()), b.publicId(), actor);
            logger.info("key {} version {} staged (PENDING) by {}", alias, created.version().version(), actor);
            return created(ring, alias, created, b.secret() != null);
        } finally {
            wipe(b.secret());
        }
    }

    @POST
    @Path("{alias}/activate")
    public KeyViews.Key activate(@PathParam("alias") String alias, ActivateBody body, @Context SecurityContext caller) {
        if (body == null || body.version() == null || body.version() < 1) {
            throw ApiException.badRequest("send {\"version\": N} naming the PENDING version (GET /api/v1/keys/" + alias
                    + " lists them), and optionally \"overlap\": \"PT1H\"");
        }
        Duration overlap = overlap(body.overlap());
        KeyRing ring = keyRing.require();
        find(ring, alias);
        String actor = KeySecurityContext.actor(caller);
        KeyInfo after = ring.activate(alias, body.version(), overlap, actor);
        logger.info("key {} version {} activated by {} (overlap {})", alias, body.version(), actor, overlap);
        return KeyViews.of(after);
    }

    @POST
    @Path("{alias}/revoke")
    public KeyViews.Key revoke(@PathParam("alias") String alias, RevokeBody body, @Context SecurityContext caller) {
        int version = body == null || body.version() == null ? 0 : body.version();
        if (version < 0) {
            throw ApiException.badRequest("version must be a key version number, or 0 for every version");
        }
        KeyRing ring = keyRing.require();
        find(ring, alias);
        String actor = KeySecurityContext.actor(caller);
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "revoked by " + actor : body.reason();
        KeyInfo after = ring.revoke(alias, version, reason, actor);
        logger.info("key {} {} revoked by {}", alias, version == 0 ? "(all versions)" : "version " + version, actor);
        return KeyViews.of(after);
    }

    private static KeyInfo find(KeyRing ring, String alias) {
        KeyAliases.check(alias);
        return ring.get(alias).orElseThrow(() -> ApiException.notFound("no key '" + alias + "'; GET /api/v1/keys lists them"));
    }

    private static KeyViews.Created created(KeyRing ring, String alias, CreatedKey created, boolean imported) {
        KeyViews.Key key = ring.get(alias).map(KeyViews::of)
                .orElse(new KeyViews.Key(alias, null, List.of(KeyViews.of(created.version()))));
        // an imported secret is never echoed, whatever the key ring returns
        String secret = imported ? null : created.generatedSecret();
        return new KeyViews.Created(key, KeyViews.of(created.version()), secret, secret == null ? null : NOTE);
    }

    static Duration overlap(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_OVERLAP;
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative()) {
                throw ApiException.badRequest("overlap must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("overlap '" + text + "' is not an ISO-8601 duration such as PT1H or PT0S");
        }
    }

    private static char[] copy(char[] secret) {
        return secret == null ? null : secret.clone();
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
