package io.cambist.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The minimal platform the build copies into {@code target/test-platform/bundles}: level 2 has the OSGi utility
 * APIs, SCR and Config Admin, level 5 the Cambist API.
 */
final class TestPlatform {

    private TestPlatform() {
    }

    static Path bundles() {
        return Paths.get(System.getProperty("cambist.test.platform", "target/test-platform")).resolve("bundles")
                .toAbsolutePath();
    }

    /** A private copy of the platform bundles under {@code dir}, which a test may change. */
    static Path copyTo(Path dir) {
        Path source = bundles();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
