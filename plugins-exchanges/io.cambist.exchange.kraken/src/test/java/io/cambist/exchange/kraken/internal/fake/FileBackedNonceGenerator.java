package io.cambist.exchange.kraken.internal.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongSupplier;

import io.cambist.api.security.NonceGenerator;

/**
 * A {@link NonceGenerator} that keeps its last value in a file (written to a temporary file, then moved over it), so
 * a new instance on the same file continues above every value handed out before: what a restart looks like.
 */
public final class FileBackedNonceGenerator implements NonceGenerator {

    private final Path file;
    private final LongSupplier clock;
    private Long last;

    public FileBackedNonceGenerator(Path file, LongSupplier clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public synchronized long next(String keyAlias) {
        try {
            if (last == null) {
                last = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0L;
            }
            long value = Math.max(clock.getAsLong(), last + 1);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(value), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            last = value;
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
