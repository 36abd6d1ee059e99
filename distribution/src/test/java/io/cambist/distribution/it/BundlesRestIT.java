package io.cambist.distribution.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

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

/** A bundle installed, updated and uninstalled through the admin API, with its service following; bad jars are 400. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundlesRestIT {

    private static final String JAR = "application/java-archive";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return CambistOptions.product("BundlesRestIT");
    }

    @Test
    public void installUpdateUninstallThroughTheApi() throws Exception {
        Product product = new Product(context);
        AdminClient admin = product.admin();

        AdminClient.Response installed = admin.post("/bundles", TestBundles.greeting("1.0.0"), JAR);
        assertEquals(installed.toString(), 201, installed.status());
        long id = installed.number("id").orElseThrow();
        assertEquals(Optional.of("1.0.0"), product.awaitGreeting(Optional.of("1.0.0")));
        assertEquals(Bundle.ACTIVE, product.awaitState(context.getBundle(id), Bundle.ACTIVE));
        AdminClient.Response listed = admin.get("/bundles/" + id);
        assertTrue(listed.toString(), listed.body().contains(TestBundles.SYMBOLIC_NAME));

        AdminClient.Response updated = admin.put("/bundles/" + id, TestBundles.greeting("2.0.0"), JAR);
        assertEquals(updated.toString(), 200, updated.status());
        assertEquals(Optional.of("2.0.0"), product.awaitGreeting(Optional.of("2.0.0")));
        assertEquals("2.0.0", context.getBundle(id).getVersion().toString());

        AdminClient.Response removed = admin.delete("/bundles/" + id);
        assertTrue(removed.toString(), removed.status() == 200 || removed.status() == 204);
        assertEquals(Optional.empty(), product.awaitGreeting(Optional.empty()));
        assertNull(context.getBundle(id));
        assertEquals(404, admin.get("/bundles/" + id).status());
    }

    @Test
    public void aCorruptJarIs400AndTheContainerStaysUp() throws Exception {
        Product product = new Product(context);
        AdminClient admin = product.admin();
        int bundlesBefore = context.getBundles().length;

        AdminClient.Response corrupt = admin.post("/bundles", TestBundles.corrupt(), JAR);
        AdminClient.Response notABundle = admin.post("/bundles", "just text".getBytes(), "application/octet-stream");

        assertEquals(corrupt.toString(), 400, corrupt.status());
        assertTrue(corrupt.body(), corrupt.body().contains("\"error\""));
        assertEquals(notABundle.toString(), 400, notABundle.status());
        assertEquals(bundlesBefore, context.getBundles().length);
        assertEquals(200, admin.get("/health").status());
        assertEquals(200, admin.get("/bundles").status());
    }
}
