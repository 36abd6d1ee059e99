package io.cambist.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cambist keys}: the vault of a temporary data directory, offline. */
class KeysCommandTest {

    @TempDir
    Path data;

    private CommandRunner keys(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "keys";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = data.toString();
        return CommandRunner.run(cli -> ((KeysCommand) cli.getSubcommands().get("keys").getCommand()).environment =
                name -> name.equals("CAMBIST_VAULT_PASSPHRASE") ? "test passphrase" : null, all);
    }

    @Test
    void createListRotateRevokeAndVerifyRoundTrip() throws Exception {
        Path secret = Files.writeString(data.resolve("venue.secret"), "imported-venue-secret");
        CommandRunner create = keys("create", "binance-main", "--scopes", "trade,read", "--public-id", "API-KEY-1",
                "--secret-file", secret.toString(), "--description", "main account");
        assertThat(create.exitCode).as(create.err()).isZero();
        assertThat(create.out()).contains("created key 'binance-main' version 1").doesNotContain("imported-venue-secret");
        CommandRunner generated = keys("create", "hooks", "--scopes", "webhook");
        assertThat(generated.out()).contains("secret (shown once, never again; store it now): ");

        CommandRunner rotate = keys("rotate", "binance-main", "--overlap", "2h", "--public-id", "API-KEY-2");
        assertThat(rotate.exitCode).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("version 2 is ACTIVE");
        CommandRunner stage = keys("stage", "binance-main", "--public-id", "API-KEY-3");
        assertThat(stage.exitCode).as(stage.err()).isZero();
        assertThat(stage.out()).contains("version 3 is PENDING");
        CommandRunner activate = keys("activate", "binance-main", "--version", "3", "--overlap", "0");
        assertThat(activate.exitCode).as(activate.err()).isZero();
        assertThat(activate.out()).contains("version 3 is ACTIVE");
        CommandRunner revoke = keys("revoke", "hooks", "--version", "1", "--reason", "unused");
        assertThat(revoke.exitCode).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("revoked version 1 of key 'hooks'");

        CommandRunner list = keys("list");
        assertThat(list.exitCode).isZero();
        assertThat(list.out()).contains("binance-main", "ACTIVE", "PREVIOUS", "RETIRED", "API-KEY-1", "API-KEY-3", "hooks", "REVOKED")
                .doesNotContain("imported-venue-secret");
        assertThat(list.err()).isEmpty();

        CommandRunner verify = keys("audit-verify");
        assertThat(verify.exitCode).isZero();
        assertThat(verify.out()).startsWith("audit log intact: ");
        assertThat(Files.readString(data.resolve("audit/audit.log"))).contains("key.create", "key.rotate", "key.stage", "key.activate", "key.revoke")
                .doesNotContain("imported-venue-secret");

        CommandRunner wrong = CommandRunner.run(cli -> ((KeysCommand) cli.getSubcommands().get("keys").getCommand())
                .environment = name -> name.equals("CAMBIST_VAULT_PASSPHRASE") ? "wrong" : null,
                "keys", "list", "--data", data.toString());
        assertThat(wrong.exitCode).isEqualTo(1);
        assertThat(wrong.errLines()).singleElement().asString().startsWith("cambist keys: ");
    }

    @Test
    void aVaultInUseIsRefusedWithOneLine() throws Exception {
        assertThat(keys("create", "a", "--scopes", "read").exitCode).isZero();
        byte[] before = Files.readAllBytes(data.resolve("vault/vault.bin"));
        // the lock a running container holds (in this JVM the vault sees an overlapping lock: the same refusal)
        try (FileChannel channel = FileChannel.open(data.resolve("vault/vault.lock"), StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            CommandRunner refused = keys("rotate", "a");
            assertThat(refused.exitCode).isEqualTo(1);
            assertThat(refused.errLines()).containsExactly("cambist keys: the vault in " + data.resolve("vault")
                    + " is in use by a running Cambist container (lock held on " + data.resolve("vault/vault.lock")
                    + "): stop the container first, or make the change through the admin API (cambist api POST"
                    + " /api/v1/keys ...)");
            // reading the audit log needs no lock
            assertThat(keys("verify").exitCode).isZero();
        }
        assertThat(Files.readAllBytes(data.resolve("vault/vault.bin"))).isEqualTo(before);
    }

    @Test
    void usageMistakesExitWith2() {
        // a data directory without a vault is a mistake in --data, not a reason to make a new vault
        CommandRunner noVault = keys("list");
        assertThat(noVault.exitCode).isEqualTo(1);
        assertThat(noVault.errLines()).containsExactly("cambist: no vault/vault.bin in " + data + "; check --data (the"
                + " vault is made by the first cambist run, or by cambist keys create)");
        assertThat(data.resolve("vault")).doesNotExist();
        assertThat(keys("verify").exitCode).isEqualTo(1);

        CommandRunner noScopes = keys("create", "x");
        assertThat(noScopes.exitCode).isEqualTo(2);
        assertThat(noScopes.errLines()).containsExactly("cambist: Missing required option: '--scopes=S[,S]'"
                + " (see 'cambist keys create --help')");
        assertThat(keys("create", "x", "--scopes", "read").exitCode).isZero();
        CommandRunner badOverlap = keys("rotate", "x", "--overlap", "soon");
        assertThat(badOverlap.exitCode).isEqualTo(2);
        assertThat(badOverlap.err()).contains("overlap 'soon' is not a duration like 30m, 24h, 7d or 0");
        assertThat(keys("list", "--bogus").exitCode).isEqualTo(2);
        CommandRunner help = CommandRunner.run("keys");
        assertThat(help.exitCode).isZero();
        assertThat(help.out()).contains("list", "create", "rotate", "stage", "activate", "revoke", "verify");
    }
}
