package io.cambist.strategy.signal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyRunner;

/**
 * The built signal bundle in a small Felix with SCR, Configuration Admin and the core, as an embedded backtest runs it:
 * no HTTP, no Jakarta REST, no Jackson. It resolves (those imports are optional), registers the {@code signal}
 * strategy type, runs a bot from a factory configuration, and leaves its webhook component inactive (it waits for a
 * Jakarta REST whiteboard runtime) instead of failing on the missing packages.
 */
class SignalBundleIT {

    @TempDir
    Path tmp;
    private Framework framework;
    private BundleContext ctx;
    private Bundle signal;

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

    @BeforeEach
    void start() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("cambist.data", tmp.resolve("data").toString());
        props.put("cambist.mode", "backtest");
        // the system bundle exports the API exactly as the io.cambist.api bundle would (packages and versions)
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17,org.osgi.service.cm;version=1.6.0,"
                + apiExports());
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        ctx = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String prefix : List.of("org.osgi.util.function-", "org.osgi.util.promise-", "org.osgi.service.component-",
                "org.apache.felix.configadmin-", "org.apache.felix.scr-", "io.cambist.core-")) {
            bundles.add(ctx.installBundle(jar(prefix).toURI().toString()));
        }
        signal = ctx.installBundle(Path.of(System.getProperty("cambist.signal.jar")).toUri().toString());
        bundles.add(signal);
        for (Bundle b : bundles) {
            b.start();
        }
    }

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theBotRunsWithoutTheRestStackAndTheWebhookWaitsForAWhiteboard() throws Exception {
        assertThat(signal.getState()).isEqualTo(Bundle.ACTIVE);
        await("the signal strategy type", () -> {
            try {
                return ctx.getServiceReferences(Strategy.class.getName(), "(" + Strategy.TYPE + "=signal)") != null;
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        ServiceReference<?> type = ctx.getServiceReferences(Strategy.class.getName(), "(" + Strategy.TYPE + "=signal)")[0];
        assertThat(type.getProperty(Strategy.FACTORY_PID)).isEqualTo("io.cambist.strategy.signal");
        assertThat(type.getProperty(Constants.SERVICE_SCOPE)).isEqualTo(Constants.SCOPE_PROTOTYPE);
        assertThat(ctx.getServiceReferences("jakarta.ws.rs.core.Application", null)).as("no webhook without a whiteboard")
                .isNull();

        await("the strategy runner", () -> ctx.getServiceReference(StrategyRunner.class) != null);
        StrategyRunner runner = ctx.getService(ctx.getServiceReference(StrategyRunner.class));
        await("configuration admin", () -> ctx.getServiceReference(ConfigurationAdmin.class) != null);
        ConfigurationAdmin cm = ctx.getService(ctx.getServiceReference(ConfigurationAdmin.class));
        Configuration c = cm.getFactoryConfiguration("io.cambist.strategy.signal", "tv", "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("instrument", "BTC/USDT");
        p.put("webhookKey", "tv-key");
        p.put("defaultQuote", "100");
        c.update(p);
        await("bot tv", () -> runner.instance("tv").isPresent());
        assertThat(runner.types()).contains("signal");
        assertThat(runner.instance("tv").orElseThrow().type()).isEqualTo("signal");
        // no venue account in this framework: the bot waits for it, the signal type itself is there
        assertThat(runner.instance("tv").orElseThrow().reason()).contains("waiting for account 'paper'");
    }
}
