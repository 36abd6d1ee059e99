package io.cambist.admin.internal.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

/** A real Felix framework for tests (storage under target/, cleaned on start), and bundle jars built on the fly. */
public final class TestFramework implements AutoCloseable {

    private final Framework framework;

    public TestFramework() throws Exception {
        this(Map.of());
    }

    /** A framework with extra framework properties. */
    public TestFramework(Map<String, String> properties) throws Exception {
        Path storage = Path.of(System.getProperty("java.io.tmpdir"), "felix-" + UUID.randomUUID());
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "10");
        props.put("felix.log.level", "0");
        props.putAll(properties);
        framework = new FrameworkFactory().newFramework(props);
        framework.start();
        Files.createDirectories(storage);
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Installs and starts a generated bundle at a start level. */
    public Bundle install(String symbolicName, String version, int startLevel) throws Exception {
        Bundle b = context().installBundle("test:" + symbolicName + "/" + version,
                new ByteArrayInputStream(bundleJar(symbolicName, version, Map.of())));
        b.adapt(BundleStartLevel.class).setStartLevel(startLevel);
        b.start();
        return b;
    }

    /** A minimal bundle jar. */
    public static byte[] bundleJar(String symbolicName, String version, Map<String, String> headers) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
            a.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        }
        if (version != null) {
            a.putValue(Constants.BUNDLE_VERSION, version);
        }
        headers.forEach(a::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new ZipEntry("readme.txt"));
            jar.write(("bundle " + symbolicName + " " + version).getBytes());
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws org.osgi.framework.BundleException {
        framework.stop();
        try {
            framework.waitForStop(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
