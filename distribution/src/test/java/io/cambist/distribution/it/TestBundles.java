package io.cambist.distribution.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.cambist.distribution.it.fixture.GreetingActivator;

/** Builds the test bundle in two versions (and a corrupt jar) with java.util.jar, from this module's test classes. */
public final class TestBundles {

    public static final String SYMBOLIC_NAME = "io.cambist.it.greeting";

    private TestBundles() {
    }

    /** The greeting bundle at {@code version}: its service's {@code cambist.it.greeting} property is that version. */
    public static byte[] greeting(String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", GreetingActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (String suffix : new String[] { "", "$1" }) {
                String name = GreetingActivator.class.getName().replace('.', '/') + suffix + ".class";
                try (InputStream in = GreetingActivator.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        continue;
                    }
                    jar.putNextEntry(new JarEntry(name));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first half of a real bundle jar: a zip with no central directory. */
    public static byte[] corrupt() {
        byte[] whole = greeting("1.0.0");
        return Arrays.copyOf(whole, whole.length / 2);
    }
}
