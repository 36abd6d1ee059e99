package io.cambist.admin.internal.platform;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.AdminSettings;
import io.cambist.admin.internal.auth.KeySecurityContext;
import io.cambist.admin.internal.platform.JarInspector.JarInfo;
import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Params;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.RequestVerifier;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /bundles}: list, install, start, stop, update and uninstall bundles while the container runs. Platform bundles
 * (the system bundle and everything at the platform start level or below) cannot be stopped, updated or uninstalled.
 */
@Path("bundles")
@Produces(MediaType.APPLICATION_JSON)
public class BundlesResource {

    static final String JAR = "application/java-archive";
    /** Services without which no signed request can be verified. */
    private static final List<Class<?>> LOCKOUT = List.of(RequestVerifier.class, KeyRing.class, NonceStore.class);
    private static final long REFRESH_WAIT_SECONDS = 30;

    /**
     * The requested state of a bundle.
     *
     * @param state {@code ACTIVE} (start) or {@code RESOLVED} (stop)
     */
    public record StateChange(String state) {
    }

    private final Logger logger = LoggerFactory.getLogger(BundlesResource.class);
    private final BundleContext context;
    private final Supplier<AdminSettings> settings;

    public BundlesResource(BundleContext context, Supplier<AdminSettings> settings) {
        this.context = context;
        this.settings = settings;
    }

    @GET
    public List<BundleView> list() {
        int platform = platformLevel();
        List<BundleView> views = new ArrayList<>();
        Arrays.stream(context.getBundles()).sorted(Comparator.comparingLong(Bundle::getBundleId))
                .forEach(b -> views.add(BundleView.of(b, platform, null)));
        return views;
    }

    @GET
    @Path("{id}")
    public BundleView get(@PathParam("id") String id) {
        return BundleView.of(find(id), platformLevel(), null);
    }

    @POST
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM, "application/x-java-archive"})
    public Response install(byte[] jar, @Context SecurityContext caller) {
        JarInfo info = JarInspector.inspect(jar);
        for (Bundle b : context.getBundles()) {
            if (info.symbolicName().equals(b.getSymbolicName()) && info.version().equals(b.getVersion())) {
                throw ApiException.conflict("bundle " + info.symbolicName() + " " + info.version() + " is already installed as "
                        + "bundle " + b.getBundleId() + "; update it with PUT /api/v1/bundles/" + b.getBundleId());
            }
        }
        String location = uniqueLocation("cambist-admin:" + info.symbolicName() + "/" + info.version());
        Bundle bundle;
        try {
            bundle = context.installBundle(location, new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            throw installError(e);
        }
        bundle.adapt(BundleStartLevel.class).setStartLevel(platformLevel() + 1);
        String problem = null;
        if (!BundleView.isFragment(bundle)) {
            try {
                bundle.start();
            } catch (BundleException | IllegalStateException e) {
                problem = "installed but not started: " + e.getMessage();
            }
        }
        logger.info("bundle {} {} installed as {} by {}{}", info.symbolicName(), info.version(), bundle.getBundleId(),
                KeySecurityContext.actor(caller), problem == null ? "" : " (" + problem + ")");
        return Response.created(URI.create("bundles/" + bundle.getBundleId()))
                .entity(BundleView.of(bundle, platformLevel(), problem)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM, "application/x-java-archive"})
    public BundleView update(@PathParam("id") String id, byte[] jar, @Context SecurityContext caller) {
        Bundle bundle = find(id);
        protect(bundle, "updated");
        JarInfo info = JarInspector.inspect(jar);
        if (!info.symbolicName().equals(bundle.getSymbolicName())) {
            throw ApiException.badRequest("the jar holds bundle " + info.symbolicName() + ", not " + bundle.getSymbolicName()
                    + " (bundle " + bundle.getBundleId() + "); install it with POST /api/v1/bundles instead");
        }
        boolean wasActive = bundle.getState() == Bundle.ACTIVE;
        try {
            bundle.update(new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            throw installError(e);
        }
        refreshIfPending(bundle);
        String problem = null;
        if (wasActive && bundle.getState() != Bundle.ACTIVE && !BundleView.isFragment(bundle)) {
            try {
                bundle.start();
            } catch (BundleException | IllegalStateException e) {
                problem = "updated but not started again: " + e.getMessage();
            }
        }
        logger.info("bundle {} updated to {} {} by {}{}", bundle.getBundleId(), info.symbolicName(), info.version(),
                KeySecurityContext.actor(caller), problem == null ? "" : " (" + problem + ")");
        return BundleView.of(bundle, platformLevel(), problem);
    }

    @PUT
    @Path("{id}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public BundleView setState(@PathParam("id") String id, StateChange change, @Context SecurityContext caller) {
        Bundle bundle = find(id);
        if (change == null || change.state() == null) {
            throw ApiException.badRequest("send {\"state\": \"ACTIVE\"} to start or {\"state\": \"RESOLVED\"} to stop");
        }
        String wanted = change.state().trim().toUpperCase(Locale.ROOT);
        boolean fragment = BundleView.isFragment(bundle);
        switch (wanted) {
            case "ACTIVE" -> {
                if (fragment) {
                    throw ApiException.conflict("bundle " + bundle.getBundleId() + " is a fragment: fragments are never "
                            + "started, they attach to their host");
                }
                try {
                    bundle.start();
                } catch (BundleException | IllegalStateException e) {
                    throw ApiException.conflict("bundle " + bundle.getBundleId() + " cannot start: " + e.getMessage());
                }
            }
            case "RESOLVED" -> {
                if (!fragment) {
                    protect(bundle, "stopped");
                    guardLockout(bundle, "stopped");
                    try {
                        bundle.stop();
                    } catch (BundleException | IllegalStateException e) {
                        throw ApiException.conflict("bundle " + bundle.getBundleId() + " cannot stop: " + e.getMessage());
                    }
                }
                if (bundle.getState() == Bundle.INSTALLED && !wiring().resolveBundles(List.of(bundle))) {
                    throw ApiException.conflict("bundle " + bundle.getBundleId() + " cannot be resolved: a requirement is "
                            + "missing; try {\"state\":\"ACTIVE\"} to see which");
                }
            }
            default -> throw ApiException.badRequest("state '" + Params.shorten(change.state())
                    + "' is not ACTIVE (start) or RESOLVED (stop)");
        }
        logger.info("bundle {} {} set to {} by {}", bundle.getBundleId(), bundle.getSymbolicName(), wanted,
                KeySecurityContext.actor(caller));
        return BundleView.of(bundle, platformLevel(), null);
    }

    @DELETE
    @Path("{id}")
    public BundleView uninstall(@PathParam("id") String id, @Context SecurityContext caller) {
        Bundle bundle = find(id);
        protect(bundle, "uninstalled");
        guardLockout(bundle, "uninstalled");
        BundleView before = BundleView.of(bundle, platformLevel(), null);
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            throw ApiException.conflict("bundle " + bundle.getBundleId() + " cannot be uninstalled: " + e.getMessage());
        }
        refreshIfPending(bundle);
        logger.info("bundle {} {} uninstalled by {}", bundle.getBundleId(), bundle.getSymbolicName(),
                KeySecurityContext.actor(caller));
        return before.withState("UNINSTALLED");
    }

    private Bundle find(String id) {
        long bundleId = Params.id("bundle", id);
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            throw ApiException.notFound("no bundle with id " + bundleId + "; GET /api/v1/bundles lists them");
        }
        return bundle;
    }

    private void protect(Bundle bundle, String what) {
        if (BundleView.isPlatform(bundle, platformLevel())) {
            throw ApiException.conflict("bundle " + bundle.getBundleId() + " (" + bundle.getSymbolicName()
                    + ") is part of the platform (start level " + BundleView.startLevel(bundle) + " <= "
                    + platformLevel() + ") and cannot be " + what + " while the container runs");
        }
    }

    /**
     * Refuses to stop or uninstall the only provider of a service every signed request needs: with it gone the API could
     * not verify the request that would bring it back. Updating it in place is fine (the service returns).
     */
    private void guardLockout(Bundle bundle, String what) {
        for (Class<?> type : LOCKOUT) {
            ServiceReference<?>[] refs;
            try {
                refs = context.getServiceReferences(type.getName(), null);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (refs == null) {
                continue;
            }
            boolean provides = Arrays.stream(refs).anyMatch(r -> bundle.equals(r.getBundle()));
            boolean others = Arrays.stream(refs).anyMatch(r -> r.getBundle() != null && !bundle.equals(r.getBundle()));
            if (provides && !others) {
                throw ApiException.conflict("bundle " + bundle.getBundleId() + " (" + bundle.getSymbolicName() + ") provides the "
                        + "only " + type.getSimpleName() + "; if it were " + what + " no signed request could be verified and "
                        + "the admin API would lock itself out; update it in place with PUT /api/v1/bundles/"
                        + bundle.getBundleId() + " or replace it through deploy/");
            }
        }
    }

    private String uniqueLocation(String base) {
        String location = base;
        for (int n = 2; context.getBundle(location) != null; n++) {
            location = base + "#" + n;
        }
        return location;
    }

    private int platformLevel() {
        return settings.get().platformStartLevel();
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    /** After an update or uninstall, replaces the old revision if something still used it (as FileInstall does). */
    private void refreshIfPending(Bundle bundle) {
        FrameworkWiring wiring = wiring();
        if (!wiring.getRemovalPendingBundles().contains(bundle)) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(REFRESH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                logger.warn("refreshing after a change of bundle {} takes longer than {} s; it continues in the background",
                        bundle.getBundleId(), REFRESH_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ApiException installError(BundleException e) {
        if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
            return ApiException.conflict("the bundle is already installed: " + e.getMessage());
        }
        return ApiException.badRequest("the jar cannot be installed as a bundle: " + e.getMessage());
    }
}
