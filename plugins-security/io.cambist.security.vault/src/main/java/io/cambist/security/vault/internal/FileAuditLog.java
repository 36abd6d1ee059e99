package io.cambist.security.vault.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.AuditRecord;
import io.cambist.api.security.AuditVerification;

/**
 * The append-only, hash-chained audit log in {@code data/audit/audit.log}: one JSON line per record (see
 * {@link AuditCodec}), each fsynced before {@link #append} returns. On open, a partial last line (a crash mid-write,
 * never acknowledged) is cut off. {@link #verify()} recomputes the chain and names the first record that was changed,
 * removed or moved.
 */
@Component(service = AuditLog.class)
public final class FileAuditLog implements AuditLog, AutoCloseable {

    private final Logger logger = LoggerFactory.getLogger(FileAuditLog.class);

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;
    private long lastSequence;
    private String lastHash = AuditCodec.GENESIS;

    @Activate
    public FileAuditLog(BundleContext context) {
        this(DataDirs.area(context, VaultConstants.AUDIT_AREA), Clock.systemUTC());
    }

    FileAuditLog(Path dir, Clock clock) {
        this.file = dir.resolve(VaultConstants.AUDIT_FILE);
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                channel.close();
                throw new IllegalStateException("the audit log " + file + " is in use by a running Cambist container: "
                        + "stop it first, or read the log through the admin API (GET /api/v1/audit)");
            }
            recoverTail();
            channel.position(channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Finds the last complete record; cuts off a partial line left by a crash. */
    private void recoverTail() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        int chunk = 64 * 1024;
        while (true) {
            long start = Math.max(0, size - chunk);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - start));
            channel.read(buf, start);
            byte[] bytes = buf.array();
            int end = bytes.length;
            if (bytes[end - 1] != '\n') {
                int lastNewline = lastIndexOf(bytes, end - 1);
                if (lastNewline < 0 && start > 0) {
                    chunk *= 2;
                    continue;
                }
                long keep = lastNewline < 0 ? 0 : start + lastNewline + 1;
                logger.warn("audit log {}: cut off a partial last record of {} bytes (a crash while writing it)", file,
                        size - keep);
                channel.truncate(keep);
                channel.force(true);
                size = keep;
                if (size == 0) {
                    return;
                }
                continue;
            }
            int previousNewline = lastIndexOf(bytes, end - 2);
            if (previousNewline < 0 && start > 0) {
                chunk *= 2;
                continue;
            }
            String line = new String(bytes, previousNewline + 1, end - previousNewline - 2, StandardCharsets.UTF_8);
            try {
                AuditRecord last = AuditCodec.parse(line);
                lastSequence = last.sequence();
                lastHash = last.hash();
            } catch (IllegalArgumentException e) {
                throw new IOException("its last line is not an audit record (" + e.getMessage() + "); run verify and "
                        + "move the file away to start a new log", e);
            }
            return;
        }
    }

    private static int lastIndexOf(byte[] bytes, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public synchronized AuditRecord append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        AuditRecord record = AuditCodec.seal(lastSequence + 1, clock.millis(), event, lastHash);
        ByteBuffer bytes = ByteBuffer.wrap((AuditCodec.line(record) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
        lastSequence = record.sequence();
        lastHash = record.hash();
        return record;
    }

    @Override
    public List<AuditRecord> read(long fromSequence, int limit) {
        List<AuditRecord> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && out.size() < limit) {
                if (line.isBlank()) {
                    continue;
                }
                AuditRecord r;
                try {
                    r = AuditCodec.parse(line);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (r.sequence() >= fromSequence) {
                    out.add(r);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long lastSequence() {
        return lastSequence;
    }

    @Override
    public AuditVerification verify() {
        long expectedLast;
        synchronized (this) {
            expectedLast = lastSequence;
        }
        return verify(file, expectedLast);
    }

    /**
     * Checks a log file's chain.
     *
     * @param expectedLast the last sequence known to have been written (0 when unknown), to detect a cut-off end
     */
    static AuditVerification verify(Path file, long expectedLast) {
        long checked = 0;
        String previous = AuditCodec.GENESIS;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                long expected = checked + 1;
                AuditRecord r;
                try {
                    r = AuditCodec.parse(line);
                } catch (IllegalArgumentException e) {
                    return bad(checked, expected, "record " + expected + " is not a valid audit record", previous);
                }
                if (r.sequence() != expected) {
                    return bad(checked, expected, "record " + expected + " is missing or out of place (found record "
                            + r.sequence() + " where " + expected + " belongs)", previous);
                }
                if (!previous.equals(r.previousHash())) {
                    return bad(checked, expected, "record " + expected + " does not follow record " + checked
                            + " (its previous hash differs): a record before it was changed or removed", previous);
                }
                String recomputed = AuditCodec.hash(previous, AuditCodec.canonical(r.sequence(), r.time(), r.event()));
                if (!recomputed.equals(r.hash())) {
                    return bad(checked, expected, "record " + expected + " was changed (its hash does not match)",
                            previous);
                }
                previous = r.hash();
                checked++;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return expectedLast > 0 ? bad(0, 1, "the audit log " + file + " is missing", previous)
                    : new AuditVerification(true, 0, 0, null, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        if (checked < expectedLast) {
            return bad(checked, checked + 1, "the log ends at record " + checked + " but record " + expectedLast
                    + " was written: records were removed from its end", previous);
        }
        return new AuditVerification(true, checked, 0, null, previous);
    }

    private static AuditVerification bad(long checked, long firstBad, String problem, String lastGoodHash) {
        return new AuditVerification(false, checked, firstBad, problem, lastGoodHash);
    }

    @Override
    @Deactivate
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            logger.warn("could not close the audit log {}: {}", file, e.getMessage());
        }
    }
}
