package io.cambist.distribution.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The assembled platform boots: every bundle of bundles/ is ACTIVE (fragments RESOLVED) at the start level of its
 * folder, the admin API answers, and the platform cannot be removed through it.
 * (In the container only JUnit's own assertions are available.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return CambistOptions.product("PlatformIT");
    }

    @Test
    public void everyBundleOfTheDistributionIsActiveAndFragmentsResolved() throws Exception {
        Product product = new Product(context);
        product.admin();
        Map<String, CambistOptions.PlatformJar> platform = CambistOptions.platformJars();
        assertTrue("bundles/ of the distribution: " + platform.keySet(), platform.size() > 50);

        List<String> wrong = new ArrayList<>();
        platform.forEach((symbolicName, jar) -> {
            int expected = jar.fragment() ? Bundle.RESOLVED : Bundle.ACTIVE;
            Bundle bundle = context.getBundle(jar.location());
            if (bundle == null) {
                wrong.add(symbolicName + " is not installed");
            } else if (bundle.getState() != expected) {
                wrong.add(symbolicName + " is " + bundle.getState() + ", expected " + expected);
            } else if (!jar.fragment() && bundle.adapt(BundleStartLevel.class).getStartLevel() != jar.level()) {
                wrong.add(symbolicName + " has start level " + bundle.adapt(BundleStartLevel.class).getStartLevel()
                        + ", expected " + jar.level());
            }
        });
        assertEquals("bundles in the wrong state (2 INSTALLED, 4 RESOLVED, 32 ACTIVE)", List.of(), wrong);
    }

    @Test
    public void healthAnswersWithoutAuthentication() throws Exception {
        Product product = new Product(context);
        product.admin();
        AdminClient.Response health = new AdminClient(product.adminUri(), product.home().resolve("no-key")).get("/health");

        assertEquals(health.toString(), 200, health.status());
        assertTrue(health.body(), health.body().contains("\"status\":\"UP\""));
        assertEquals(health.body(), Long.valueOf(context.getBundles().length), health.number("bundles").orElse(-1L));
        assertTrue(health.body(), health.number("uptimeMs").orElse(-1L) > 0);
    }

    @Test
    public void unsignedRequestsAreRefused() throws Exception {
        Product product = new Product(context);
        product.admin();
        AdminClient unsigned = new AdminClient(product.adminUri(), product.home().resolve("no-key"));

        assertEquals(401, unsigned.get("/bundles").status());
    }

    @Test
    public void thePlatformIsProtected() throws Exception {
        Product product = new Product(context);
        AdminClient admin = product.admin();
        long core = product.bundle("io.cambist.core").orElseThrow().getBundleId();

        AdminClient.Response response = admin.delete("/bundles/" + core);

        assertEquals(response.toString(), 409, response.status());
        assertEquals(Bundle.ACTIVE, product.bundle("io.cambist.core").orElseThrow().getState());
    }
}
