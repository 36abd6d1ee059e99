package io.cambist.launcher.internal.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.cambist.launcher.CambistException;

/**
 * The bundle set of a backtest, taken from a distribution's {@code bundles/}: the OSGi services (level 2: DS and
 * Config Admin), the core, the paper exchange (its simulated venue factory) and every strategy bundle, and nothing
 * else (no HTTP, REST, admin API, connectors or FileInstall). The API and SLF4J are exported from the launcher's class
 * path instead of being installed (see {@link BacktestContainer}), which also leaves out the logging level (SPI Fly
 * weaving and Logback's start-up cost most of a second).
 * <p>
 * The chosen jars are linked (or copied where links are not possible) into {@code <scratch>/bundles/<N>/} and the
 * framework cache lives in {@code <scratch>/data}: a throwaway directory that {@link #close()} deletes.
 */
public final class BacktestPlatform implements AutoCloseable {

    public static final String CORE = "io.cambist.core";
    public static final String PAPER = "io.cambist.exchange.paper";
    /** The service a strategy bundle provides, as bnd writes it into {@code Provide-Capability}. */
    static final String STRATEGY_SERVICE = "io.cambist.api.strategy.Strategy";
    /** Level 2 (DS, Config Admin and their APIs) is taken, but for Metatype: it describes configurations to the
     *  admin API, which a backtest does not have, and it needs the OSGi Log Service of level 1. */
    static final int SERVICE_LEVEL = 2;
    static final String METATYPE = "org.apache.felix.metatype";
    static final int PLUGIN_LEVEL = 6;

    private final Path root;
    private final Set<String> strategyBundles;
    /** Deletes the scratch directory when the JVM exits before {@link #close()} (Ctrl-C during a long run). */
    private final Thread cleanUp;

    private BacktestPlatform(Path root, Set<String> strategyBundles) {
        this.root = root;
        this.strategyBundles = strategyBundles;
        this.cleanUp = new Thread(() -> {
            try {
                delete(root);
            } catch (UncheckedIOException e) {
                // the JVM is exiting; a temporary directory is left behind at worst
            }
        }, "cambist-backtest-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp);
    }

    /**
     * Chooses and stages the bundles.
     *
     * @param home    the distribution directory (with {@code bundles/} and {@code deploy/})
     * @param extra   further strategy bundles to install at level 6 ({@code --bundle})
     * @param scratch where to create the throwaway directory, or null for the system's temporary directory
     * @throws CambistException when the distribution lacks the core or the paper exchange
     */
    public static BacktestPlatform stage(Path home, List<Path> extra, Path scratch) {
        Path bundles = home.resolve("bundles");
        if (!Files.isDirectory(bundles)) {
            throw new CambistException("no bundles directory at " + bundles
                    + "; run cambist backtest from an assembled distribution (bin/cambist)");
        }
        Path root = createRoot(scratch);
        try {
            Set<String> strategies = new LinkedHashSet<>();
            Set<String> chosen = new LinkedHashSet<>();
            for (Path levelDir : list(bundles, p -> Files.isDirectory(p) && p.getFileName().toString().matches("[1-9][0-9]?"))) {
                int level = Integer.parseInt(levelDir.getFileName().toString());
                for (Path jar : list(levelDir, BacktestPlatform::isJar)) {
                    Manifest m = Manifest.read(jar);
                    boolean strategy = m.provides(STRATEGY_SERVICE);
                    boolean service = level == SERVICE_LEVEL && !m.symbolicName().equals(METATYPE);
                    if (service || m.symbolicName().equals(CORE) || m.symbolicName().equals(PAPER) || strategy) {
                        link(jar, root.resolve("bundles").resolve(String.valueOf(level)).resolve(jar.getFileName()));
                        chosen.add(m.symbolicName());
                        if (strategy) {
                            strategies.add(m.symbolicName());
                        }
                    }
                }
            }
            for (String needed : List.of(CORE, PAPER)) {
                if (!chosen.contains(needed)) {
                    throw new CambistException("bundle " + needed + " is not in " + bundles
                            + "; a backtest needs it (reinstall the distribution)");
                }
            }
            List<Path> more = new ArrayList<>();
            Path deploy = home.resolve("deploy");
            if (Files.isDirectory(deploy)) {
                list(deploy, BacktestPlatform::isJar).stream().filter(jar -> Manifest.read(jar).provides(STRATEGY_SERVICE))
                        .forEach(more::add);
            }
            more.addAll(extra);
            int n = 0;
            for (Path jar : more) {
                Manifest m = Manifest.read(jar);
                if (chosen.add(m.symbolicName())) {
                    link(jar, root.resolve("bundles").resolve(String.valueOf(PLUGIN_LEVEL))
                            .resolve(String.format("9%02d-%s", n++, jar.getFileName())));
                    strategies.add(m.symbolicName());
                }
            }
            return new BacktestPlatform(root, Set.copyOf(strategies));
        } catch (RuntimeException e) {
            delete(root);
            throw e;
        }
    }

    /** The staged {@code bundles/<N>/} directory for {@code CambistBuilder.bundles(..)}. */
    public Path bundles() {
        return root.resolve("bundles");
    }

    /** The data directory of the backtest container (framework cache). */
    public Path data() {
        return root.resolve("data");
    }

    /** The throwaway directory itself. */
    public Path root() {
        return root;
    }

    /** The symbolic names of the bundles that provide strategy types. */
    public Set<String> strategyBundles() {
        return strategyBundles;
    }

    /** Deletes the throwaway directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook deletes it
        }
        delete(root);
    }

    private static Path createRoot(Path scratch) {
        try {
            if (scratch == null) {
                return Files.createTempDirectory("cambist-backtest-");
            }
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch.toAbsolutePath(), "cambist-backtest-");
        } catch (IOException e) {
            throw new CambistException("cannot create a scratch directory" + (scratch == null ? "" : " in " + scratch)
                    + " (" + e.getMessage() + "); choose another with --data");
        }
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p);
    }

    private static void link(Path jar, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.createSymbolicLink(target, jar.toAbsolutePath());
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(jar, target);
            }
        } catch (IOException e) {
            throw new CambistException("cannot stage " + jar + " for the backtest (" + e.getMessage() + ")");
        }
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new CambistException("cannot read " + dir + " (" + e.getMessage() + ")");
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch directory " + dir, e);
        }
    }

    /** The two manifest headers the choice needs. */
    record Manifest(String symbolicName, String capabilities) {

        static Manifest read(Path jar) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                Attributes main = file.getManifest() == null ? new Attributes() : file.getManifest().getMainAttributes();
                String bsn = main.getValue("Bundle-SymbolicName");
                if (bsn == null) {
                    throw new CambistException(jar + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
                }
                return new Manifest(bsn.split(";")[0].trim(), main.getValue("Provide-Capability"));
            } catch (IOException e) {
                throw new CambistException(jar + " is not a readable jar (" + e.getMessage() + ")");
            }
        }

        /** True when an {@code osgi.service} capability names the service among its object classes. */
        boolean provides(String service) {
            return capabilities != null && java.util.regex.Pattern.compile("objectClass(:List<String>)?=\"([^\"]*,)?\\s*"
                    + java.util.regex.Pattern.quote(service) + "\\s*[,\"]").matcher(capabilities).find();
        }
    }
}
