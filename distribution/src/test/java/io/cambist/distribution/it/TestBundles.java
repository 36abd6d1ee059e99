package io.cambist.distribution.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.cambist.distribution.it.fixture.GreetingActivator;
import io.cambist.distribution.it.fixture.RecorderActivator;
import io.cambist.distribution.it.fixture.RecorderStrategy;
import io.cambist.distribution.it.fixture.ThrowingActivator;

/** Builds test bundles (greeting, recorder strategy, broken plugin, a corrupt jar) with java.util.jar from this module's test classes. */
public final class TestBundles {

    public static final String SYMBOLIC_NAME = "io.cambist.it.greeting";

    private TestBundles() {
    }

    /** The greeting bundle at {@code version}: its service's {@code cambist.it.greeting} property is that version. */
    public static byte[] greeting(String version) {
        return jar(SYMBOLIC_NAME, version, GreetingActivator.class, Map.of(), "org.osgi.framework");
    }

    /**
     * A strategy bundle of type {@code type} whose objects record what they see (see {@link RecorderStrategy}); build
     * it at two versions to hot swap it.
     */
    public static byte[] recorder(String symbolicName, String version, String type) {
        return jar(symbolicName, version, RecorderActivator.class, Map.of(RecorderActivator.TYPE_HEADER, type),
                "org.osgi.framework,io.cambist.api.model,io.cambist.api.order,io.cambist.api.strategy", RecorderStrategy.class);
    }

    /** A plugin whose activator throws. */
    public static byte[] broken() {
        return jar("io.cambist.it.broken", "1.0.0", ThrowingActivator.class, Map.of(), "org.osgi.framework");
    }

    /** A bundle jar holding the activator and the other classes (with their inner classes) of this module's tests. */
    static byte[] jar(String symbolicName, String version, Class<?> activator, Map<String, String> headers,
            String imports, Class<?>... others) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", activator.getName());
        main.putValue("Import-Package", imports);
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            List<Class<?>> classes = new ArrayList<>(List.of(others));
            classes.add(0, activator);
            for (Class<?> type : classes) {
                String base = type.getName().replace('.', '/');
                for (int i = 0; i < 10; i++) {
                    String name = base + (i == 0 ? "" : "$" + i) + ".class";
                    try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                        if (in == null) {
                            continue;
                        }
                        jar.putNextEntry(new JarEntry(name));
                        in.transferTo(jar);
                        jar.closeEntry();
                    }
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
