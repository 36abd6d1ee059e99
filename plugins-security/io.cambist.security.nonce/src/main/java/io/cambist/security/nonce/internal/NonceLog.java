package io.cambist.security.nonce.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The file store's on-disk format. A 32-byte header (magic {@code CNLOG001}, seed1, seed2, floor) followed by
 * 32-byte records: h1, h2, timestamp, CRC32C of those 24 bytes, marker {@code NREC}. A record that fails its check
 * (a torn tail after a crash, never acknowledged) is skipped.
 */
final class NonceLog {

    static final int HEADER_SIZE = 32;
    static final int RECORD_SIZE = 32;
    private static final long MAGIC = 0x434e4c4f47303031L; // "CNLOG001"
    private static final int MARKER = 0x4e524543; // "NREC"

    /** What a scan found. */
    record Header(long seed1, long seed2, long floor) {
    }

    /** Receives the valid records of a scan. */
    interface RecordSink {
        void record(long h1, long h2, long timestamp);
    }

    private NonceLog() {
    }

    static void putHeader(ByteBuffer out, long seed1, long seed2, long floor) {
        out.putLong(MAGIC).putLong(seed1).putLong(seed2).putLong(floor);
    }

    static void putRecord(ByteBuffer out, long h1, long h2, long timestamp) {
        int start = out.position();
        out.putLong(h1).putLong(h2).putLong(timestamp);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), out.arrayOffset() + start, 24);
        out.putInt((int) crc.getValue()).putInt(MARKER);
    }

    /**
     * Reads a log.
     *
     * @return the number of damaged records skipped (a partial record at the end counts as one)
     * @throws IOException when the header is not a nonce log header
     */
    static long scan(Path file, Header[] header, RecordSink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(HEADER_SIZE);
            while (head.hasRemaining() && ch.read(head) >= 0) {
                // fill
            }
            head.flip();
            if (head.remaining() < HEADER_SIZE || head.getLong() != MAGIC) {
                throw new IOException(file + " is not a Cambist nonce log (bad header)");
            }
            header[0] = new Header(head.getLong(), head.getLong(), head.getLong());
            ByteBuffer buf = ByteBuffer.allocate(RECORD_SIZE * 2048);
            CRC32C crc = new CRC32C();
            long damaged = 0;
            while (ch.read(buf) >= 0 || buf.position() > 0) {
                buf.flip();
                if (buf.remaining() < RECORD_SIZE) {
                    // a partial record can only be the tail of the file
                    if (ch.position() >= ch.size()) {
                        damaged += buf.hasRemaining() ? 1 : 0;
                        break;
                    }
                    buf.compact();
                    continue;
                }
                while (buf.remaining() >= RECORD_SIZE) {
                    int start = buf.position();
                    long h1 = buf.getLong();
                    long h2 = buf.getLong();
                    long ts = buf.getLong();
                    int check = buf.getInt();
                    int marker = buf.getInt();
                    crc.reset();
                    crc.update(buf.array(), start, 24);
                    if (marker == MARKER && check == (int) crc.getValue()) {
                        sink.record(h1, h2, ts);
                    } else {
                        damaged++;
                    }
                }
                buf.compact();
            }
            return damaged;
        }
    }
}
