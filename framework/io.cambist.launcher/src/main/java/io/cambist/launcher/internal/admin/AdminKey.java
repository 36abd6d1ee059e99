package io.cambist.launcher.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import io.cambist.launcher.CambistException;

/**
 * The admin key file {@code data/admin.key}: {@code {"keyId": "...", "secret": "..."}}, written by the first
 * {@code cambist run}. The secret stays in this object; {@link #toString()} never shows it.
 */
public final class AdminKey {

    public static final String FILE = "admin.key";

    private final String keyId;
    private final byte[] secret;

    AdminKey(String keyId, byte[] secret) {
        this.keyId = keyId;
        this.secret = secret;
    }

    /**
     * Reads the key file of a data directory.
     *
     * @throws CambistException when it is missing or not a key file, saying what to do
     */
    public static AdminKey read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CambistException("no admin key at " + file + "; start Cambist once with this data directory"
                    + " (cambist run) to create it, or pass the right one with --data");
        } catch (IOException e) {
            throw new CambistException("cannot read the admin key " + file + " (" + e.getMessage() + ")");
        }
        Map<String, Object> fields;
        try {
            fields = Json.object(text);
        } catch (IllegalArgumentException e) {
            throw new CambistException("the admin key " + file + " is not valid JSON (" + e.getMessage()
                    + "); it should be {\"keyId\": \"...\", \"secret\": \"...\"}");
        }
        if (!(fields.get("keyId") instanceof String id) || id.isEmpty()
                || !(fields.get("secret") instanceof String secret) || secret.isEmpty()) {
            throw new CambistException("the admin key " + file + " lacks \"keyId\" or \"secret\"; it should be"
                    + " {\"keyId\": \"...\", \"secret\": \"...\"}");
        }
        return new AdminKey(id, secret.getBytes(StandardCharsets.UTF_8));
    }

    public String keyId() {
        return keyId;
    }

    /** The secret's UTF-8 bytes (the HMAC key of the admin signing recipe); a copy. */
    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "AdminKey[" + keyId + "]";
    }
}
