package io.cambist.security.nonce.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The memory store's hand-over file: its seeds, floor and live entries, written on deactivate and read by the next
 * instance, so a bundle update or a clean restart forgets no claimed nonce.
 * Layout: magic {@code CNSNAP01}, seed1, seed2, floor, count, count x (h1, h2, timestamp), CRC32C of all before it.
 *
 * @param seed1   first fingerprint seed
 * @param seed2   second fingerprint seed
 * @param floor   the floor at hand-over
 * @param entries (h1, h2, timestamp) triples
 */
record NonceSnapshot(long seed1, long seed2, long floor, long[] entries) {

    private static final long MAGIC = 0x434e534e41503031L; // "CNSNAP01"
    private static final int HEADER = 5 * 8;

    /** Captures the table's live entries. */
    static NonceSnapshot of(long seed1, long seed2, NonceTable table, long expiredBefore) {
        long[][] buffer = {new long[3 * 1024]};
        int[] size = {0};
        table.forEach(expiredBefore, (h1, h2, ts) -> {
            if (size[0] + 3 > buffer[0].length) {
                buffer[0] = Arrays.copyOf(buffer[0], buffer[0].length * 2);
            }
            buffer[0][size[0]++] = h1;
            buffer[0][size[0]++] = h2;
            buffer[0][size[0]++] = ts;
        });
        return new NonceSnapshot(seed1, seed2, table.floor(), Arrays.copyOf(buffer[0], size[0]));
    }

    /** Writes it atomically (temp, fsync, rename). */
    void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER + entries.length * 8 + 8);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(MAGIC);
        out.writeLong(seed1);
        out.writeLong(seed2);
        out.writeLong(floor);
        out.writeLong(entries.length / 3);
        for (long v : entries) {
            out.writeLong(v);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /**
     * Reads a snapshot.
     *
     * @throws IOException when it is damaged (bad magic, wrong length, wrong checksum)
     */
    static NonceSnapshot read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < HEADER + 8 || (all.length - HEADER - 8) % 24 != 0) {
            throw new IOException("nonce snapshot has a wrong length (" + all.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        if (in.getLong() != MAGIC) {
            throw new IOException("not a nonce snapshot (bad magic)");
        }
        long seed1 = in.getLong();
        long seed2 = in.getLong();
        long floor = in.getLong();
        long count = in.getLong();
        if (count != (all.length - HEADER - 8) / 24) {
            throw new IOException("nonce snapshot is truncated (count " + count + ")");
        }
        long[] entries = new long[(int) count * 3];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = in.getLong();
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 8);
        if (in.getLong() != crc.getValue()) {
            throw new IOException("nonce snapshot checksum mismatch");
        }
        return new NonceSnapshot(seed1, seed2, floor, entries);
    }
}
