package io.cambist.security.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import io.cambist.api.security.KeyInfo;

class VaultKeyRingTest {

    @TempDir
    Path data;

    private final VaultConfiguration fast = TestSupport.config(VaultConfiguration.class,
            Map.of("kdfMemoryKiB", 64, "kdfIterations", 1, "kdfParallelism", 1));

    private BundleContext context(String mode) {
        return TestSupport.context(Map.of("cambist.data", data.toString(), "cambist.mode", mode));
    }

    @Test
    void activationIsFastAndTheFirstUseInRunModeCreatesPassphraseVaultAndAdminKey() throws Exception {
        FileAuditLog audit = new FileAuditLog(data.resolve("audit"), java.time.Clock.systemUTC());
        VaultKeyRing ring = new VaultKeyRing(context("run"), fast, audit);
        // nothing derived or written yet; the folder is locked against offline tools already
        assertThat(ring.toString()).isEqualTo("VaultKeyRing[locked]");
        assertThat(data.resolve("vault/vault.bin")).doesNotExist();
        assertThat(VaultTool.run(new String[] {"list", "--data", data.toString()}, System.out,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), n -> null)).isEqualTo(1);

        assertThat(ring.list()).extracting(KeyInfo::alias).containsExactly("admin");
        assertThat(ring.toString()).isEqualTo("VaultKeyRing[unlocked]");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("vault.passphrase"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("admin.key"))))
                .isEqualTo("rw-------");
        byte[] adminKey = Files.readAllBytes(data.resolve("admin.key"));
        ring.deactivate();

        // a bundle update: the new instance opens the same vault and keeps the admin key
        VaultKeyRing next = new VaultKeyRing(context("run"), fast, audit);
        assertThat(next.list()).extracting(KeyInfo::alias).containsExactly("admin");
        assertThat(Files.readAllBytes(data.resolve("admin.key"))).isEqualTo(adminKey);
        next.deactivate();
        audit.close();
    }

    @Test
    void withTheFrameworkSchedulerTheVaultIsOpenedInTheBackground() throws Exception {
        FileAuditLog audit = new FileAuditLog(data.resolve("audit"), java.time.Clock.systemUTC());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            VaultKeyRing ring = new VaultKeyRing(context("run"), fast, audit);
            ring.bindExecutor(scheduler);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!Files.exists(data.resolve("admin.key")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(data.resolve("admin.key")).exists();
            assertThat(ring.toString()).isEqualTo("VaultKeyRing[unlocked]");
            ring.deactivate();
        } finally {
            scheduler.shutdownNow();
            audit.close();
        }
    }

    @Test
    void outsideRunModeNoAdminKeyIsCreated() {
        FileAuditLog audit = new FileAuditLog(data.resolve("audit"), java.time.Clock.systemUTC());
        VaultKeyRing ring = new VaultKeyRing(context("embedded"), fast, audit);
        assertThat(ring.list()).isEmpty();
        assertThat(data.resolve("admin.key")).doesNotExist();
        ring.deactivate();
        audit.close();
    }
}
