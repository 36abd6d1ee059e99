package io.cambist.security.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

/** Runs every vault path that handles a secret and checks that none reaches a log line, a toString or an error. */
class NoSecretLeakTest {

    private static final String IMPORTED = "IMPORTED-SECRET-7f3a9c";
    private static final String ROTATED = "ROTATED-SECRET-41b2d8";
    private static final String WRONG_PASSPHRASE = "WRONG-PASSPHRASE-e5e5";
    private static final String TOOL_SECRET = "TOOL-SECRET-0c0c0c";

    @TempDir
    Path data;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
    }

    @Test
    void noSecretInLogsToStringsErrorsOrAuditRecords() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(IMPORTED, ROTATED, WRONG_PASSPHRASE, TOOL_SECRET));

        VaultConfiguration fast = TestSupport.config(VaultConfiguration.class,
                Map.of("kdfMemoryKiB", 64, "kdfIterations", 1, "kdfParallelism", 1));
        FileAuditLog audit = new FileAuditLog(data.resolve("audit"), Clock.systemUTC());
        VaultKeyRing ring = new VaultKeyRing(TestSupport.context(Map.of("cambist.data", data.toString(),
                "cambist.mode", "run")), fast, audit);
        ring.list();
        secrets.add(new String(Files.readAllBytes(data.resolve("vault.passphrase")), StandardCharsets.UTF_8).trim());
        @SuppressWarnings("unchecked")
        Map<String, Object> adminKey = (Map<String, Object>) Json.parse(Files.readString(data.resolve("admin.key")));
        secrets.add((String) adminKey.get("secret"));

        NewKey imported = new NewKey("venue", "a venue key", Set.of(Scope.TRADE), "PUB", IMPORTED.toCharArray());
        texts.add(imported.toString());
        CreatedKey created = ring.create(imported, "test");
        CreatedKey generated = ring.create(new NewKey("hook", null, Set.of(Scope.WEBHOOK), null, null), "test");
        secrets.add(generated.generatedSecret());
        CreatedKey rotated = ring.rotate("venue", ROTATED.toCharArray(), null, Duration.ofHours(1), "test");
        texts.add(created.toString());
        texts.add(generated.toString());
        texts.add(rotated.toString());
        texts.add(ring.list().toString());
        texts.add(ring.get("venue").toString());
        texts.add(ring.mac("venue", "HmacSHA256", KeyEncoding.UTF8, new byte[] {1}, Scope.TRADE).version().toString());
        texts.add(ring.toString());
        texts.add(ring.matchSecret("hook", generated.generatedSecret().toCharArray()).toString());
        texts.add(catchThrowable(() -> ring.mac("venue", "HmacSHA256", KeyEncoding.UTF8, new byte[1], Scope.ADMIN))
                .getMessage());
        texts.add(catchThrowable(() -> ring.mac("venue", "HmacSHA512", KeyEncoding.BASE64, new byte[1], Scope.TRADE))
                .getMessage());
        ring.deactivate();
        audit.close();

        // the internals print no secret either
        SecretMaterial material = new SecretMaterial(IMPORTED.getBytes(StandardCharsets.UTF_8), 0);
        texts.add(material.toString());
        texts.add(new VersionEntry("a", 1, io.cambist.api.security.KeyState.ACTIVE, Set.of(Scope.READ), null, 0, 0L,
                null, material).toString());

        // a wrong passphrase: the error names where the passphrase came from, never the passphrase
        try (TestSupport.Fixture wrong = new TestSupport.Fixture(data, WRONG_PASSPHRASE,
                new TestSupport.MutableClock(Instant.now()))) {
            texts.add(catchThrowable(wrong.vault::list).getMessage());
        }

        // the offline tool importing a secret
        Path secretFile = data.resolve("tool-secret");
        Files.writeString(secretFile, TOOL_SECRET);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String passphrase = secrets.get(4);
        int code = VaultTool.run(new String[] {"create", "tool-key", "--scopes", "trade", "--secret-file",
            secretFile.toString(), "--data", data.toString()}, new PrintStream(out), new PrintStream(err),
                n -> VaultConstants.PASSPHRASE_ENV.equals(n) ? passphrase : null);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        texts.add(out.toString(StandardCharsets.UTF_8));
        texts.add(err.toString(StandardCharsets.UTF_8));
        VaultTool.run(new String[] {"list", "--data", data.toString()}, new PrintStream(out), new PrintStream(err),
                n -> VaultConstants.PASSPHRASE_ENV.equals(n) ? passphrase : null);
        texts.add(out.toString(StandardCharsets.UTF_8));

        for (ILoggingEvent e : captured.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(e.getThrowableProxy().getMessage());
            }
        }
        texts.add(Files.readString(data.resolve("audit/audit.log")));
        texts.add(new String(Files.readAllBytes(data.resolve("vault/vault.bin")), StandardCharsets.ISO_8859_1));

        assertThat(captured.list).as("the scenario logged something").isNotEmpty();
        for (String secret : secrets) {
            for (String text : texts) {
                assertThat(text).as("a text of the run").doesNotContain(secret);
            }
        }
    }
}
