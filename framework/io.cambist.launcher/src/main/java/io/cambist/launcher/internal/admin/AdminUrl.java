package io.cambist.launcher.internal.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import io.cambist.launcher.CambistException;
import io.cambist.launcher.internal.AtomicFiles;

/**
 * {@code data/admin.url}: where the running container's admin API answers ({@code http://127.0.0.1:8080}), written
 * by {@code cambist run} once the API is ready and removed when it stops cleanly, so {@code cambist api} finds a
 * container started with {@code --port 0}. After a crash the file stays behind; the client then cannot connect and
 * says so.
 */
public final class AdminUrl {

    public static final String FILE = "admin.url";

    private AdminUrl() {
    }

    /** The origin (scheme, host and port) of a URI: {@code http://127.0.0.1:8080/api/v1} gives {@code http://127.0.0.1:8080}. */
    public static URI origin(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** Writes the file (atomically). */
    public static void write(Path dataDir, URI adminUri) throws IOException {
        AtomicFiles.write(dataDir.resolve(FILE), origin(adminUri) + "\n");
    }

    /** Removes the file if it still names {@code adminUri} (another container may have written it since). */
    public static void remove(Path dataDir, URI adminUri) throws IOException {
        Optional<URI> current = read(dataDir);
        if (current.isPresent() && current.get().equals(origin(adminUri))) {
            Files.deleteIfExists(dataDir.resolve(FILE));
        }
    }

    /**
     * Reads the file.
     *
     * @return empty when there is none
     * @throws CambistException when it holds no http(s) URL
     */
    public static Optional<URI> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CambistException("cannot read " + file + " (" + e.getMessage() + ")");
        }
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(origin(uri));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CambistException(file + " does not hold an http URL; delete it, or pass the address with --url");
    }
}
