package io.cambist.launcher.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Writes a class data sharing (CDS) archive of every class loaded so far, platform bundles included, when
 * {@code bin/cambist} asks for one ({@code -Dcambist.cds.archive=FILE} with {@code -XX:+RecordDynamicDumpInfo}).
 * Later starts map the archive instead of loading, parsing and verifying those classes again.
 * The archive is written once, after the first successful start, so a failed start never leaves a poor archive behind.
 */
public final class ClassDataSharing {

    /** System property naming the archive to write. */
    public static final String PROPERTY = "cambist.cds.archive";

    private static final Logger LOGGER = Logger.getLogger("io.cambist.launcher");

    private ClassDataSharing() {
    }

    /** Dumps the archive if one was requested and does not exist yet; never fails the caller. */
    public static void dumpIfRequested() {
        String requested = System.getProperty(PROPERTY);
        if (requested == null || requested.isBlank()) {
            return;
        }
        Path archive = Paths.get(requested).toAbsolutePath();
        if (Files.exists(archive)) {
            return;
        }
        // two first starts at once (same home, two data directories) each write their own file; the last rename wins
        Path temp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        long began = System.nanoTime();
        try {
            Files.deleteIfExists(temp);
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmCds", new Object[] { new String[] { "dynamic_dump", temp.toString() } },
                    new String[] { String[].class.getName() });
            if (!Files.isRegularFile(temp)) {
                LOGGER.fine("the JVM wrote no class data sharing archive");
                return;
            }
            Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeOtherArchives(archive);
            long ms = (System.nanoTime() - began) / 1_000_000;
            LOGGER.info(() -> "wrote the class data sharing archive " + archive + " in " + ms + " ms; the next starts are faster");
        } catch (JMException | IOException | RuntimeException e) {
            LOGGER.info(() -> "no class data sharing archive (start-up stays slower): " + e);
            LOGGER.log(Level.FINE, "class data sharing archive failure", e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** Archives made for another JDK or another class path are of no use any more. */
    private static void removeOtherArchives(Path archive) throws IOException {
        try (DirectoryStream<Path> others = Files.newDirectoryStream(archive.getParent(), "cambist-*.jsa")) {
            for (Path other : others) {
                if (!other.equals(archive)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }
}
