package io.cambist.security.vault.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.osgi.framework.BundleContext;

/** Fakes and a fixture for the vault tests. */
public final class TestSupport {

    /** Cheap KDF parameters so tests do not spend 200 ms per open; the format records whatever is used. */
    static final KdfParams FAST_KDF = new KdfParams(64, 1, 1);

    private TestSupport() {
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) {
            now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A vault in a data folder with a passphrase given as if by the environment. */
    static final class Fixture implements AutoCloseable {
        final Path data;
        final MutableClock clock;
        final FileAuditLog audit;
        final VaultStorage storage;
        final Vault vault;

        Fixture(Path data, String passphrase, MutableClock clock) {
            this(data, passphrase, clock, FAST_KDF, new SecureFiles());
        }

        Fixture(Path data, String passphrase, MutableClock clock, KdfParams kdf, SecureFiles files) {
            this.data = data;
            this.clock = clock;
            this.audit = new FileAuditLog(data.resolve("audit"), clock);
            Path vaultDir = data.resolve("vault");
            Passphrases passphrases = new Passphrases(name -> VaultConstants.PASSPHRASE_ENV.equals(name) ? passphrase
                    : null, "", data, vaultDir.resolve(VaultConstants.VAULT_FILE), files);
            this.storage = new VaultStorage(vaultDir, passphrases, kdf, files);
            this.vault = new Vault(storage, audit, clock, Duration.ofHours(24));
        }

        Path vaultFile() {
            return data.resolve("vault").resolve(VaultConstants.VAULT_FILE);
        }

        @Override
        public void close() {
            vault.close();
            audit.close();
        }
    }

    /** An instance of a configuration annotation: the given values, else each attribute's default. */
    static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            return method.getDefaultValue();
        }));
    }

    /** A bundle context that only answers framework properties. */
    static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
