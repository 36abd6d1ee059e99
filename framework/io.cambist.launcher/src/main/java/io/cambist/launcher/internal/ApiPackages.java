package io.cambist.launcher.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import io.cambist.launcher.CambistException;

/**
 * Reads the {@code Export-Package} header of the io.cambist.api jar on the host class path, for
 * {@code org.osgi.framework.system.packages.extra}: the system bundle then exports exactly the packages and
 * versions the API bundle would.
 */
public final class ApiPackages {

    public static final String BUNDLE_SYMBOLIC_NAME = "io.cambist.api";

    private ApiPackages() {
    }

    public static String fromClassPath() {
        return fromClassLoader(ApiPackages.class.getClassLoader());
    }

    static String fromClassLoader(ClassLoader loader) {
        return exportsOf(BUNDLE_SYMBOLIC_NAME, loader).orElseThrow(() -> new CambistException("exportApi(true) needs the "
                + BUNDLE_SYMBOLIC_NAME + " jar on the class path; add the io.cambist:io.cambist.api dependency"));
    }

    /** The {@code Export-Package} header of the jar on the host class path whose bundle has this symbolic name. */
    public static java.util.Optional<String> exportsOf(String symbolicName) {
        return exportsOf(symbolicName, ApiPackages.class.getClassLoader());
    }

    private static java.util.Optional<String> exportsOf(String symbolicName, ClassLoader loader) {
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                Attributes main = read(manifests.nextElement()).getMainAttributes();
                String bsn = main.getValue("Bundle-SymbolicName");
                if (bsn != null && bsn.split(";")[0].trim().equals(symbolicName)) {
                    String exports = main.getValue("Export-Package");
                    if (exports == null || exports.isBlank()) {
                        break;
                    }
                    return java.util.Optional.of(exports);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Optional.empty();
    }

    private static Manifest read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new Manifest(in);
        }
    }
}
