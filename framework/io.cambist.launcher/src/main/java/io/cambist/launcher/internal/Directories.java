package io.cambist.launcher.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.cambist.launcher.CambistException;

/** Checks the data directory before anything is written to it, so a bad one is one clear error. */
public final class Directories {

    private Directories() {
    }

    /**
     * Creates the data directory when missing and proves it is readable and writable by writing a probe file.
     *
     * @return the absolute, normalised directory
     */
    public static Path prepareDataDir(Path dir) {
        Path data = dir.toAbsolutePath().normalize();
        if (Files.exists(data) && !Files.isDirectory(data)) {
            throw new CambistException("data directory " + data + " is not a directory; choose another with --data");
        }
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new CambistException("cannot create data directory " + data + " (" + reason(e)
                    + "); choose another with --data");
        }
        if (!Files.isReadable(data) || !Files.isWritable(data) || !Files.isExecutable(data)) {
            throw unusable(data, "permission denied");
        }
        try {
            Path probe = Files.createTempFile(data, ".cambist-probe", ".tmp");
            Files.delete(probe);
            try (var entries = Files.list(data)) {
                entries.findFirst();
            }
        } catch (IOException e) {
            throw unusable(data, reason(e));
        }
        return data;
    }

    private static CambistException unusable(Path data, String reason) {
        return new CambistException("data directory " + data + " is not readable and writable (" + reason
                + "); fix its permissions or choose another with --data");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
