package io.cambist.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small bundle jars for the tests with java.util.jar: a manifest and, optionally, classes of this module. */
final class TestBundles {

    private TestBundles() {
    }

    /** A bundle with only a manifest. */
    static Path write(Path file, String symbolicName, String version) {
        return write(file, symbolicName, version, null, null);
    }

    /** A bundle whose activator (and the classes in its package) come from the test classes. */
    static Path write(Path file, String symbolicName, String version, Class<?> activator, String importPackage,
            Class<?>... classes) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        if (activator != null) {
            main.putValue("Bundle-Activator", activator.getName());
            main.putValue("Import-Package", importPackage);
        }
        try {
            Files.createDirectories(file.getParent());
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), manifest)) {
                if (activator != null) {
                    add(jar, activator);
                }
                for (Class<?> type : classes) {
                    add(jar, type);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundle with only a manifest, stored uncompressed: versions of equal length give jars of equal size. */
    static Path writeStored(Path file, String symbolicName, String version) {
        String manifest = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: " + symbolicName
                + "\r\nBundle-Version: " + version + "\r\n\r\n";
        byte[] bytes = manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        JarEntry entry = new JarEntry("META-INF/MANIFEST.MF");
        entry.setMethod(JarEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        entry.setTime(0);
        try {
            Files.createDirectories(file.getParent());
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
                jar.putNextEntry(entry);
                jar.write(bytes);
                jar.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundle with an extra manifest header (e.g. Provide-Capability). */
    static Path writeWithHeader(Path file, String symbolicName, String header, String value) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue(header, value);
        try {
            Files.createDirectories(file.getParent());
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), manifest)) {
                jar.flush();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JarOutputStream jar, Class<?> type) throws IOException {
        String name = type.getName().replace('.', '/') + ".class";
        jar.putNextEntry(new JarEntry(name));
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            jar.write(bytes.toByteArray());
        }
        jar.closeEntry();
    }
}
