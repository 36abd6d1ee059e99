package io.cambist.launcher.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

import io.cambist.launcher.CambistException;

/**
 * The platform bundles in {@code bundles/<N>/*.jar}, and their synchronisation with the persistent framework cache.
 * <ul>
 * <li>A jar is identified by its location {@code cambist:bundles/<N>/<file>} (independent of where the distribution
 * lives, so a new distribution directory over the same data directory updates bundles in place).</li>
 * <li>A new jar is installed and started at level N; a jar whose content changed (size and CRC-32) updates its bundle in
 * place; a bundle whose jar left {@code bundles/} is uninstalled. So an upgraded distribution takes effect.</li>
 * <li>Bundles installed at runtime (admin API, {@code deploy/}) are not touched. A plugin (level 6 and up) that an
 * operator uninstalled stays uninstalled until its jar changes; a stopped one stays stopped.</li>
 * </ul>
 */
public final class PlatformBundles {

    static final String LOCATION_PREFIX = "cambist:bundles/";
    private static final Pattern HTTP_IMPLEMENTATION = Pattern.compile("osgi\\.implementation(:String)?=\"?osgi\\.http\"?");

    /** One jar of the platform. */
    record Jar(int level, Path path, String location, String symbolicName, boolean fragment, boolean http) {
    }

    private final Logger logger = Logger.getLogger(PlatformBundles.class.getName());
    private final List<Jar> jars;
    private final int maxLevel;

    private PlatformBundles(List<Jar> jars) {
        this.jars = jars;
        this.maxLevel = jars.stream().mapToInt(Jar::level).max().orElse(1);
    }

    /**
     * Reads the manifests of every jar under {@code dir/<N>/}.
     *
     * @param skipSymbolicName a bundle to leave out (the API bundle when the host exports the API), or null
     */
    public static PlatformBundles scan(Path dir, String skipSymbolicName) {
        if (!Files.isDirectory(dir)) {
            throw new CambistException("no bundles directory at " + dir
                    + "; start Cambist from an assembled distribution (bin/cambist) or pass bundles(..)");
        }
        List<Jar> jars = new ArrayList<>();
        for (Path levelDir : list(dir, p -> Files.isDirectory(p) && p.getFileName().toString().matches("[1-9][0-9]?"))) {
            int level = Integer.parseInt(levelDir.getFileName().toString());
            for (Path jar : list(levelDir, p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))) {
                Jar read = read(level, jar);
                if (!read.symbolicName().equals(skipSymbolicName)) {
                    jars.add(read);
                }
            }
        }
        jars.sort((a, b) -> a.level() != b.level() ? Integer.compare(a.level(), b.level())
                : a.path().getFileName().toString().compareTo(b.path().getFileName().toString()));
        Map<String, Jar> seen = new HashMap<>();
        for (Jar jar : jars) {
            Jar twin = seen.putIfAbsent(jar.symbolicName(), jar);
            if (twin != null) {
                throw new CambistException("bundle " + jar.symbolicName() + " is in bundles/ twice (" + dir.relativize(twin.path())
                        + " and " + dir.relativize(jar.path()) + "); remove one of them");
            }
        }
        return new PlatformBundles(List.copyOf(jars));
    }

    /** The highest start level that holds a bundle (at least 1). */
    public int maxLevel() {
        return maxLevel;
    }

    /** True when a platform bundle implements the OSGi HTTP whiteboard (so there will be an HTTP endpoint). */
    public boolean hasHttp() {
        return jars.stream().anyMatch(Jar::http);
    }

    List<Jar> jars() {
        return jars;
    }

    /**
     * Makes the framework's bundles match {@code bundles/}: install new jars, update changed ones, uninstall removed
     * ones. Call between {@code init()} and {@code start()}.
     */
    public void synchronise(BundleContext context, Path cacheDir) throws BundleException {
        PlatformIndex index = PlatformIndex.load(cacheDir);
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            installed.put(bundle.getLocation(), bundle);
        }
        Set<String> wanted = jars.stream().map(Jar::location).collect(Collectors.toSet());
        for (String location : List.copyOf(index.entries().keySet())) {
            if (!wanted.contains(location)) {
                Bundle gone = installed.get(location);
                if (gone != null) {
                    logger.info(() -> "uninstalling " + gone.getSymbolicName() + ": its jar left " + relative(location));
                    gone.uninstall();
                }
                index.remove(location);
            }
        }
        for (Jar jar : jars) {
            synchronise(context, jar, installed.get(jar.location()), index);
        }
        index.save();
    }

    private void synchronise(BundleContext context, Jar jar, Bundle bundle, PlatformIndex index) throws BundleException {
        PlatformIndex.Entry known = index.get(jar.location());
        long size = size(jar.path());
        long modified = stamp(jar.path());
        // the same size and stamp: the same file, no need to hash it (the stamp includes the change time, because
        // reproducible builds give every jar the same modification time)
        boolean sameFile = known != null && known.size() == size && known.modified() == modified && modified != 0;
        String checksum = sameFile ? known.checksum() : null;
        if (bundle == null) {
            if (known != null && jar.level() >= FrameworkProperties.PLUGIN_START_LEVEL
                    && known.checksum().equals(checksum != null ? checksum : checksum(jar.path()))) {
                logger.fine(() -> jar.symbolicName() + " was uninstalled by an operator; not reinstalling it");
                return;
            }
            CheckedInputStream in = checking(jar.path());
            try (in) {
                bundle = context.installBundle(jar.location(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!jar.fragment()) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(jar.level());
                bundle.start();
            }
            checksum = hex(in);
        } else if (checksum == null) {
            String current = checksum(jar.path());
            if (known == null || !known.checksum().equals(current)) {
                logger.info(() -> "updating " + jar.symbolicName() + " from " + relative(jar.location())
                        + ": its content changed");
                try (InputStream in = Files.newInputStream(jar.path())) {
                    bundle.update(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            checksum = current;
            if (!jar.fragment()) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(jar.level());
            }
        }
        index.put(jar.location(), new PlatformIndex.Entry(jar.level(), size, modified, checksum));
    }

    /** Logs one warning per platform bundle that is not ACTIVE (fragments: not RESOLVED) after the start levels. */
    public void warnAboutInactiveBundles(BundleContext context) {
        Set<String> locations = jars.stream().map(Jar::location).collect(Collectors.toSet());
        for (Bundle bundle : context.getBundles()) {
            if (!locations.contains(bundle.getLocation())) {
                continue;
            }
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            int startLevel = bundle.adapt(BundleStartLevel.class).getStartLevel();
            if (bundle.getState() != expected && (fragment || startLevel <= maxLevel) && isPersistentlyStarted(bundle, fragment)) {
                logger.warning(() -> "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " ("
                        + relative(bundle.getLocation()) + ") is " + State.name(bundle.getState())
                        + ", not " + State.name(expected) + "; see the errors above");
            }
        }
    }

    /** {@code bundles/4/21-x.jar} for {@code cambist:bundles/4/21-x.jar}. */
    private static String relative(String location) {
        return location.substring(LOCATION_PREFIX.length() - "bundles/".length());
    }

    private static boolean isPersistentlyStarted(Bundle bundle, boolean fragment) {
        return fragment || bundle.adapt(BundleStartLevel.class).isPersistentlyStarted();
    }

    private static Jar read(int level, Path path) {
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Attributes main = jar.getManifest() == null ? new Attributes() : jar.getManifest().getMainAttributes();
            String bsn = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null) {
                throw new CambistException(path + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName);"
                        + " remove it from bundles/" + level);
            }
            String capabilities = main.getValue(Constants.PROVIDE_CAPABILITY);
            boolean http = capabilities != null && HTTP_IMPLEMENTATION.matcher(capabilities).find();
            String location = LOCATION_PREFIX + level + "/" + path.getFileName();
            return new Jar(level, path, location, bsn.split(";")[0].trim(), main.getValue(Constants.FRAGMENT_HOST) != null, http);
        } catch (IOException e) {
            throw new CambistException(path + " is not a readable jar (" + e.getMessage() + "); replace or remove it");
        }
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new CambistException("cannot read " + dir + " (" + e.getMessage() + ")");
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A value that changes whenever the file is written or replaced: modification time, change time (ctime) and
     * file key (inode) together. 0 where the file system does not tell the change time: then the jar is hashed.
     */
    static long stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object changed = Files.getAttribute(path, "unix:ctime");
            long stamp = 31 * attributes.lastModifiedTime().toMillis() + ((FileTime) changed).to(TimeUnit.NANOSECONDS);
            return 31 * stamp + Objects.hashCode(attributes.fileKey());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CheckedInputStream checking(Path path) {
        try {
            return new CheckedInputStream(Files.newInputStream(path), new CRC32());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jar's CRC-32. It tells a changed jar from an unchanged one (with the size beside it), which is all the
     * launcher needs; it is no defence against tampering (whoever can write bundles/ owns the installation anyway),
     * and it costs a tenth of SHA-256 in a JVM that has not compiled anything yet.
     */
    static String checksum(Path path) {
        try (CheckedInputStream in = checking(path)) {
            in.transferTo(OutputStream.nullOutputStream());
            return hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(CheckedInputStream in) {
        return String.format("%08x", in.getChecksum().getValue());
    }

    /** Bundle state names for messages. */
    static final class State {
        private State() {
        }

        static String name(int state) {
            return switch (state) {
                case Bundle.UNINSTALLED -> "UNINSTALLED";
                case Bundle.INSTALLED -> "INSTALLED";
                case Bundle.RESOLVED -> "RESOLVED";
                case Bundle.STARTING -> "STARTING";
                case Bundle.STOPPING -> "STOPPING";
                case Bundle.ACTIVE -> "ACTIVE";
                default -> String.valueOf(state);
            };
        }
    }
}
