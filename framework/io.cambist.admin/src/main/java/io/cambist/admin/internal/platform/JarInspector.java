package io.cambist.admin.internal.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import io.cambist.admin.internal.rest.ApiException;

/** Checks that an uploaded body is a jar holding an OSGi bundle before it goes near the framework. */
public final class JarInspector {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final int MAX_MANIFEST = 1 << 20;

    /**
     * What the jar says about itself.
     *
     * @param symbolicName Bundle-SymbolicName without directives
     * @param version      Bundle-Version
     */
    public record JarInfo(String symbolicName, Version version) {
    }

    private JarInspector() {
    }

    /** The bundle's identity, or a 400 that says why the body is not a bundle. */
    public static JarInfo inspect(byte[] jar) {
        if (jar == null || jar.length == 0) {
            throw ApiException.badRequest("the request body is empty: send the bundle jar as the body "
                    + "(Content-Type: application/java-archive)");
        }
        if (jar.length < 4 || jar[0] != 'P' || jar[1] != 'K' || jar[2] != 3 || jar[3] != 4) {
            throw ApiException.badRequest("the request body is not a jar (a jar is a zip file and starts with 'PK')");
        }
        Manifest manifest = readManifest(jar);
        if (manifest == null) {
            throw ApiException.badRequest("the jar has no " + MANIFEST + ", so it is not an OSGi bundle");
        }
        String bsn = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null || bsn.isBlank()) {
            throw ApiException.badRequest("the jar's manifest has no Bundle-SymbolicName, so it is not an OSGi bundle; "
                    + "build it with bnd (bnd-maven-plugin) or the maven-bundle-plugin");
        }
        int semicolon = bsn.indexOf(';');
        String name = (semicolon < 0 ? bsn : bsn.substring(0, semicolon)).trim();
        String versionText = manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
        Version version;
        try {
            version = versionText == null ? Version.emptyVersion : Version.parseVersion(versionText.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the jar's Bundle-Version '" + versionText + "' is not an OSGi version "
                    + "(major.minor.micro.qualifier)");
        }
        return new JarInfo(name, version);
    }

    private static Manifest readManifest(byte[] jar) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            boolean any = false;
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                if (MANIFEST.equalsIgnoreCase(entry.getName())) {
                    return new Manifest(new ByteArrayInputStream(readBounded(zip)));
                }
            }
            if (!any) {
                throw ApiException.badRequest("the request body is not a readable jar (no zip entries found)");
            }
            return null;
        } catch (IOException e) {
            throw ApiException.badRequest("the jar is corrupt and cannot be read (" + e.getMessage() + ")");
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > MAX_MANIFEST) {
                throw new IOException("manifest larger than " + MAX_MANIFEST + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
