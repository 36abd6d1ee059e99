package io.cambist.distribution.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;

import io.cambist.launcher.internal.FrameworkProperties;

/**
 * Pax Exam options that boot the assembled product: exactly the jars of {@code target/cambist/bundles/<N>} at start
 * level N (fragments installed, not started), the framework properties the launcher sets (one source of truth:
 * {@link FrameworkProperties}), private copies of {@code deploy/} and {@code etc/} for FileInstall, a fresh data
 * directory and a free HTTP port. Every whole-product Pax Exam test starts from {@link #product(String)}.
 * <p>
 * In the container, read the chosen values back from the framework: {@code cambist.data},
 * {@code cambist.home} (the test's copy) and {@code org.osgi.service.http.port}.
 */
public final class CambistOptions {

    /** Where failsafe points at the assembled distribution. */
    public static Path distribution() {
        return Paths.get(System.getProperty("cambist.dist", "target/cambist")).toAbsolutePath().normalize();
    }

    private CambistOptions() {
    }

    /**
     * The product as {@code cambist run} starts it, in a working directory of its own under {@code target/it/<name>}
     * (home with {@code deploy/} and {@code etc/} copied from the distribution, and an empty {@code data/}).
     */
    public static Option[] product(String name) {
        Path dist = distribution();
        Path home = Paths.get(System.getProperty("cambist.it.dir", "target/it")).toAbsolutePath().resolve(name);
        deleteRecursively(home);
        copyDir(dist.resolve("deploy"), home.resolve("deploy"));
        copyDir(dist.resolve("etc"), home.resolve("etc"));
        Path data = home.resolve("data");
        createDirectories(data);

        List<Option> options = new ArrayList<>(platformBundles(dist.resolve("bundles")));
        Map<String, String> properties = FrameworkProperties.builder()
                .home(home).data(data).mode("run").port(freePort()).host("127.0.0.1")
                .beginningStartLevel(1)
                .extra(Map.of())
                .build();
        for (Map.Entry<String, ?> property : ((Map<String, ?>) properties).entrySet()) {
            Object value = property.getValue();
            // Pax Exam owns the cache (cleanCaches) and the start level; Felix's logger object is the launcher's own
            if (value instanceof String && !property.getKey().startsWith("org.osgi.framework.storage")
                    && !property.getKey().equals(Constants.FRAMEWORK_BEGINNING_STARTLEVEL)) {
                options.add(frameworkProperty(property.getKey()).value(value));
            }
        }
        options.add(cleanCaches());
        options.add(junitBundles());
        // Pax Exam's probe sits at level 5; the product's highest level is 7
        options.add(frameworkStartLevel(10));
        return options.toArray(new Option[0]);
    }

    /** {@code bundles/<N>/*.jar} as provisioning options, in the launcher's order. */
    static List<Option> platformBundles(Path bundles) {
        List<Option> options = new ArrayList<>();
        try (Stream<Path> levels = Files.list(bundles)) {
            List<Path> levelDirs = levels.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .collect(Collectors.toList());
            for (Path levelDir : levelDirs) {
                int level = Integer.parseInt(levelDir.getFileName().toString());
                try (Stream<Path> jars = Files.list(levelDir)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList())) {
                        // G8: a fragment (org.eclipse.osgitech.rest.sse) is installed, never started
                        options.add(bundle(jar.toUri().toString()).startLevel(level).start(!isFragment(jar)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bundles + "; run `mvn package` in distribution first", e);
        }
        return options;
    }

    /** One jar of the distribution's {@code bundles/}. */
    public record PlatformJar(String location, int level, boolean fragment) {
    }

    /** The jars in {@code bundles/<N>/} by symbolic name. */
    public static Map<String, PlatformJar> platformJars() {
        try (Stream<Path> jars = Files.walk(distribution().resolve("bundles"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toMap(CambistOptions::symbolicName,
                    jar -> new PlatformJar(jar.toUri().toString(), Integer.parseInt(jar.getParent().getFileName().toString()),
                            isFragment(jar))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFragment(Path jar) {
        return header(jar, Constants.FRAGMENT_HOST) != null;
    }

    static String symbolicName(Path jar) {
        return header(jar, Constants.BUNDLE_SYMBOLICNAME).split(";")[0].trim();
    }

    private static String header(Path jar, String name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on right now (the container binds it a moment later). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyDir(Path from, Path to) {
        createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
