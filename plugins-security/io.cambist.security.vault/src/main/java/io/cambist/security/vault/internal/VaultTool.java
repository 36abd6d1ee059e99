package io.cambist.security.vault.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.cambist.api.security.AuditVerification;
import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

/**
 * Offline work on a data folder's vault, without OSGi, for {@code cambist keys}:
 * <pre>
 * list                                      [--data DIR] [--passphrase-file F]
 * create ALIAS --scopes S[,S] [--public-id ID] [--description TEXT] [--secret-file F]   (no file: generated, shown once)
 * rotate ALIAS [--overlap 24h|90m|0] [--public-id ID] [--secret-file F]
 * stage ALIAS [--public-id ID] [--secret-file F]     (a PENDING version: signs and verifies nothing yet)
 * activate ALIAS --version N [--overlap 24h|90m|0]   (the PENDING version becomes ACTIVE)
 * revoke ALIAS [--version N] [--reason TEXT]
 * verify                                    (checks the audit log's hash chain; read-only, fine while running)
 * </pre>
 * The passphrase is found like the container finds it (CAMBIST_VAULT_PASSPHRASE, the passphrase file, then
 * {@code data/vault.passphrase}). While a container has the vault open the tool refuses with one clear message.
 * Exit codes: 0 done, 1 refused or failed, 2 bad usage.
 */
public final class VaultTool {

    private static final String COMMANDS = "list, create, rotate, stage, activate, revoke or verify";

    private final PrintStream out;
    private final PrintStream err;
    private final UnaryOperator<String> env;

    private VaultTool(PrintStream out, PrintStream err, UnaryOperator<String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System::getenv));
    }

    /**
     * Runs one command.
     *
     * @param env environment lookup ({@code System::getenv})
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, UnaryOperator<String> env) {
        return new VaultTool(out, err, env).execute(args);
    }

    private int execute(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    return usage("option " + args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            return usage("name a command: " + COMMANDS);
        }
        Path data = Path.of(options.getOrDefault("data", "data"));
        String command = positional.get(0);
        try {
            if (command.equals("verify")) {
                return verify(data);
            }
            if (!List.of("list", "create", "rotate", "stage", "activate", "revoke").contains(command)) {
                return usage("unknown command '" + command + "': use " + COMMANDS);
            }
            if (!command.equals("list") && positional.size() < 2) {
                return usage(command + " needs a key alias");
            }
            try (Session s = new Session(data, options.getOrDefault("passphrase-file", ""))) {
                return switch (command) {
                    case "list" -> list(s.vault);
                    case "create" -> create(s.vault, positional.get(1), options);
                    case "rotate" -> rotate(s.vault, positional.get(1), options);
                    case "stage" -> stage(s.vault, positional.get(1), options);
                    case "activate" -> activate(s.vault, positional.get(1), options);
                    default -> revoke(s.vault, positional.get(1), options);
                };
            }
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IllegalStateException | NoSuchElementException e) { // VaultException among them
            err.println("cambist keys: " + e.getMessage());
            return 1;
        }
    }

    /** The vault and audit log of a data folder, opened for one command. */
    private final class Session implements AutoCloseable {
        final VaultStorage storage;
        final FileAuditLog audit;
        final Vault vault;

        Session(Path data, String passphraseFile) {
            Path vaultDir = data.resolve(VaultConstants.VAULT_AREA);
            SecureFiles files = new SecureFiles();
            Passphrases passphrases = new Passphrases(env, passphraseFile, data, vaultDir.resolve(VaultConstants.VAULT_FILE),
                    files);
            this.storage = new VaultStorage(vaultDir, passphrases, KdfParams.DEFAULT, files);
            // both locks before anything is written: a running container holds them
            storage.lock();
            try {
                this.audit = new FileAuditLog(data.resolve(VaultConstants.AUDIT_AREA), Clock.systemUTC());
            } catch (RuntimeException e) {
                storage.close();
                throw new VaultException(e.getMessage(), e);
            }
            this.vault = new Vault(storage, audit, Clock.systemUTC(), Duration.ofHours(24));
        }

        @Override
        public void close() {
            vault.close();
            storage.close();
            audit.close();
        }
    }

    private int list(Vault vault) {
        List<KeyInfo> keys = vault.list();
        if (keys.isEmpty()) {
            out.println("the vault holds no keys");
            return 0;
        }
        out.printf("%-24s %4s %-9s %-22s %-24s %-20s %-20s %-20s%n", "ALIAS", "VER", "STATE", "SCOPES", "PUBLIC ID",
                "CREATED", "EXPIRES", "LAST USED");
        for (KeyInfo k : keys) {
            for (KeyVersion v : k.versions()) {
                out.printf("%-24s %4d %-9s %-22s %-24s %-20s %-20s %-20s%n", k.alias(), v.version(), v.state(),
                        String.join(",", v.scopes().stream().sorted().map(Scope::label).toList()), v.publicId(),
                        time(v.created()), time(v.expires()), time(v.lastUsed()));
            }
        }
        return 0;
    }

    private int create(Vault vault, String alias, Map<String, String> options) {
        String scopesText = options.get("scopes");
        if (scopesText == null) {
            return usage("create needs --scopes, e.g. --scopes trade,read");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : scopesText.split(",")) {
            scopes.add(Scope.parse(s));
        }
        char[] secret = secretFile(options);
        try {
            CreatedKey created = vault.create(new NewKey(alias, options.get("description"), scopes,
                    options.get("public-id"), secret), "cli");
            out.println("created key '" + alias + "' version 1 with scopes " + scopesText);
            showGenerated(created);
            return 0;
        } finally {
            wipe(secret);
        }
    }

    private int rotate(Vault vault, String alias, Map<String, String> options) {
        Duration overlap = options.containsKey("overlap") ? duration(options.get("overlap")) : null;
        char[] secret = secretFile(options);
        try {
            CreatedKey created = vault.rotate(alias, secret, options.get("public-id"), overlap, "cli");
            KeyVersion v = created.version();
            out.println("rotated key '" + alias + "': version " + v.version() + " is ACTIVE");
            showGenerated(created);
            return 0;
        } finally {
            wipe(secret);
        }
    }

    private int stage(Vault vault, String alias, Map<String, String> options) {
        char[] secret = secretFile(options);
        try {
            CreatedKey created = vault.stage(alias, secret, options.get("public-id"), "cli");
            int version = created.version().version();
            out.println("staged key '" + alias + "': version " + version + " is PENDING; activate it with "
                    + "cambist keys activate " + alias + " --version " + version);
            showGenerated(created);
            return 0;
        } finally {
            wipe(secret);
        }
    }

    private int activate(Vault vault, String alias, Map<String, String> options) {
        if (!options.containsKey("version")) {
            throw new IllegalArgumentException("activate needs --version N, the PENDING version (cambist keys list shows it)");
        }
        int version = number(options.get("version"));
        Duration overlap = options.containsKey("overlap") ? duration(options.get("overlap")) : null;
        vault.activate(alias, version, overlap, "cli");
        out.println("activated key '" + alias + "': version " + version + " is ACTIVE");
        return 0;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version '" + text + "' is not a number");
        }
    }

    private int revoke(Vault vault, String alias, Map<String, String> options) {
        int version = options.containsKey("version") ? number(options.get("version")) : 0;
        vault.revoke(alias, version, options.getOrDefault("reason", ""), "cli");
        out.println("revoked " + (version == 0 ? "every version" : "version " + version) + " of key '" + alias + "'");
        return 0;
    }

    private int verify(Path data) {
        Path file = data.resolve(VaultConstants.AUDIT_AREA).resolve(VaultConstants.AUDIT_FILE);
        AuditVerification v = FileAuditLog.verify(file, 0);
        if (v.intact()) {
            out.println("audit log intact: " + v.records() + " records, last hash " + v.lastHash());
            return 0;
        }
        err.println("audit log NOT intact: " + v.problem() + " (first bad record " + v.firstBad() + ", " + v.records()
                + " good records before it)");
        return 1;
    }

    private void showGenerated(CreatedKey created) {
        if (created.generatedSecret() != null) {
            out.println("secret (shown once, never again; store it now): " + created.generatedSecret());
        }
    }

    private char[] secretFile(Map<String, String> options) {
        String name = options.get("secret-file");
        if (name == null) {
            return null;
        }
        Path file = Path.of(name);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\n') {
                Arrays.fill(bytes, (byte) 0);
                throw new IllegalArgumentException("secret file " + file + " ends with a newline, which would become "
                        + "part of the secret: write it without one (printf '%s' \"$SECRET\" > " + file + ")");
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            char[] secret = new char[chars.remaining()];
            chars.get(secret);
            if (secret.length == 0) {
                throw new IllegalArgumentException("secret file " + file + " is empty");
            }
            return secret;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read secret file " + file + ": " + e.getMessage());
        }
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.equals("0")) {
                return Duration.ZERO;
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("overlap '" + text + "' is not a duration like 30m, 24h, 7d or 0");
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.toString().substring(0, 19) + "Z";
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    private int usage(String problem) {
        err.println("cambist keys: " + problem);
        err.println("usage: cambist keys list|create|rotate|stage|activate|revoke|verify [ALIAS] [--data DIR] [options]");
        return 2;
    }
}
