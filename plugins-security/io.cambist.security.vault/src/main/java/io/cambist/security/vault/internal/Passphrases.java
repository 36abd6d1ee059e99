package io.cambist.security.vault.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the vault passphrase comes from, in order: the environment variable {@code CAMBIST_VAULT_PASSPHRASE}, the
 * configured passphrase file, else {@code data/vault.passphrase}, which is created (random, mode 0600) when neither
 * it nor the vault exists yet. One trailing newline in a file is ignored ({@code echo secret > file}).
 */
final class Passphrases {

    private static final Logger LOGGER = LoggerFactory.getLogger(Passphrases.class);

    /**
     * A passphrase and a description of its origin (never the value).
     *
     * @param value  the passphrase; the caller wipes it after use
     * @param origin where it came from, for messages
     */
    record Resolved(char[] value, String origin) {
        @Override
        public String toString() {
            return "Passphrase[from " + origin + "]";
        }
    }

    private final UnaryOperator<String> env;
    private final String configuredFile;
    private final Path defaultFile;
    private final Path vaultFile;
    private final SecureFiles files;

    /**
     * @param env            environment lookup (System::getenv in production)
     * @param configuredFile the {@code passphraseFile} setting, or blank
     * @param dataDir        the data folder (holds the default passphrase file)
     * @param vaultFile      the vault file (a passphrase is only generated when it does not exist)
     */
    Passphrases(UnaryOperator<String> env, String configuredFile, Path dataDir, Path vaultFile, SecureFiles files) {
        this.env = env;
        this.configuredFile = configuredFile == null ? "" : configuredFile.trim();
        this.defaultFile = dataDir.resolve(VaultConstants.PASSPHRASE_FILE);
        this.vaultFile = vaultFile;
        this.files = files;
    }

    Resolved resolve() {
        String fromEnv = env.apply(VaultConstants.PASSPHRASE_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Resolved(fromEnv.toCharArray(), "environment variable " + VaultConstants.PASSPHRASE_ENV);
        }
        if (!configuredFile.isEmpty()) {
            Path file = Path.of(configuredFile);
            if (!Files.isRegularFile(file)) {
                throw new VaultException("passphrase file " + file + " (passphraseFile in " + VaultConstants.PID
                        + ") does not exist: create it, or remove the setting");
            }
            return read(file, "passphrase file " + file);
        }
        if (Files.isRegularFile(defaultFile)) {
            return read(defaultFile, "passphrase file " + defaultFile);
        }
        if (Files.exists(vaultFile)) {
            throw new VaultException("the vault " + vaultFile + " exists but no passphrase is configured: set "
                    + VaultConstants.PASSPHRASE_ENV + ", set passphraseFile in " + VaultConstants.PID
                    + ", or restore " + defaultFile);
        }
        return generate();
    }

    private Resolved read(Path file, String origin) {
        try {
            if (SecureFiles.readableByOthers(file)) {
                LOGGER.warn("{} can be read by other users: chmod 600 it", file);
            }
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\n') {
                end--;
                if (end > 0 && bytes[end - 1] == '\r') {
                    end--;
                }
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            Arrays.fill(bytes, (byte) 0);
            char[] value = new char[chars.remaining()];
            chars.get(value);
            if (value.length == 0) {
                throw new VaultException(origin + " is empty: put the vault passphrase in it");
            }
            return new Resolved(value, origin);
        } catch (CharacterCodingException e) {
            throw new VaultException(origin + " is not UTF-8 text");
        } catch (IOException e) {
            throw new VaultException("cannot read " + origin + ": " + e.getMessage(), e);
        }
    }

    private Resolved generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            files.replace(defaultFile, (text + "\n").getBytes(StandardCharsets.US_ASCII), null);
        } catch (IOException e) {
            throw new VaultException("cannot create the vault passphrase file " + defaultFile + ": " + e.getMessage(), e);
        }
        LOGGER.info("no vault passphrase was configured: generated one in {} (readable by this user only); keep it "
                + "safe and out of backups of the vault, or set " + VaultConstants.PASSPHRASE_ENV + " instead", defaultFile);
        return new Resolved(text.toCharArray(), "passphrase file " + defaultFile + " (generated)");
    }
}
