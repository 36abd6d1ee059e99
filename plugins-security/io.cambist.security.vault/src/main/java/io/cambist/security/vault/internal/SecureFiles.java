package io.cambist.security.vault.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Crash-safe, owner-only file replacement: write {@code <name>.tmp} (mode 0600 from its creation), fsync it, keep the
 * current file as a backup (hard link, else copy), rename the temp file over the target and fsync the folder. A crash
 * at any point leaves either the old or the new file complete. {@link #beforeCommit} lets tests crash on purpose.
 */
class SecureFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * Replaces {@code target} with {@code content}.
     *
     * @param backup where to keep the current file first, or {@code null} for no backup
     */
    void replace(Path target, byte[] content, Path backup) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try (FileChannel ch = createOwnerOnly(temp)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        if (backup != null && Files.exists(target)) {
            Files.deleteIfExists(backup);
            try {
                Files.createLink(backup, target);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        beforeCommit(temp, target);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(dir);
    }

    /** Called after the temp file is durable and before it replaces the target; tests throw here to crash. */
    void beforeCommit(Path temp, Path target) throws IOException {
        // nothing in production
    }

    private static FileChannel createOwnerOnly(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            FileChannel ch = FileChannel.open(file, options, mode);
            // the umask may have removed bits, never added them; set exactly 0600 anyway
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            return ch;
        }
        return FileChannel.open(file, options);
    }

    /** True when a file can be read by others than its owner (POSIX only). */
    static boolean readableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
    }

    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: not every platform lets a directory be fsynced
        }
    }
}
