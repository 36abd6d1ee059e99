package io.cambist.exchange.paper.internal.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper account's state on disk, crash-safe: {@code snapshot.txt} (the whole state, written to a temporary file,
 * fsynced and renamed into place, with a checksum) and {@code journal.log} (state changes since the snapshot, one
 * entry per line: {@code <sequence> <crc32> <records>}). An entry is one atomic change: after a crash it is there
 * whole or, when torn, detected by its checksum or missing newline, skipped with a warning and cut off. A bad entry
 * before the last one is corruption, not a crash, and stops the account rather than lose data.
 * <p>
 * The directory is locked while the store is open, so two connectors never share an account.
 */
public final class PaperStore implements Closeable {

    static final String SNAPSHOT = "snapshot.txt";
    static final String SNAPSHOT_TMP = "snapshot.tmp";
    static final String JOURNAL = "journal.log";
    static final String LOCK = "lock";
    static final String MAGIC = "CAMBIST-PAPER-SNAPSHOT";

    private final Logger logger = LoggerFactory.getLogger(PaperStore.class);
    private final Path dir;
    private final long compactBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel journal;
    private long sequence;

    /**
     * Opens (and locks) an account directory, creating it when absent.
     *
     * @param compactBytes journal size above which {@link #needsCompaction()} says so
     * @throws IOException           when the directory cannot be created or locked
     * @throws IllegalStateException when another connector or process holds the account
     */
    public PaperStore(Path dir, long compactBytes) throws IOException {
        this.dir = dir;
        this.compactBytes = compactBytes;
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new IllegalStateException("paper account directory " + dir
                    + " is in use by another connector or process: give each paper account its own account id");
        }
        lock = l;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Reads the stored state.
     *
     * @return the state, or {@code null} when the directory holds none yet (a new account)
     * @throws IllegalStateException when the files are damaged beyond a torn last entry, saying what to do
     */
    public StoredState load() throws IOException {
        Path snap = dir.resolve(SNAPSHOT);
        StoredState state = new StoredState();
        long snapshotSequence = 0;
        boolean any = false;
        if (Files.exists(snap)) {
            snapshotSequence = readSnapshot(snap, state);
            any = true;
        }
        sequence = snapshotSequence;
        Path log = dir.resolve(JOURNAL);
        journal = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        any |= readJournal(log, state, snapshotSequence);
        Files.deleteIfExists(dir.resolve(SNAPSHOT_TMP));
        return any ? state : null;
    }

    private long readSnapshot(Path snap, StoredState state) throws IOException {
        String text = Files.readString(snap, StandardCharsets.UTF_8);
        int end = text.lastIndexOf("END ");
        if (!text.startsWith(MAGIC + " ") || end < 0 || !text.endsWith("\n")) {
            throw damaged(snap, "it is incomplete");
        }
        String body = text.substring(0, end);
        String crc = text.substring(end + 4, text.length() - 1).strip();
        if (!crc.equals(crc(body))) {
            throw damaged(snap, "its checksum does not match");
        }
        String[] lines = body.split("\n");
        String[] head = lines[0].split(" ");
        if (head.length != 3 || !head[1].equals(String.valueOf(StateCodec.VERSION))) {
            throw damaged(snap, "its header '" + lines[0] + "' is not version " + StateCodec.VERSION);
        }
        for (int i = 1; i < lines.length; i++) {
            try {
                state.apply(lines[i]);
            } catch (IllegalArgumentException e) {
                throw damaged(snap, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return Long.parseLong(head[2]);
    }

    private boolean readJournal(Path log, StoredState state, long after) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int pos = 0;
        long good = 0;
        boolean any = false;
        int lineNo = 0;
        while (pos < bytes.length) {
            lineNo++;
            int nl = indexOf(bytes, (byte) '\n', pos);
            if (nl < 0) {
                tornTail(log, good, lineNo, "it has no end of line");
                break;
            }
            String line = new String(bytes, pos, nl - pos, StandardCharsets.UTF_8);
            String problem = null;
            long seq = -1;
            String records = null;
            int a = line.indexOf(' ');
            int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
            if (b < 0) {
                problem = "it is malformed";
            } else {
                try {
                    seq = Long.parseLong(line.substring(0, a));
                    records = line.substring(b + 1);
                    if (!line.substring(a + 1, b).equals(crc(seq + " " + records))) {
                        problem = "its checksum does not match";
                    }
                } catch (NumberFormatException e) {
                    problem = "it is malformed";
                }
            }
            if (problem != null) {
                if (nl == bytes.length - 1) {
                    tornTail(log, good, lineNo, problem);
                    break;
                }
                throw damaged(log, "entry " + lineNo + " is corrupt (" + problem + ") and is not the last one");
            }
            if (seq > after) {
                for (String record : records.split("\t")) {
                    try {
                        state.apply(record);
                    } catch (IllegalArgumentException e) {
                        throw damaged(log, "entry " + lineNo + ": " + e.getMessage());
                    }
                }
                any = true;
            }
            sequence = Math.max(sequence, seq);
            good = nl + 1L;
            pos = nl + 1;
        }
        journal.position(good);
        return any;
    }

    private void tornTail(Path log, long good, int lineNo, String problem) throws IOException {
        logger.warn("Paper account journal {} ends with a torn entry {} ({}), left by a crash mid-write; it was skipped "
                + "and cut off, everything before it is kept", log, lineNo, problem);
        journal.truncate(good);
        journal.force(true);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private IllegalStateException damaged(Path file, String problem) {
        return new IllegalStateException("paper account state " + file + " is damaged: " + problem
                + "; restore the directory " + dir + " from a backup, or delete it to start the account afresh");
    }

    /**
     * Appends one atomic change.
     *
     * @param sync fsync before returning (order changes); a position-only change may skip it, since a process crash
     *             keeps what was written and only an OS crash could lose it
     */
    public void append(List<String> records, boolean sync) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        long seq = sequence + 1;
        String body = String.join("\t", records);
        String line = seq + " " + crc(seq + " " + body) + " " + body + "\n";
        ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            journal.write(buf);
        }
        if (sync) {
            journal.force(false);
        }
        sequence = seq;
    }

    /** True when the journal has grown enough to be folded into a new snapshot. */
    public boolean needsCompaction() throws IOException {
        return journal.size() > compactBytes;
    }

    /** Writes the whole state as the new snapshot (temp file, fsync, atomic rename) and empties the journal. */
    public void snapshot(List<String> records) throws IOException {
        StringBuilder body = new StringBuilder(MAGIC).append(' ').append(StateCodec.VERSION).append(' ').append(sequence)
                .append('\n');
        for (String r : records) {
            body.append(r).append('\n');
        }
        String text = body + "END " + crc(body.toString()) + "\n";
        Path tmp = dir.resolve(SNAPSHOT_TMP);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        journal.truncate(0);
        journal.position(0);
        journal.force(true);
    }

    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a directory; the rename is still atomic there
        }
    }

    static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    @Override
    public void close() throws IOException {
        try {
            if (journal != null) {
                journal.close();
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }
}
