package io.cambist.security.vault.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyState;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

/**
 * First start of {@code cambist run}: when no key may administer the container, create alias {@code admin} (scopes
 * admin and read) and write {@code data/admin.key} ({@code {"keyId": ..., "secret": ...}}, mode 0600, atomically)
 * for {@code cambist api}. The file is written before the vault, and removed again if the vault write fails, so the
 * two never disagree. The log says where the file is, never what is in it.
 */
final class AdminKeyBootstrap {

    private static final Logger LOGGER = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private AdminKeyBootstrap() {
    }

    /** @return true when a key was created */
    static boolean ensure(Vault vault, Path adminKeyFile, SecureFiles files) {
        for (KeyInfo key : vault.list()) {
            for (var v : key.versions()) {
                if (v.state() == KeyState.ACTIVE && v.scopes().contains(Scope.ADMIN)) {
                    return false;
                }
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        char[] secret = Base64.getEncoder().encodeToString(random).toCharArray();
        Arrays.fill(random, (byte) 0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keyId", VaultConstants.ADMIN_ALIAS);
        json.put("secret", new String(secret));
        try {
            files.replace(adminKeyFile, (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new VaultException("cannot write the admin key file " + adminKeyFile + ": " + e.getMessage(), e);
        }
        try {
            if (vault.get(VaultConstants.ADMIN_ALIAS).isPresent()) {
                vault.rotate(VaultConstants.ADMIN_ALIAS, secret, null, Duration.ZERO, "system");
            } else {
                vault.create(new NewKey(VaultConstants.ADMIN_ALIAS, "administrator key, generated at first start",
                        Set.of(Scope.ADMIN, Scope.READ), null, secret), "system");
            }
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(adminKeyFile);
            } catch (IOException ignored) {
                // the next start writes it again
            }
            throw e;
        } finally {
            Arrays.fill(secret, '\0');
        }
        LOGGER.info("created the admin key '{}'; its secret is in {} (readable by this user only), which cambist api "
                + "uses to sign requests", VaultConstants.ADMIN_ALIAS, adminKeyFile);
        return true;
    }
}
