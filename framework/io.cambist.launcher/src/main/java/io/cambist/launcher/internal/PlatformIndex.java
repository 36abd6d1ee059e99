package io.cambist.launcher.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the launcher installed from {@code bundles/}: location to level, size, stamp and CRC-32 of the
 * jar. Kept inside the framework cache (so deleting the cache forgets it too) and written atomically.
 */
final class PlatformIndex {

    static final String FILE_NAME = "cambist-platform.properties";

    /** One installed platform jar: its level, size, {@link PlatformBundles#stamp stamp} and CRC-32. */
    record Entry(int level, long size, long modified, String checksum) {

        String encode() {
            return level + "," + size + "," + modified + "," + checksum;
        }

        static Entry decode(String value) {
            String[] parts = value.split(",");
            if (parts.length != 4) {
                return null;
            }
            try {
                return new Entry(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();

    private PlatformIndex(Path file) {
        this.file = file;
    }

    static PlatformIndex load(Path cacheDir) {
        PlatformIndex index = new PlatformIndex(cacheDir.resolve(FILE_NAME));
        if (Files.isRegularFile(index.file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(index.file)) {
                properties.load(in);
            } catch (IOException e) {
                // an unreadable index only costs a re-check of every jar's content
                return index;
            }
            for (String location : properties.stringPropertyNames()) {
                Entry entry = Entry.decode(properties.getProperty(location));
                if (entry != null) {
                    index.entries.put(location, entry);
                }
            }
        }
        return index;
    }

    Map<String, Entry> entries() {
        return entries;
    }

    Entry get(String location) {
        return entries.get(location);
    }

    void put(String location, Entry entry) {
        entries.put(location, entry);
    }

    void remove(String location) {
        entries.remove(location);
    }

    /** Writes a temp file, forces it to disk, then renames it over the index, so a crash leaves the old or the new one. */
    void save() {
        Properties properties = new Properties();
        entries.forEach((location, entry) -> properties.setProperty(location, entry.encode()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "platform bundles installed by the Cambist launcher from bundles/<level>/");
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
