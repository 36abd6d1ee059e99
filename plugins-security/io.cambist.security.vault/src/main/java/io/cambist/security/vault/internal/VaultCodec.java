package io.cambist.security.vault.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cambist.api.security.KeyState;
import io.cambist.api.security.Scope;

/** The vault's plaintext document (encrypted before it touches the disk): JSON of every key, version and secret. */
final class VaultCodec {

    private static final long FORMAT = 1;

    private VaultCodec() {
    }

    static byte[] encode(Iterable<KeyEntry> keys) {
        List<Object> list = new ArrayList<>();
        for (KeyEntry k : keys) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("alias", k.alias());
            key.put("description", k.description());
            List<Object> versions = new ArrayList<>();
            for (VersionEntry v : k.versions()) {
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("version", (long) v.version);
                version.put("state", v.state.name());
                version.put("scopes", v.scopes.stream().sorted().map(Scope::label).toList());
                version.put("publicId", v.publicId);
                version.put("created", v.created);
                version.put("activated", v.activated);
                version.put("expires", v.expires);
                long used = v.secret == null ? 0 : v.secret.lastUsed();
                version.put("lastUsed", used == 0 ? null : used);
                version.put("secret", v.secret == null ? null : v.secret.textForVaultFile());
                versions.add(version);
            }
            key.put("versions", versions);
            list.add(key);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("keys", list);
        return Json.write(doc).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<KeyEntry> decode(byte[] plaintext) {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(new String(plaintext, StandardCharsets.UTF_8));
        if (!Long.valueOf(FORMAT).equals(doc.get("format"))) {
            throw new VaultException("vault content format " + doc.get("format") + " is not supported by this version "
                    + "of Cambist: upgrade Cambist", true);
        }
        List<KeyEntry> keys = new ArrayList<>();
        for (Object o : (List<Object>) doc.get("keys")) {
            Map<String, Object> key = (Map<String, Object>) o;
            String alias = (String) key.get("alias");
            List<VersionEntry> versions = new ArrayList<>();
            for (Object vo : (List<Object>) key.get("versions")) {
                Map<String, Object> v = (Map<String, Object>) vo;
                Set<Scope> scopes = EnumSet.noneOf(Scope.class);
                for (Object s : (List<Object>) v.get("scopes")) {
                    scopes.add(Scope.parse((String) s));
                }
                String secret = (String) v.get("secret");
                Long lastUsed = (Long) v.get("lastUsed");
                SecretMaterial material = secret == null ? null
                        : new SecretMaterial(secret.getBytes(StandardCharsets.UTF_8), lastUsed == null ? 0 : lastUsed);
                versions.add(new VersionEntry(alias, ((Long) v.get("version")).intValue(),
                        KeyState.valueOf(((String) v.get("state")).toUpperCase(Locale.ROOT)), scopes,
                        (String) v.get("publicId"), (Long) v.get("created"), (Long) v.get("activated"),
                        (Long) v.get("expires"), material));
            }
            keys.add(new KeyEntry(alias, (String) key.get("description"), versions));
        }
        return keys;
    }
}
