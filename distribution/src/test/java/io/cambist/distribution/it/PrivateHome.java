package io.cambist.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A home of its own for a {@code bin/cambist run} process test: {@code bin/} copied (the script finds its home from
 * its own location), {@code lib/} and {@code bundles/} linked to the assembled distribution, {@code etc/} with the
 * distribution's logging and REST runtime files plus the test's own configuration files, and an empty
 * {@code deploy/}. So a test chooses its accounts and bots and shares nothing with other tests.
 */
public final class PrivateHome {

    private PrivateHome() {
    }

    /** Creates the home in {@code dir}; {@code configs} maps file names in {@code etc/} to their content. */
    public static Path create(Path dir, Map<String, String> configs) {
        Path dist = CambistOptions.distribution();
        try {
            Files.createDirectories(dir.resolve("bin"));
            Path script = dir.resolve("bin/cambist");
            Files.copy(dist.resolve("bin/cambist"), script, StandardCopyOption.COPY_ATTRIBUTES);
            Files.createSymbolicLink(dir.resolve("lib"), dist.resolve("lib"));
            Files.createSymbolicLink(dir.resolve("bundles"), dist.resolve("bundles"));
            Files.createDirectories(dir.resolve("deploy"));
            Path etc = Files.createDirectories(dir.resolve("etc"));
            for (String file : new String[] {"logback.xml", "JakartarsServletWhiteboardRuntimeComponent.cfg"}) {
                Files.copy(dist.resolve("etc").resolve(file), etc.resolve(file));
            }
            for (Map.Entry<String, String> config : configs.entrySet()) {
                Files.writeString(etc.resolve(config.getKey()), config.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
