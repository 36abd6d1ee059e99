package io.cambist.admin.internal.platform;

import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /health}: the one endpoint that needs no signature (load balancers, the launcher's ready check). */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /**
     * The health answer.
     *
     * @param status   always {@code UP} while the API answers
     * @param bundles  installed bundles, the system bundle included
     * @param uptimeMs milliseconds since the container started
     */
    public record Health(String status, int bundles, long uptimeMs) {
    }

    private final BundleContext context;
    private final LongSupplier uptimeMillis;

    public HealthResource(BundleContext context, LongSupplier uptimeMillis) {
        this.context = context;
        this.uptimeMillis = uptimeMillis;
    }

    @GET
    public Health health() {
        return new Health("UP", context.getBundles().length, uptimeMillis.getAsLong());
    }
}
