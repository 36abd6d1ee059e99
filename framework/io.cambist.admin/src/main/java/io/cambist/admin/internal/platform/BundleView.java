package io.cambist.admin.internal.platform;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bundle as the API shows it.
 *
 * @param id           bundle id
 * @param symbolicName Bundle-SymbolicName
 * @param version      Bundle-Version
 * @param name         Bundle-Name, or {@code null}
 * @param state        INSTALLED, RESOLVED, STARTING, STOPPING, ACTIVE or UNINSTALLED
 * @param fragment     true for fragments (never ACTIVE; RESOLVED when attached)
 * @param location     install location
 * @param startLevel   its start level (0 when unknown)
 * @param platform     true when protected from stop, update and uninstall
 * @param problem      what went wrong after an install or update (e.g. it could not start), else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleView(long id, String symbolicName, String version, String name, String state, boolean fragment,
        String location, int startLevel, boolean platform, String problem) {

    /** The view of a bundle. */
    public static BundleView of(Bundle bundle, int platformStartLevel, String problem) {
        int level = startLevel(bundle);
        return new BundleView(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                bundle.getHeaders("").get(Constants.BUNDLE_NAME), state(bundle.getState()), isFragment(bundle),
                bundle.getLocation(), level, isPlatform(bundle, platformStartLevel), problem);
    }

    /** The same bundle in another state (e.g. UNINSTALLED, after which the framework no longer knows its start level). */
    public BundleView withState(String newState) {
        return new BundleView(id, symbolicName, version, name, newState, fragment, location, startLevel, platform, problem);
    }

    /** The system bundle and every installed bundle at the platform start level or below. */
    public static boolean isPlatform(Bundle bundle, int platformStartLevel) {
        if (bundle.getBundleId() == 0) {
            return true;
        }
        int level = startLevel(bundle);
        return level > 0 && level <= platformStartLevel;
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    static int startLevel(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return 0;
        }
        try {
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            return level == null ? 0 : level.getStartLevel();
        } catch (IllegalStateException | IllegalArgumentException e) {
            return 0; // uninstalled
        }
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }
}
