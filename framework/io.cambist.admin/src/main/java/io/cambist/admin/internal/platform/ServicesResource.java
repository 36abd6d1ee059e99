package io.cambist.admin.internal.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Params;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /services}: the service registry, with every secret-looking property masked. */
@Path("services")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    /**
     * A registered service.
     *
     * @param id            service.id
     * @param interfaces    objectClass
     * @param bundle        the providing bundle
     * @param scope         singleton, bundle or prototype
     * @param usingBundles  ids of the bundles that use it
     * @param properties    the other properties, secrets masked
     */
    public record ServiceView(long id, List<String> interfaces, BundleRef bundle, String scope, List<Long> usingBundles,
            Map<String, Object> properties) {
    }

    /**
     * A bundle named by a service.
     *
     * @param id           bundle id
     * @param symbolicName its symbolic name
     */
    public record BundleRef(long id, String symbolicName) {
    }

    private final BundleContext context;
    private final OcdLookup ocds;

    public ServicesResource(BundleContext context, OcdLookup ocds) {
        this.context = context;
        this.ocds = ocds;
    }

    @GET
    public List<ServiceView> list(@QueryParam("interface") String interfaceName) {
        if (interfaceName != null && !interfaceName.matches("[A-Za-z_$][A-Za-z0-9_$.]*")) {
            throw ApiException.badRequest("parameter 'interface' must be a fully qualified interface name, not '"
                    + Params.shorten(interfaceName) + "'");
        }
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(interfaceName, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a null filter cannot be invalid", e);
        }
        List<ServiceView> views = new ArrayList<>();
        if (refs != null) {
            // components publish their configuration as service properties: mask its PASSWORD attributes too
            Map<String, Set<String>> passwords = new HashMap<>();
            Arrays.stream(refs).map(ref -> view(ref, passwords(ref, passwords)))
                    .sorted(Comparator.comparingLong(ServiceView::id)).forEach(views::add);
        }
        return views;
    }

    private Set<String> passwords(ServiceReference<?> ref, Map<String, Set<String>> cache) {
        Object pid = ref.getProperty(Constants.SERVICE_PID);
        if (!(pid instanceof String p)) {
            return Set.of();
        }
        Object factory = ref.getProperty("service.factoryPid");
        String factoryPid = factory instanceof String f ? f : null;
        return cache.computeIfAbsent(p + "|" + factoryPid, k -> Secrets.passwordAttributes(ocds, p, factoryPid));
    }

    static ServiceView view(ServiceReference<?> ref, Set<String> passwords) {
        Map<String, Object> props = new HashMap<>();
        for (String key : ref.getPropertyKeys()) {
            if (!key.equals(Constants.OBJECTCLASS) && !key.equals(Constants.SERVICE_ID)) {
                props.put(key, ref.getProperty(key));
            }
        }
        Bundle provider = ref.getBundle();
        BundleRef bundle = provider == null ? null : new BundleRef(provider.getBundleId(), provider.getSymbolicName());
        List<Long> using = new ArrayList<>();
        Bundle[] users = ref.getUsingBundles();
        if (users != null) {
            for (Bundle b : users) {
                using.add(b.getBundleId());
            }
            using.sort(null);
        }
        Object scope = ref.getProperty(Constants.SERVICE_SCOPE);
        return new ServiceView((Long) ref.getProperty(Constants.SERVICE_ID),
                Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS)), bundle,
                scope == null ? Constants.SCOPE_SINGLETON : scope.toString(), using, Secrets.masked(props, passwords));
    }
}
