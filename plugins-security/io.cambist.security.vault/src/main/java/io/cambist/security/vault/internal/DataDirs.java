package io.cambist.security.vault.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves this bundle's storage area under the {@code cambist.data} framework property. */
final class DataDirs {

    private static final Logger LOGGER = LoggerFactory.getLogger(DataDirs.class);

    private DataDirs() {
    }

    /** {@code <cambist.data>/<area>}, or a temp folder (with a warning) when the property is absent. */
    static Path area(BundleContext context, String area) {
        String data = context.getProperty("cambist.data");
        try {
            if (data == null || data.isBlank()) {
                Path temp = Files.createTempDirectory("cambist-" + area);
                LOGGER.warn("framework property cambist.data is not set: {} kept in {} and lost when it is cleaned", area,
                        temp);
                return temp;
            }
            Path dir = Path.of(data).resolve(area);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the " + area + " folder under " + data + ": " + e.getMessage(), e);
        }
    }
}
