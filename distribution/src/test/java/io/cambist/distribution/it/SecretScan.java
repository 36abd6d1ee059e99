package io.cambist.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Searches everything a test run could have leaked a secret into: the container's log output (the Logback file
 * that the distribution's {@code etc/logback.xml} writes under {@code cambist.logs}; its console appender writes the
 * same lines), the audit log, and every API response the test collected.
 */
public final class SecretScan {

    private SecretScan() {
    }

    /** The {@code .log} files in a directory (the test JVM's containers log to {@code cambist.logs}). */
    public static List<Path> logFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails naming where a secret was found. Secrets shorter than 12 characters are refused as a test mistake (they
     * could match by chance).
     */
    public static void assertNoSecret(Collection<String> secrets, Collection<AdminClient.Response> responses, Path data) {
        assertNoSecret(secrets, responses, data, logFiles(Paths.get(System.getProperty("cambist.logs", "target/it/logs"))));
    }

    /** Like {@link #assertNoSecret(Collection, Collection, Path)} with the log files given. */
    public static void assertNoSecret(Collection<String> secrets, Collection<AdminClient.Response> responses, Path data,
            List<Path> logs) {
        List<Path> files = new ArrayList<>(logs);
        if (files.isEmpty()) {
            throw new AssertionError("no log file to search");
        }
        Path audit = data.resolve("audit/audit.log");
        if (Files.exists(audit)) {
            files.add(audit);
        }
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < 12) {
                throw new AssertionError("not a secret worth searching for: " + secret);
            }
            for (Path file : files) {
                try {
                    if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(secret)) {
                        found.add("a secret of " + secret.length() + " characters is in " + file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (AdminClient.Response r : responses) {
                if (r.body().contains(secret)) {
                    found.add("a secret of " + secret.length() + " characters is in a response: " + r.status());
                }
            }
        }
        if (!found.isEmpty()) {
            throw new AssertionError(String.join("; ", found));
        }
    }

    /** The generated vault passphrase of a data directory. */
    public static String passphrase(Path data) {
        try {
            return Files.readString(data.resolve("vault.passphrase")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
