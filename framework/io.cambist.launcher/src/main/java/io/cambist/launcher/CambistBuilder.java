package io.cambist.launcher;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

import io.cambist.launcher.internal.ApiPackages;
import io.cambist.launcher.internal.Directories;
import io.cambist.launcher.internal.FrameworkProperties;
import io.cambist.launcher.internal.HttpEndpoints;
import io.cambist.launcher.internal.PlatformBundles;
import io.cambist.launcher.internal.PortCheck;
import io.cambist.launcher.internal.StartupTrace;

/**
 * Configures and starts a Cambist container: Apache Felix with the bundles of {@code bundles/<N>/} at start level N.
 * {@code cambist run} uses this builder too, so embedding and the command line share one code path.
 * Every setting has a default; {@link #start()} validates them and fails with a {@link CambistException} whose
 * message says what to change.
 */
public final class CambistBuilder {

    /** Framework property with the distribution directory. */
    public static final String HOME = "cambist.home";
    /** Framework property with the absolute data directory. */
    public static final String DATA = "cambist.data";
    /** Framework property: {@code run}, {@code backtest} or {@code embedded}. */
    public static final String MODE = "cambist.mode";
    /** Framework property with the product version. */
    public static final String VERSION = "cambist.version";

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    private final Logger logger = Logger.getLogger(CambistBuilder.class.getName());

    private Path home;
    private Path dataDir;
    private Path bundlesDir;
    private int port = DEFAULT_PORT;
    private String host = DEFAULT_HOST;
    private String mode = "embedded";
    private boolean exportApi;
    private Duration startTimeout = Duration.ofSeconds(60);
    private final Map<String, String> extraProperties = new LinkedHashMap<>();

    CambistBuilder() {
    }

    /** The distribution directory (with {@code bundles/}, {@code deploy/}, {@code etc/}); default {@code -Dcambist.home}, else the working directory. */
    public CambistBuilder home(Path home) {
        this.home = Objects.requireNonNull(home, "home");
        return this;
    }

    /** Where the container keeps its state; default {@code <home>/data}. Created when missing. */
    public CambistBuilder dataDir(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        return this;
    }

    /** The platform bundles: a directory whose sub-directories {@code 1}, {@code 2}, ... hold the jars of that start level; default {@code <home>/bundles}. */
    public CambistBuilder bundles(Path bundlesDir) {
        this.bundlesDir = Objects.requireNonNull(bundlesDir, "bundlesDir");
        return this;
    }

    /** The HTTP port of the admin API; 0 picks a free one (read it back with {@link Cambist#adminUri()}). Default 8080. */
    public CambistBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new CambistException("port " + port + " is out of range; use 0 (any free port) to 65535");
        }
        this.port = port;
        return this;
    }

    /** The address the admin API binds to; default 127.0.0.1. */
    public CambistBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /** The {@code cambist.mode} framework property: {@code run}, {@code backtest} or {@code embedded} (default). */
    public CambistBuilder mode(String mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** Sets (or overrides) one framework property; applied after all the others. */
    public CambistBuilder frameworkProperty(String key, String value) {
        extraProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * When true, the {@code io.cambist.api.*} packages are exported from the host class path (versions read from the
     * API jar's {@code Export-Package}) and the API bundle is not installed, so host code can use typed services.
     */
    public CambistBuilder exportApi(boolean exportApi) {
        this.exportApi = exportApi;
        return this;
    }

    /** How long {@link #start()} waits for the start levels and the HTTP endpoint; default 60 s. */
    public CambistBuilder startTimeout(Duration startTimeout) {
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        return this;
    }

    /**
     * Starts the framework, synchronises the platform bundles with the framework cache, raises the start level to the
     * highest bundle level and, when the bundle set has an HTTP service, waits for its endpoint.
     *
     * @throws CambistException with a one-line reason when the container cannot start
     */
    public Cambist start() {
        long startMillis = System.currentTimeMillis();
        Path homeDir = resolveHome();
        Path data = Directories.prepareDataDir(dataDir != null ? dataDir.toAbsolutePath().normalize() : homeDir.resolve("data"));
        Path bundles = bundlesDir != null ? bundlesDir.toAbsolutePath().normalize() : homeDir.resolve("bundles");
        PlatformBundles platform = PlatformBundles.scan(bundles, exportApi ? ApiPackages.BUNDLE_SYMBOLIC_NAME : null);
        String address = checkHost();
        if (platform.hasHttp() && port != 0) {
            PortCheck.assertFree(address, host, port);
        }
        Map<String, String> properties = FrameworkProperties.builder()
                .home(homeDir).data(data).mode(mode).port(port).host(host)
                .beginningStartLevel(Math.max(platform.maxLevel(), FrameworkProperties.PLUGIN_START_LEVEL))
                .apiExports(exportApi ? ApiPackages.fromClassPath() : null)
                .extra(extraProperties)
                .build();
        useDistributionLogbackConfig(homeDir, data);

        StartupTrace trace = StartupTrace.enabled() ? new StartupTrace() : null;
        mark(trace, "validate");
        Framework framework = newFramework(properties);
        try {
            framework.init();
            mark(trace, "framework init");
            if (trace != null) {
                framework.getBundleContext().addBundleListener(trace);
            }
            platform.synchronise(framework.getBundleContext(), data.resolve("felix-cache"));
            mark(trace, "bundle sync");
            framework.start();
            // a stopped bundle shows RESOLVED (stopped, but could start) rather than INSTALLED (cannot resolve)
            framework.adapt(FrameworkWiring.class).resolveBundles(null);
            mark(trace, "start levels");
            platform.warnAboutInactiveBundles(framework.getBundleContext());
            URI adminUri = platform.hasHttp() ? adminUri(framework) : null;
            mark(trace, "http endpoint");
            return new Cambist(framework, adminUri, startMillis, trace);
        } catch (BundleException | RuntimeException e) {
            stopQuietly(framework);
            if (e instanceof CambistException) {
                throw (CambistException) e;
            }
            throw new CambistException("the OSGi framework could not start: " + e.getMessage(), e);
        }
    }

    private static void mark(StartupTrace trace, String phase) {
        if (trace != null) {
            trace.mark(phase);
        }
    }

    private Path resolveHome() {
        Path dir = home != null ? home : Paths.get(System.getProperty(HOME, "."));
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CambistException("Cambist home " + dir + " is not a directory; set -D" + HOME + " or home(..)");
        }
        return dir;
    }

    private String checkHost() {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new CambistException("unknown host " + host + "; use an IP address or a resolvable name with --host");
        }
    }

    private URI adminUri(Framework framework) {
        String endpoint = HttpEndpoints.await(framework.getBundleContext(), startTimeout)
                .orElseThrow(() -> new CambistException("the HTTP service did not open port " + port + " on " + host
                        + " within " + startTimeout.toSeconds() + " s; see the log for the reason"));
        return URI.create(endpoint.replaceAll("/+$", "") + "/api/v1");
    }

    /**
     * Points Logback (inside the framework) at {@code <home>/etc/logback.xml}, writing to {@code <data>/logs}, unless
     * the host chose a configuration. Logback reads system properties only, so these two are system properties.
     */
    private static void useDistributionLogbackConfig(Path homeDir, Path data) {
        Path config = homeDir.resolve("etc/logback.xml");
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(config)) {
            System.setProperty("logback.configurationFile", config.toString());
        }
        if (System.getProperty("cambist.logs") == null) {
            System.setProperty("cambist.logs", data.resolve("logs").toString());
        }
    }

    private static Framework newFramework(Map<String, String> properties) {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, CambistBuilder.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new CambistException("no OSGi framework on the class path; add org.apache.felix.framework"));
        return factory.newFramework(properties);
    }

    private void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(Cambist.STOP_TIMEOUT.toMillis());
        } catch (BundleException | RuntimeException e) {
            logger.log(Level.FINE, "framework stop after a failed start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
