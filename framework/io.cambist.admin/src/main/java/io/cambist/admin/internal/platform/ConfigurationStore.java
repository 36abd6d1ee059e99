package io.cambist.admin.internal.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cambist.admin.internal.AdminConstants;
import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.services.ServiceSource;

/**
 * Reads and writes configurations through Configuration Admin, validated against metatype and shown with secrets
 * masked. Configurations are created with the multi-location {@code ?} so that any bundle can receive them (not bound
 * to the admin bundle).
 */
public final class ConfigurationStore {

    /** Attributes a configuration may hold besides its metatype's: FileInstall's bookkeeping, private names. */
    public static final Predicate<String> PLATFORM_KEYS = k -> k.startsWith("felix.") || k.startsWith(".")
            || k.startsWith("component.");

    /**
     * A write's outcome.
     *
     * @param view    the configuration after the write
     * @param created true when it did not exist before
     */
    public record Written(ConfigurationView view, boolean created) {
    }

    private final ServiceSource<ConfigurationAdmin> configAdmin;
    private final OcdLookup ocds;

    public ConfigurationStore(ServiceSource<ConfigurationAdmin> configAdmin, OcdLookup ocds) {
        this.configAdmin = configAdmin;
        this.ocds = ocds;
    }

    /** Every configuration (of one factory when {@code factoryPid} is given), sorted by PID. */
    public List<ConfigurationView> list(String factoryPid) {
        String filter = factoryPid == null ? null : "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + escape(factoryPid) + ")";
        List<ConfigurationView> views = new ArrayList<>();
        for (Configuration c : listConfigurations(filter)) {
            views.add(view(c, List.of()));
        }
        views.sort(Comparator.comparing(ConfigurationView::pid));
        return views;
    }

    /** One configuration, if it exists (has properties). */
    public Optional<Configuration> find(String pid) {
        List<Configuration> found = listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Configurations matching an LDAP filter (none is an empty list). */
    public List<Configuration> listConfigurations(String filter) {
        try {
            Configuration[] found = configAdmin.require().listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw ApiException.badRequest("invalid configuration filter: " + e.getMessage());
        } catch (IOException e) {
            throw new ApiException(500, "configuration store failed", "Configuration Admin could not read: " + e.getMessage());
        }
    }

    /** The view of a stored configuration. */
    public ConfigurationView view(Configuration c, List<String> warnings) {
        // without metatype a PASSWORD attribute could not be recognised: the lookup answers 503 rather than risk it
        Optional<ObjectClassDefinition> ocd = ocds.find(c.getPid(), c.getFactoryPid());
        Set<String> passwords = Secrets.passwordAttributes(ocds, c.getPid(), c.getFactoryPid());
        Dictionary<String, Object> props = c.getProperties();
        Map<String, Object> shown = new TreeMap<>();
        if (props != null) {
            for (String key : Collections.list(props.keys())) {
                if (key.startsWith("service.")) {
                    continue;
                }
                boolean secret = Secrets.isSecretName(key) || passwords.contains(key);
                shown.put(key, secret ? AdminConstants.MASK : Secrets.jsonValue(props.get(key)));
            }
        }
        return new ConfigurationView(c.getPid(), c.getFactoryPid(), ocd.map(ObjectClassDefinition::getName).orElse(null),
                shown, warnings);
    }

    /** Creates or replaces the configuration with that PID ({@code factory~name} creates a named factory configuration). */
    public Written put(String pid, Map<String, Object> input, Predicate<String> reserved) {
        checkPid("pid", pid);
        Optional<Configuration> existing = find(pid);
        Configuration target;
        if (existing.isPresent()) {
            target = existing.get();
        } else {
            int tilde = pid.indexOf('~');
            target = tilde > 0 ? named(pid.substring(0, tilde), pid.substring(tilde + 1))
                    : call(() -> configAdmin.require().getConfiguration(pid, "?"));
        }
        return write(target, input, reserved, existing.isEmpty());
    }

    /** Creates a factory configuration, named {@code factoryPid~name} when a name is given. */
    public Written create(String factoryPid, String name, Map<String, Object> input, Predicate<String> reserved) {
        checkPid("factory pid", factoryPid);
        Configuration target;
        if (name != null) {
            checkPid("name", name);
            String pid = factoryPid + "~" + name;
            if (find(pid).isPresent()) {
                throw ApiException.conflict("configuration " + pid + " exists; change it with PUT /api/v1/configurations/" + pid);
            }
            target = named(factoryPid, name);
        } else {
            target = call(() -> configAdmin.require().createFactoryConfiguration(factoryPid, "?"));
        }
        return write(target, input, reserved, true);
    }

    /** Deletes a configuration; false when there was none. */
    public boolean delete(String pid) {
        Optional<Configuration> c = find(pid);
        if (c.isEmpty()) {
            return false;
        }
        call(() -> {
            c.get().delete();
            return null;
        });
        return true;
    }

    /** The metatype lookup the store validates with. */
    public OcdLookup ocds() {
        return ocds;
    }

    /** Replaces the properties of an existing configuration without validation (reserved keys such as {@code enabled}). */
    public void update(Configuration c, Dictionary<String, Object> properties) {
        call(() -> {
            c.update(properties);
            return null;
        });
    }

    private Written write(Configuration target, Map<String, Object> input, Predicate<String> reserved, boolean created) {
        Optional<ObjectClassDefinition> ocd = ocds.find(target.getPid(), target.getFactoryPid());
        ConfigValidator.Result result = ConfigValidator.validate(ocd.orElse(null), input, target.getProperties(),
                PLATFORM_KEYS.or(reserved));
        call(() -> {
            target.update(result.properties());
            return null;
        });
        return new Written(view(target, result.warnings()), created);
    }

    private Configuration named(String factoryPid, String name) {
        return call(() -> configAdmin.require().getFactoryConfiguration(factoryPid, name, "?"));
    }

    /** Checks a PID-like path segment. */
    public static String checkPid(String what, String pid) {
        if (pid == null || pid.isEmpty() || pid.length() > 200 || !pid.matches("[A-Za-z0-9_.~-]+")) {
            throw ApiException.badRequest(what + " '" + (pid == null ? "" : pid) + "' must have 1 to 200 characters of "
                    + "letters, digits, '_', '.', '~' and '-'");
        }
        return pid;
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private interface IoCall<T> {
        T run() throws IOException;
    }

    private static <T> T call(IoCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new ApiException(500, "configuration store failed", "Configuration Admin could not store the change: "
                    + e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("the configuration was deleted meanwhile: " + e.getMessage());
        }
    }
}
