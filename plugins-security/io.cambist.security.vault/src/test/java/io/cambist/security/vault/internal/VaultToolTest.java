package io.cambist.security.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultToolTest {

    @TempDir
    Path data;

    private final UnaryOperator<String> env = name -> VaultConstants.PASSPHRASE_ENV.equals(name) ? "tool-pass" : null;
    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--data";
        full[args.length + 1] = data.toString();
        int code = VaultTool.run(full, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), env);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void createsListsRotatesRevokesAndVerifiesOffline() throws Exception {
        Path secretFile = data.resolve("secret.txt");
        Files.createDirectories(data);
        Files.writeString(secretFile, "imported-venue-secret");

        assertThat(run("create", "binance-main", "--scopes", "trade,read", "--public-id", "API-KEY-1", "--secret-file",
                secretFile.toString())).isZero();
        assertThat(out).contains("created key 'binance-main' version 1").doesNotContain("secret (shown once");
        assertThat(run("create", "hooks", "--scopes", "webhook")).isZero();
        assertThat(out).contains("secret (shown once, never again; store it now): ");

        assertThat(run("rotate", "binance-main", "--overlap", "2h", "--public-id", "API-KEY-2")).isZero();
        assertThat(out).contains("version 2 is ACTIVE");
        assertThat(run("revoke", "hooks", "--reason", "unused")).isZero();

        assertThat(run("list")).isZero();
        assertThat(out).contains("binance-main", "PREVIOUS", "API-KEY-1", "API-KEY-2", "hooks", "REVOKED")
                .doesNotContain("imported-venue-secret");

        assertThat(run("verify")).isZero();
        // every command opened the vault (audited) and four changed it
        assertThat(out).startsWith("audit log intact: 9 records");
        FileAuditLog audit = new FileAuditLog(data.resolve("audit"), java.time.Clock.systemUTC());
        assertThat(audit.read(1, 20)).extracting(r -> r.event().action() + " " + r.event().actor()).containsExactly(
                "vault.unlock system", "key.create cli", "vault.unlock system", "key.create cli", "vault.unlock system",
                "key.rotate cli", "vault.unlock system", "key.revoke cli", "vault.unlock system");
        audit.close();
    }

    @Test
    void stagesThenActivatesANewVersion() throws Exception {
        assertThat(run("create", "kraken-main", "--scopes", "trade", "--public-id", "OLD-KEY")).isZero();
        assertThat(run("activate", "kraken-main")).isEqualTo(2);
        assertThat(err).contains("activate needs --version N");

        assertThat(run("stage", "kraken-main", "--public-id", "NEW-KEY")).isZero();
        assertThat(out).contains("version 2 is PENDING", "cambist keys activate kraken-main --version 2",
                "secret (shown once");
        assertThat(run("stage", "kraken-main")).isEqualTo(1);
        assertThat(err).contains("already has version 2 PENDING");
        assertThat(run("list")).isZero();
        assertThat(out).contains("PENDING", "NEW-KEY");

        assertThat(run("activate", "kraken-main", "--version", "two")).isEqualTo(2);
        assertThat(err).contains("version 'two' is not a number");
        assertThat(run("activate", "kraken-main", "--version", "1")).isEqualTo(1);
        assertThat(err).contains("is ACTIVE, not PENDING");
        assertThat(run("activate", "kraken-main", "--version", "2", "--overlap", "0")).isZero();
        assertThat(out).contains("version 2 is ACTIVE");
        assertThat(run("list")).isZero();
        assertThat(out).contains("RETIRED").doesNotContain("PENDING");
    }

    @Test
    void refusesWhileAContainerHoldsTheVault() {
        try (TestSupport.Fixture container = new TestSupport.Fixture(data, "tool-pass",
                new TestSupport.MutableClock(Instant.now()))) {
            container.storage.lock();
            assertThat(run("list")).isEqualTo(1);
            assertThat(err).startsWith("cambist keys: the vault in " + data.resolve("vault")
                    + " is in use by a running Cambist container");
            // reading the audit chain is fine while it runs
            assertThat(run("verify")).isZero();
        }
        assertThat(run("list")).isZero();
    }

    @Test
    void badUsageIsExplained() throws Exception {
        assertThat(run("create", "x")).isEqualTo(2);
        assertThat(err).contains("create needs --scopes");
        assertThat(run("rotate", "x", "--overlap", "soon")).isEqualTo(2);
        assertThat(err).contains("overlap 'soon' is not a duration like 30m, 24h, 7d or 0");
        assertThat(run("frobnicate")).isEqualTo(2);
        Path secretFile = data.resolve("nl.txt");
        Files.writeString(secretFile, "secret-with-newline\n");
        assertThat(run("create", "y", "--scopes", "read", "--secret-file", secretFile.toString())).isEqualTo(2);
        assertThat(err).contains("ends with a newline").doesNotContain("secret-with-newline");
        assertThat(run("rotate", "missing")).isEqualTo(1);
        assertThat(err).contains("no key with alias 'missing'");
    }

    @Test
    void aWrongPassphraseIsOneLine() {
        assertThat(run("create", "k", "--scopes", "read")).isZero();
        UnaryOperator<String> wrong = name -> VaultConstants.PASSPHRASE_ENV.equals(name) ? "nope" : null;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = VaultTool.run(new String[] {"list", "--data", data.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(e, true, StandardCharsets.UTF_8), wrong);
        assertThat(code).isEqualTo(1);
        assertThat(e.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("does not open");
    }
}
