package io.cambist.launcher.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.cambist.launcher.CambistException;
import io.cambist.security.vault.internal.VaultTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cambist keys}: offline work on a data directory's key vault while no container runs (a running container
 * holds the vault's lock, and the command then refuses with one line). Each sub-command hands its arguments to the
 * vault bundle's {@link VaultTool}, which finds the passphrase as the container does
 * ({@code CAMBIST_VAULT_PASSPHRASE}, {@code --passphrase-file}, then {@code data/vault.passphrase}).
 */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        description = {
            "Work on the key vault offline (with the container stopped): list, create, rotate, stage, activate, revoke, verify.",
            "While Cambist runs, use the admin API instead (cambist api GET /api/v1/keys ...).",
        },
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            KeysCommand.ListKeys.class,
            KeysCommand.Create.class,
            KeysCommand.Rotate.class,
            KeysCommand.Stage.class,
            KeysCommand.Activate.class,
            KeysCommand.Revoke.class,
            KeysCommand.Verify.class,
        },
        footer = {
            "",
            "Exit codes: 0 done; 1 refused or failed (wrong passphrase, vault in use,",
            "unknown alias); 2 bad usage.",
        })
final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /**
     * The vault logs what it does at INFO ("unlocked the vault ..."); the tool prints its own results, so the console
     * shows the vault's warnings only. A strong reference: java.util.logging forgets the level of a collected logger.
     */
    private static final Logger VAULT_LOG = Logger.getLogger("io.cambist.security");

    /** The environment the passphrase is looked up in. */
    UnaryOperator<String> environment = System::getenv;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the vault tool with {@code args} plus {@code --data DIR}; copies its output to the command's writers.
     *
     * @param existing a file the data directory must already hold (a typo in --data must not create a new vault),
     *                 or null ({@code create} may make the first vault)
     */
    int vaultTool(CommandSpec command, List<String> args, Path data, Path passphraseFile, String existing) {
        Path dir = (data != null ? data : Home.resolve().resolve("data")).toAbsolutePath().normalize();
        if (existing != null && !Files.exists(dir.resolve(existing))) {
            throw new CambistException("no " + existing + " in " + dir + "; check --data (the vault is made by the"
                    + " first cambist run, or by cambist keys create)");
        }
        List<String> all = new ArrayList<>(args);
        all.add("--data");
        all.add(dir.toString());
        if (passphraseFile != null) {
            all.add("--passphrase-file");
            all.add(passphraseFile.toAbsolutePath().toString());
        }
        if (VAULT_LOG.getLevel() == null) {
            VAULT_LOG.setLevel(Level.WARNING);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VaultTool.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        command.commandLine().getOut().print(out.toString(StandardCharsets.UTF_8));
        command.commandLine().getOut().flush();
        command.commandLine().getErr().print(err.toString(StandardCharsets.UTF_8));
        command.commandLine().getErr().flush();
        return code;
    }

    static final String VAULT_FILE = "vault/vault.bin";
    static final String AUDIT_FILE = "audit/audit.log";

    /** Options every sub-command has. */
    static class Common {
        @Spec
        CommandSpec spec;

        @ParentCommand
        KeysCommand keys;

        @Option(names = "--data", paramLabel = "DIR", description = "Data directory with vault/ (default: <home>/data).")
        Path data;

        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "File with the vault passphrase (default: $CAMBIST_VAULT_PASSPHRASE, else data/vault.passphrase).")
        Path passphraseFile;

        int run(List<String> args) {
            return run(args, VAULT_FILE);
        }

        int run(List<String> args, String existing) {
            return keys.vaultTool(spec, args, data, passphraseFile, existing);
        }

        static void add(List<String> args, String option, Object value) {
            if (value != null) {
                args.add(option);
                args.add(String.valueOf(value));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every key alias and version: state, scopes, public id, created, expires, last used.")
    static final class ListKeys extends Common implements Callable<Integer> {
        @Override
        public Integer call() {
            return run(new ArrayList<>(List.of("list")));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "Create a key. Without --secret-file a secret is generated and shown once.",
                "Example: cambist keys create binance-main --scopes trade,read \\",
                "           --public-id <API key> --secret-file secret.txt",
            })
    static final class Create extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ALIAS", description = "The key's alias, e.g. binance-main.")
        String alias;

        @Option(names = "--scopes", required = true, paramLabel = "S[,S]", description = "read, trade, admin, webhook.")
        String scopes;

        @Option(names = "--public-id", paramLabel = "ID", description = "The public part, e.g. a venue's API key.")
        String publicId;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the key is for.")
        String description;

        @Option(names = "--secret-file", paramLabel = "FILE",
                description = "Import this secret (the file's bytes, without a trailing newline).")
        Path secretFile;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("create", alias));
            add(args, "--scopes", scopes);
            add(args, "--public-id", publicId);
            add(args, "--description", description);
            add(args, "--secret-file", secretFile);
            return run(args, null);
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "Make a new version ACTIVE; the old one stays valid for verification during the overlap.",
                "Example: cambist keys rotate admin --overlap 24h",
            })
    static final class Rotate extends Common implements Callable<Integer> {
        @Mixin
        NewVersion newVersion;

        @Option(names = "--overlap", paramLabel = "DURATION", description = "30m, 24h, 7d or 0 (default: 24h).")
        String overlap;

        @Override
        public Integer call() {
            List<String> args = newVersion.args("rotate");
            add(args, "--overlap", overlap);
            return run(args);
        }
    }

    /** What rotate and stage share: the alias and the new version's public id and secret. */
    static final class NewVersion {
        @Parameters(paramLabel = "ALIAS", description = "The key's alias.")
        String alias;

        @Option(names = "--public-id", paramLabel = "ID", description = "The new version's public id.")
        String publicId;

        @Option(names = "--secret-file", paramLabel = "FILE", description = "Import the new secret instead of generating one.")
        Path secretFile;

        List<String> args(String command) {
            List<String> args = new ArrayList<>(List.of(command, alias));
            Common.add(args, "--public-id", publicId);
            Common.add(args, "--secret-file", secretFile);
            return args;
        }
    }

    @Command(name = "stage", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "Store a new version as PENDING: it signs and verifies nothing until activated.",
                "For a venue key: create the new API key at the venue, stage it here, then activate it.",
                "Example: cambist keys stage binance-main --public-id <new API key> --secret-file new.txt",
            })
    static final class Stage extends Common implements Callable<Integer> {
        @Mixin
        NewVersion newVersion;

        @Override
        public Integer call() {
            return run(newVersion.args("stage"));
        }
    }

    @Command(name = "activate", sortOptions = false,
            description = {
                "Make a PENDING version ACTIVE; the old one stays valid for verification during the overlap.",
                "Example: cambist keys activate binance-main --version 2 --overlap 1h",
            })
    static final class Activate extends Common implements Callable<Integer> {
        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Parameters(paramLabel = "ALIAS", description = "The key's alias.")
        String alias;

        @Option(names = "--version", required = true, paramLabel = "N", description = "The PENDING version.")
        Integer version;

        @Option(names = "--overlap", paramLabel = "DURATION", description = "30m, 24h, 7d or 0 (default: 24h).")
        String overlap;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("activate", alias));
            add(args, "--version", version);
            add(args, "--overlap", overlap);
            return run(args);
        }
    }

    @Command(name = "revoke", sortOptions = false,
            description = {
                "Revoke every version of a key (or one with --version), at once.",
                "Example: cambist keys revoke binance-main --reason leaked",
            })
    static final class Revoke extends Common implements Callable<Integer> {
        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Parameters(paramLabel = "ALIAS", description = "The key's alias.")
        String alias;

        @Option(names = "--version", paramLabel = "N", description = "Only this version (default: all).")
        Integer version;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit log.")
        String reason;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("revoke", alias));
            add(args, "--version", version);
            add(args, "--reason", reason);
            return run(args);
        }
    }

    @Command(name = "verify", aliases = "audit-verify", mixinStandardHelpOptions = true,
            description = {
                "Check the audit log's hash chain (read-only: fine while the container runs).",
                "Prints the last hash: keep it elsewhere to notice records cut from the end later.",
            })
    static final class Verify extends Common implements Callable<Integer> {
        @Override
        public Integer call() {
            return run(new ArrayList<>(List.of("verify")), AUDIT_FILE);
        }
    }
}
