package io.cambist.security.vault.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The exclusive lock on a vault folder: one running container or one offline tool at a time. */
final class VaultLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private VaultLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock.
     *
     * @throws VaultException when someone else holds it
     */
    static VaultLock acquire(Path vaultDir) {
        Path file = vaultDir.resolve(VaultConstants.LOCK_FILE);
        try {
            Files.createDirectories(vaultDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new VaultException("the vault in " + vaultDir + " is in use by a running Cambist container "
                        + "(lock held on " + file + "): stop the container first, or make the change through the "
                        + "admin API (cambist api POST /api/v1/keys ...)");
            }
            return new VaultLock(channel, lock);
        } catch (IOException e) {
            throw new VaultException("cannot lock the vault in " + vaultDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
