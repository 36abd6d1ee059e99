package io.cambist.launcher.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.cambist.launcher.CambistBuilder;

/** Finds the distribution directory: {@code -Dcambist.home} (set by bin/cambist), else the parent of lib/. */
final class Home {

    private Home() {
    }

    static Path resolve() {
        String property = System.getProperty(CambistBuilder.HOME);
        if (property != null && !property.isBlank()) {
            return Paths.get(property).toAbsolutePath().normalize();
        }
        try {
            Path jar = Paths.get(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = jar.getParent();
            if (Files.isRegularFile(jar) && lib != null && lib.getParent() != null
                    && Files.isDirectory(lib.getParent().resolve("bundles"))) {
                return lib.getParent();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the working directory
        }
        return Paths.get("").toAbsolutePath();
    }
}
