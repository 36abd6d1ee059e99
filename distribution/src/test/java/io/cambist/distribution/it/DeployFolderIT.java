package io.cambist.distribution.it;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/** deploy/: dropping a jar installs it, replacing it updates it, deleting it uninstalls it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployFolderIT {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return CambistOptions.product("DeployFolderIT");
    }

    @Test
    public void dropReplaceDelete() throws Exception {
        Product product = new Product(context);
        product.awaitStarted();
        Path deployed = product.home().resolve("deploy/greeting.jar");

        drop(TestBundles.greeting("1.0.0"), deployed);
        assertEquals(Optional.of("1.0.0"), product.awaitGreeting(Optional.of("1.0.0")));
        Bundle bundle = product.bundle(TestBundles.SYMBOLIC_NAME).orElseThrow();
        assertEquals(Bundle.ACTIVE, product.awaitState(bundle, Bundle.ACTIVE));

        drop(TestBundles.greeting("2.0.0"), deployed);
        assertEquals(Optional.of("2.0.0"), product.awaitGreeting(Optional.of("2.0.0")));
        assertEquals("updated in place", "2.0.0", bundle.getVersion().toString());

        Files.delete(deployed);
        assertEquals(Optional.empty(), product.awaitGreeting(Optional.empty()));
        assertEquals(Bundle.UNINSTALLED, product.awaitState(bundle, Bundle.UNINSTALLED));
    }

    @Test
    public void aCorruptJarInDeployLeavesTheContainerUp() throws Exception {
        Product product = new Product(context);
        AdminClient admin = product.admin();
        int bundlesBefore = context.getBundles().length;

        drop(TestBundles.corrupt(), product.home().resolve("deploy/corrupt.jar"));
        Thread.sleep(1500); // three FileInstall polls

        assertEquals(bundlesBefore, context.getBundles().length);
        assertEquals(200, admin.get("/health").status());
        Files.delete(product.home().resolve("deploy/corrupt.jar"));
    }

    /** Writes next to the target and renames, so FileInstall never reads a half-written jar. */
    private static void drop(byte[] jar, Path target) throws Exception {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, jar);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
