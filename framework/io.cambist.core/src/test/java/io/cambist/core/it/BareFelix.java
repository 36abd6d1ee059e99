package io.cambist.core.it;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import io.cambist.api.strategy.Strategy;

/**
 * A bare Felix for testing a built bundle without Pax Exam: Declarative Services and Configuration Admin from the test
 * class path, the system bundle exporting SLF4J and the API exactly as the io.cambist.api jar's manifest says (so the
 * test and the bundles share the API classes), storage and {@code cambist.data} under a temporary folder. Published in
 * the core's test-jar for the bundle tests of other modules.
 */
public final class BareFelix implements AutoCloseable {

    private static final List<String> PLATFORM = List.of("org.osgi.util.function-", "org.osgi.util.promise-",
            "org.osgi.service.component-", "org.apache.felix.configadmin-", "org.apache.felix.scr-");

    private final Framework framework;
    private final List<Bundle> bundles;

    private BareFelix(Framework framework, List<Bundle> bundles) {
        this.framework = framework;
        this.bundles = bundles;
    }

    /**
     * Starts the framework, then installs and starts the platform, the class path jars named by {@code jarPrefixes}
     * (e.g. {@code "io.cambist.core-"}) and the bundle files, in that order.
     *
     * @param mode the {@code cambist.mode} framework property ({@code run} or {@code backtest})
     */
    public static BareFelix start(Path tmp, String mode, List<String> jarPrefixes, Path... bundleFiles) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("cambist.data", tmp.resolve("data").toString());
        props.put("cambist.mode", mode);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17,org.osgi.service.cm;version=1.6.0,"
                + apiExports());
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> all = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(PLATFORM);
        prefixes.addAll(jarPrefixes);
        for (String prefix : prefixes) {
            all.add(ctx.installBundle(jar(prefix).toURI().toString()));
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path file : bundleFiles) {
            installed.add(ctx.installBundle(file.toUri().toString()));
        }
        all.addAll(installed);
        for (Bundle b : all) {
            b.start();
        }
        return new BareFelix(framework, List.copyOf(installed));
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The bundles installed from the files given to {@link #start}, in order. */
    public List<Bundle> bundles() {
        return bundles;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static File jar(String prefix) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            if (f.getName().startsWith(prefix) && f.getName().endsWith(".jar")) {
                return f;
            }
        }
        throw new IllegalStateException(prefix + "*.jar is not on the test class path");
    }

    /** The Export-Package header of the io.cambist.api jar (or classes folder) on the test class path. */
    private static String apiExports() throws Exception {
        Path location = Path.of(Strategy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                return new Manifest(in).getMainAttributes().getValue("Export-Package");
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Export-Package");
        }
    }
}
