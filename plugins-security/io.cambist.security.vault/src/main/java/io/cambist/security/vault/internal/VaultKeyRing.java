package io.cambist.security.vault.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.security.AuditLog;
import io.cambist.api.security.CreatedKey;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.KeyInfo;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.MacResult;
import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;

/**
 * The {@link KeyRing} service: the {@link Vault} in {@code data/vault/}. {@code activate} only wires things up; the
 * slow part (Argon2id, decryption, and in {@code cambist.mode=run} the first admin key) runs on the framework's
 * scheduler as soon as the core offers one, or else on first use. Callers arriving meanwhile wait for it.
 */
@Component(service = KeyRing.class, configurationPid = VaultConstants.PID, immediate = true)
@Designate(ocd = VaultConfiguration.class)
public final class VaultKeyRing implements KeyRing {

    private final Logger logger = LoggerFactory.getLogger(VaultKeyRing.class);

    private final Vault vault;
    private final Path adminKeyFile;
    private final SecureFiles files = new SecureFiles();
    private volatile boolean startupQueued;
    private volatile boolean active;
    private volatile boolean started;

    @Activate
    public VaultKeyRing(BundleContext context, VaultConfiguration config, @Reference AuditLog audit) {
        Path vaultDir = DataDirs.area(context, VaultConstants.VAULT_AREA);
        Path dataDir = vaultDir.getParent();
        KdfParams kdf = new KdfParams(config.kdfMemoryKiB(), config.kdfIterations(), config.kdfParallelism());
        Passphrases passphrases = new Passphrases(System::getenv, config.passphraseFile(), dataDir,
                vaultDir.resolve(VaultConstants.VAULT_FILE), files);
        VaultStorage storage = new VaultStorage(vaultDir, passphrases, kdf, files);
        // cheap, and keeps offline tools away from the vault while this container runs
        storage.lock();
        this.vault = new Vault(storage, audit, Clock.systemUTC(), Duration.ofHours(config.defaultOverlapHours()));
        this.adminKeyFile = "run".equals(context.getProperty("cambist.mode"))
                ? dataDir.resolve(VaultConstants.ADMIN_KEY_FILE) : null;
        this.active = true;
        ScheduledExecutorService ready = executor;
        if (ready != null) {
            queueStartup(ready);
        }
    }

    private volatile ScheduledExecutorService executor;

    /** The core's shared scheduler (registered with {@code cambist.scheduler=shared}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(cambist.scheduler=shared)")
    void bindExecutor(ScheduledExecutorService service) {
        executor = service;
        if (active) {
            queueStartup(service);
        }
    }

    void unbindExecutor(ScheduledExecutorService service) {
        if (executor == service) {
            executor = null;
        }
    }

    private void queueStartup(ScheduledExecutorService service) {
        if (startupQueued || started) {
            return;
        }
        startupQueued = true;
        try {
            service.execute(this::startup);
        } catch (RejectedExecutionException e) {
            startupQueued = false;
        }
    }

    /** Unlocks the vault and, in run mode, makes sure an admin key exists. Errors are logged once, clearly. */
    private void startup() {
        try {
            ready();
        } catch (RuntimeException e) {
            logger.error("key vault not available: {}", e.getMessage());
        }
    }

    /** The vault, unlocked (and bootstrapped in run mode); the first caller does the work, the others wait. */
    private Vault ready() {
        if (!started) {
            synchronized (this) {
                if (!started) {
                    vault.unlock();
                    if (adminKeyFile != null) {
                        AdminKeyBootstrap.ensure(vault, adminKeyFile, files);
                    }
                    started = true;
                }
            }
        }
        return vault;
    }

    @Deactivate
    void deactivate() {
        active = false;
        vault.close();
    }

    @Override
    public List<KeyInfo> list() {
        return ready().list();
    }

    @Override
    public Optional<KeyInfo> get(String alias) {
        return ready().get(alias);
    }

    @Override
    public CreatedKey create(NewKey key, String actor) {
        return ready().create(key, actor);
    }

    @Override
    public CreatedKey rotate(String alias, char[] secret, String publicId, Duration overlap, String actor) {
        return ready().rotate(alias, secret, publicId, overlap, actor);
    }

    @Override
    public CreatedKey stage(String alias, char[] secret, String publicId, String actor) {
        return ready().stage(alias, secret, publicId, actor);
    }

    @Override
    public KeyInfo activate(String alias, int version, Duration overlap, String actor) {
        return ready().activate(alias, version, overlap, actor);
    }

    @Override
    public KeyInfo revoke(String alias, int version, String reason, String actor) {
        return ready().revoke(alias, version, reason, actor);
    }

    @Override
    public MacResult mac(String alias, String algorithm, KeyEncoding encoding, byte[] message, Scope scope) {
        return ready().mac(alias, algorithm, encoding, message, scope);
    }

    @Override
    public Optional<KeyVersion> verify(String keyId, String algorithm, KeyEncoding encoding, byte[] message,
            byte[] mac) {
        return ready().verify(keyId, algorithm, encoding, message, mac);
    }

    @Override
    public Optional<KeyVersion> matchSecret(String keyId, char[] presented) {
        return ready().matchSecret(keyId, presented);
    }

    @Override
    public String toString() {
        return "VaultKeyRing[" + (vault.unlocked() ? "unlocked" : "locked") + "]";
    }
}
