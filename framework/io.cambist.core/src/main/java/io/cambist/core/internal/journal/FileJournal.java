package io.cambist.core.internal.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal on disk: segment files {@code journal-NNNNNN.log}, each a header then records framed as
 * {@code [int length][int CRC32 of the payload][payload]}. Appends go straight to the file (a killed process loses
 * nothing the OS has); order intents are also fsynced. A checkpoint writes the whole live state to the next segment
 * through a temporary file, fsync and an atomic rename, then deletes the older segments, so the journal does not grow
 * forever. On open, the newest segment is replayed; a torn last record (a crash mid-write) is detected by its length
 * or checksum, copied aside to {@code <segment>.torn-<offset>} and cut off with a warning; nothing before it is lost.
 */
public final class FileJournal implements Journal {

    static final int MAGIC = 0x434D424A; // "CMBJ"
    static final int VERSION = 1;
    static final int HEADER = 8;
    static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{6})\\.log");

    private final Logger logger = LoggerFactory.getLogger(FileJournal.class);
    private final Path dir;
    private final long maxSegmentBytes;
    private FileChannel channel;
    private Path segment;
    private int sequence;
    private long size;
    /** The segment's size right after its checkpoint (or when it was opened): what later appends are counted from. */
    private long checkpointSize;
    private boolean closed;

    private FileJournal(Path dir, long maxSegmentBytes) {
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
    }

    /**
     * Opens (or creates) the journal in {@code dir} and replays it into {@code replay}.
     *
     * @param maxSegmentBytes the size after which {@link #wantsCheckpoint()} turns true
     * @throws IllegalStateException when the directory cannot be used or a segment is not a journal, with what to do
     */
    public static FileJournal open(Path dir, long maxSegmentBytes, Consumer<JournalRecord> replay) {
        FileJournal journal = new FileJournal(dir, maxSegmentBytes);
        try {
            journal.openAndReplay(replay);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the order journal in " + dir + ": " + e.getMessage()
                    + " (check that the data directory is writable)", e);
        }
        return journal;
    }

    private void openAndReplay(Consumer<JournalRecord> replay) throws IOException {
        Files.createDirectories(dir);
        List<Integer> sequences = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = SEGMENT.matcher(name);
                if (m.matches()) {
                    sequences.add(Integer.parseInt(m.group(1)));
                } else if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f); // an unfinished checkpoint: its segment never became current
                }
            }
        }
        sequences.sort(null);
        if (sequences.isEmpty()) {
            sequence = 1;
            segment = segmentPath(sequence);
            writeSegment(segment, List.of());
        } else {
            sequence = sequences.get(sequences.size() - 1);
            segment = segmentPath(sequence);
            for (int s : sequences) {
                if (s != sequence) {
                    Files.deleteIfExists(segmentPath(s)); // superseded by a completed checkpoint
                }
            }
        }
        size = replaySegment(segment, replay);
        checkpointSize = size;
        channel = FileChannel.open(segment, StandardOpenOption.WRITE);
        channel.position(size);
    }

    private long replaySegment(Path file, Consumer<JournalRecord> replay) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all);
        if (all.length < HEADER || buf.getInt() != MAGIC) {
            throw new IllegalStateException("journal segment " + file + " is not a Cambist journal (bad header); move it"
                    + " out of " + dir + " to start with an empty journal, or restore it from a backup");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new IllegalStateException("journal segment " + file + " has format version " + version
                    + "; this engine reads version " + VERSION);
        }
        int records = 0;
        long offset = HEADER;
        CRC32 crc = new CRC32();
        while (offset < all.length) {
            String problem = null;
            int length = 0;
            if (all.length - offset < 8) {
                problem = "incomplete record header";
            } else {
                length = buf.getInt((int) offset);
                int sum = buf.getInt((int) offset + 4);
                if (length <= 0 || length > MAX_RECORD || length > all.length - offset - 8) {
                    problem = "record length " + length + " runs past the end";
                } else {
                    crc.reset();
                    crc.update(all, (int) offset + 8, length);
                    if ((int) crc.getValue() != sum) {
                        problem = "checksum mismatch";
                    }
                }
            }
            if (problem != null) {
                cutTail(file, all, offset, problem);
                break;
            }
            byte[] payload = new byte[length];
            System.arraycopy(all, (int) offset + 8, payload, 0, length);
            JournalRecord record;
            try {
                record = RecordCodec.decode(payload);
            } catch (IllegalArgumentException e) {
                logger.warn("journal {}: record at offset {} skipped: {}", file.getFileName(), offset, e.getMessage());
                offset += 8 + length;
                continue;
            }
            replay.accept(record);
            records++;
            offset += 8 + length;
        }
        logger.info("journal {}: replayed {} records", file.getFileName(), records);
        return offset;
    }

    private void cutTail(Path file, byte[] all, long offset, String problem) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + offset);
        Files.write(aside, java.util.Arrays.copyOfRange(all, (int) offset, all.length));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(offset);
            ch.force(true);
        }
        logger.warn("journal {}: torn last record at offset {} ({}, {} bytes) skipped; the bytes are kept in {}",
                file.getFileName(), offset, problem, all.length - offset, aside.getFileName());
    }

    private Path segmentPath(int seq) {
        return dir.resolve(String.format("journal-%06d.log", seq));
    }

    private void writeSegment(Path target, List<JournalRecord> records) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(VERSION).flip();
            writeFully(ch, header);
            for (JournalRecord r : records) {
                writeFully(ch, frame(RecordCodec.encode(r)));
            }
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            logger.debug("directory fsync not supported for {}", dir);
        }
    }

    static ByteBuffer frame(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer buf = ByteBuffer.allocate(8 + payload.length);
        buf.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return buf;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    @Override
    public synchronized void append(JournalRecord record, boolean sync) {
        if (closed) {
            throw new IllegalStateException("journal is closed");
        }
        ByteBuffer buf = frame(RecordCodec.encode(record));
        try {
            int n = buf.remaining();
            writeFully(channel, buf);
            size += n;
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the order journal " + segment + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public synchronized boolean wantsCheckpoint() {
        // counted from the last checkpoint, and at least the checkpoint's own size: a state larger than the limit would
        // otherwise ask for a checkpoint after every append, and rewriting it would cost more than the appends
        return !closed && size - checkpointSize > Math.max(maxSegmentBytes, checkpointSize);
    }

    @Override
    public synchronized void checkpoint(List<JournalRecord> state) {
        if (closed) {
            return;
        }
        Path next = segmentPath(sequence + 1);
        try {
            channel.force(true);
            writeSegment(next, state);
            FileChannel newChannel = FileChannel.open(next, StandardOpenOption.WRITE);
            long newSize = newChannel.size();
            newChannel.position(newSize);
            FileChannel old = channel;
            Path oldSegment = segment;
            channel = newChannel;
            segment = next;
            sequence++;
            size = newSize;
            checkpointSize = newSize;
            old.close();
            Files.deleteIfExists(oldSegment);
            logger.info("journal checkpoint: {} records in {} ({} bytes)", state.size(), next.getFileName(), newSize);
        } catch (IOException e) {
            logger.warn("journal checkpoint into {} failed, keeping {}: {}", next.getFileName(), segment.getFileName(),
                    e.getMessage());
        }
    }

    /** The active segment (tests). */
    public synchronized Path segment() {
        return segment;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            logger.warn("closing the journal {}: {}", segment, e.getMessage());
        }
    }
}
