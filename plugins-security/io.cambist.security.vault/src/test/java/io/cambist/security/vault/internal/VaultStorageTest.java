package io.cambist.security.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

class VaultStorageTest {

    private static final String PASS = "the right passphrase";

    @TempDir
    Path data;

    private final TestSupport.MutableClock clock = new TestSupport.MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    private TestSupport.Fixture fixture(String passphrase) {
        return new TestSupport.Fixture(data, passphrase, clock);
    }

    private void createOneKey() {
        try (TestSupport.Fixture f = fixture(PASS)) {
            f.vault.create(new NewKey("k", null, Set.of(Scope.TRADE), null, "one".toCharArray()), "test");
            f.vault.create(new NewKey("j", null, Set.of(Scope.TRADE), null, "two".toCharArray()), "test");
        }
    }

    @Test
    void aWrongPassphraseIsOneClearErrorAndLeavesTheVaultByteIdentical() throws Exception {
        createOneKey();
        Path file = data.resolve("vault/vault.bin");
        Path backup = data.resolve("vault/vault.bin.bak");
        byte[] before = Files.readAllBytes(file);
        byte[] backupBefore = Files.readAllBytes(backup);

        try (TestSupport.Fixture wrong = fixture("the wrong passphrase")) {
            assertThatThrownBy(wrong.vault::list).isInstanceOf(VaultException.class)
                    .hasMessage("the vault passphrase from environment variable CAMBIST_VAULT_PASSPHRASE does not open "
                            + file + " (wrong passphrase, or the file was changed); nothing was modified.");
            // every operation gives the same answer, and none writes anything
            assertThatThrownBy(() -> wrong.vault.create(new NewKey("x", null, Set.of(Scope.READ), null, null), "test"))
                    .isInstanceOf(VaultException.class).hasMessageContaining("does not open");
            assertThatThrownBy(() -> wrong.vault.mac("k", "HmacSHA256", KeyEncoding.UTF8, new byte[1], Scope.TRADE))
                    .hasMessageContaining("does not open");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.readAllBytes(backup)).isEqualTo(backupBefore);
        assertThat(data.resolve("vault/vault.bin.tmp")).doesNotExist();
        // and the right passphrase still opens it
        try (TestSupport.Fixture right = fixture(PASS)) {
            assertThat(right.vault.list()).hasSize(2);
        }
    }

    @Test
    void aCrashBetweenTempFileAndRenameLosesNothing() throws Exception {
        createOneKey();
        Path file = data.resolve("vault/vault.bin");
        byte[] committed = Files.readAllBytes(file);
        SecureFiles crashing = new SecureFiles() {
            @Override
            void beforeCommit(Path temp, Path target) throws IOException {
                throw new IOException("simulated crash after writing " + temp.getFileName());
            }
        };
        try (TestSupport.Fixture f = new TestSupport.Fixture(data, PASS, clock, TestSupport.FAST_KDF, crashing)) {
            assertThatThrownBy(() -> f.vault.create(new NewKey("lost", null, Set.of(Scope.READ), null, null), "test"))
                    .isInstanceOf(VaultException.class).hasMessageContaining("the change was not made");
            // not in memory either
            assertThat(f.vault.list()).extracting(KeyInfo::alias).containsExactly("j", "k");
        }
        // the old file is intact, the complete temp file is still there, as after a real crash
        assertThat(Files.readAllBytes(file)).isEqualTo(committed);
        assertThat(data.resolve("vault/vault.bin.tmp")).exists();
        try (TestSupport.Fixture f = fixture(PASS)) {
            assertThat(f.vault.list()).extracting(KeyInfo::alias).containsExactly("j", "k");
            assertThat(data.resolve("vault/vault.bin.tmp")).doesNotExist();
            f.vault.create(new NewKey("after", null, Set.of(Scope.READ), null, null), "test");
            assertThat(f.vault.list()).hasSize(3);
        }
    }

    @Test
    void everyWriteKeepsThePreviousFileAsABackupAndADamagedFileSaysSo() throws Exception {
        createOneKey();
        Path file = data.resolve("vault/vault.bin");
        Path backup = data.resolve("vault/vault.bin.bak");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 1;
        Files.write(file, bytes);
        try (TestSupport.Fixture f = fixture(PASS)) {
            assertThatThrownBy(f.vault::list).isInstanceOf(VaultException.class)
                    .hasMessageContaining("The backup " + backup + " does open with it")
                    .hasMessageContaining("copy the backup over it");
        }
        Files.copy(backup, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (TestSupport.Fixture f = fixture(PASS)) {
            // the backup is the state before the last write: one key
            assertThat(f.vault.list()).extracting(KeyInfo::alias).containsExactly("k");
        }
    }

    @Test
    void filesAreOwnerOnlyAndTheHeaderRecordsTheKdf() throws Exception {
        createOneKey();
        Path file = data.resolve("vault/vault.bin");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        VaultFile.Sealed sealed = VaultFile.parse(Files.readAllBytes(file), "vault.bin");
        assertThat(sealed.kdf()).isEqualTo(TestSupport.FAST_KDF);
        String header = new String(sealed.aad(), StandardCharsets.UTF_8);
        assertThat(header).contains("\"kdf\":\"argon2id\"", "\"memoryKiB\":64", "\"cipher\":\"AES-256-GCM\"");
        // nothing readable in the file: neither alias nor secret
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("\"alias\"").doesNotContain("one").doesNotContain("two");
    }

    @Test
    void strongerKdfParametersAreAppliedOnTheNextChange() throws Exception {
        createOneKey();
        KdfParams stronger = new KdfParams(256, 2, 1);
        try (TestSupport.Fixture f = new TestSupport.Fixture(data, PASS, clock, stronger, new SecureFiles())) {
            assertThat(f.vault.list()).hasSize(2);
            assertThat(VaultFile.parse(Files.readAllBytes(f.vaultFile()), "v").kdf()).isEqualTo(TestSupport.FAST_KDF);
            f.vault.create(new NewKey("third", null, Set.of(Scope.READ), null, null), "test");
            assertThat(VaultFile.parse(Files.readAllBytes(f.vaultFile()), "v").kdf()).isEqualTo(stronger);
        }
        try (TestSupport.Fixture f = fixture(PASS)) {
            assertThat(f.vault.list()).hasSize(3);
        }
    }

    @Test
    void passphraseComesFromEnvironmentThenConfiguredFileThenGeneratedFile() throws Exception {
        Path vaultFile = data.resolve("vault/vault.bin");
        Path configured = data.resolve("my.passphrase");
        Files.writeString(configured, "from-file\n");
        SecureFiles files = new SecureFiles();
        assertThat(new String(new Passphrases(n -> "from-env", configured.toString(), data, vaultFile, files).resolve()
                .value())).isEqualTo("from-env");
        // one trailing newline is not part of the passphrase
        assertThat(new String(new Passphrases(n -> null, configured.toString(), data, vaultFile, files).resolve()
                .value())).isEqualTo("from-file");
        assertThatThrownBy(() -> new Passphrases(n -> null, data.resolve("missing").toString(), data, vaultFile, files)
                .resolve()).isInstanceOf(VaultException.class).hasMessageContaining("does not exist");

        Passphrases.Resolved generated = new Passphrases(n -> null, "", data, vaultFile, files).resolve();
        Path file = data.resolve("vault.passphrase");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).trim()).isEqualTo(new String(generated.value()));
        assertThat(generated.toString()).doesNotContain(new String(generated.value()));
        // read back the next time
        assertThat(new Passphrases(n -> null, "", data, vaultFile, files).resolve().value()).isEqualTo(generated.value());

        // a vault with no passphrase anywhere is an error, never a new passphrase
        Files.delete(file);
        Files.createDirectories(vaultFile.getParent());
        Files.write(vaultFile, new byte[] {1});
        assertThatThrownBy(() -> new Passphrases(n -> null, "", data, vaultFile, files).resolve())
                .isInstanceOf(VaultException.class).hasMessageContaining("exists but no passphrase is configured");
    }

    @Test
    void aSecondOwnerOfTheFolderIsRefused() {
        try (TestSupport.Fixture first = fixture(PASS)) {
            first.vault.list();
            VaultStorage second = new VaultStorage(data.resolve("vault"), new Passphrases(n -> PASS, "", data,
                    first.vaultFile(), new SecureFiles()), TestSupport.FAST_KDF, new SecureFiles());
            assertThatThrownBy(second::lock).isInstanceOf(VaultException.class)
                    .hasMessageContaining("is in use by a running Cambist container");
        }
    }
}
