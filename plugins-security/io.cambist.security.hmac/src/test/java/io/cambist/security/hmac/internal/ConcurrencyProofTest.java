package io.cambist.security.hmac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cambist.api.security.NewKey;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;
import io.cambist.security.nonce.internal.NonceStores;
import io.cambist.security.vault.internal.Vaults;

/**
 * Service-level proofs: the verifier, the memory nonce store and the vault together, under concurrent signed traffic
 * with replays, a key rotation and a nonce store update. Requests are signed by {@link Requests}, independently.
 */
class ConcurrencyProofTest {

    private static final String V1 = "first-admin-secret-0b9e";
    private static final String V2 = "second-admin-secret-77ac";
    private static final int THREADS = 6;

    @TempDir
    Path data;

    private Vaults.Handle vault;
    private NonceStores.Closeable nonces;
    private CambistRequestVerifier verifier;
    private final AtomicInteger counter = new AtomicInteger();
    private ExecutorService pool;

    @BeforeEach
    void wire() throws Exception {
        vault = Vaults.open(data, "pass", 64, 1, 1, Clock.systemUTC(), Duration.ofHours(24));
        vault.keyRing().create(new NewKey("admin", null, Set.of(Scope.ADMIN, Scope.READ), null, V1.toCharArray()),
                "test");
        nonces = NonceStores.memory(data.resolve("nonces/memory-snapshot.bin"), 300_000, 1_000_000);
        verifier = new CambistRequestVerifier();
        verifier.setLimits(30_000, 5000);
        verifier.bindKeyRing(vault.keyRing());
        verifier.bindNonceStore(nonces);
        verifier.bindAuditLog(vault.auditLog());
        pool = Executors.newFixedThreadPool(THREADS);
        // the fresh store refuses timestamps up to its start
        Thread.sleep(2);
    }

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        nonces.close();
        vault.close();
    }

    private SignedRequest request(String secret) {
        return Requests.signed(secret, "admin", "POST", "/api/v1/strategies/demo/pause", "{\"reason\":\"test\"}",
                System.currentTimeMillis(), String.format("proof-nonce-%010d", counter.incrementAndGet()));
    }

    /** Runs the requests from the queue on every thread; returns each request's outcomes by nonce. */
    private Map<String, List<Verification>> send(List<SignedRequest> requests) throws Exception {
        ConcurrentLinkedQueue<SignedRequest> queue = new ConcurrentLinkedQueue<>(requests);
        Map<String, List<Verification>> outcomes = new ConcurrentHashMap<>();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> {
                SignedRequest r;
                while ((r = queue.poll()) != null) {
                    Verification v = verifier.verify(r, Scope.ADMIN);
                    outcomes.computeIfAbsent(r.header(SignedRequest.NONCE), n -> Collections.synchronizedList(
                            new ArrayList<>())).add(v);
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(workers)) {
            f.get();
        }
        return outcomes;
    }

    @Test
    void aThousandSignedRequestsAFifthReplaysEveryReplayRefusedEveryFreshOneAccepted() throws Exception {
        List<SignedRequest> fresh = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            fresh.add(request(V1));
        }
        List<SignedRequest> all = new ArrayList<>(fresh);
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            all.add(fresh.get(random.nextInt(fresh.size())));
        }
        Collections.shuffle(all, random);

        Map<String, List<Verification>> outcomes = send(all);

        int accepted = 0;
        int refused = 0;
        for (Map.Entry<String, List<Verification>> e : outcomes.entrySet()) {
            long ok = e.getValue().stream().filter(v -> v instanceof Verification.Verified).count();
            assertThat(ok).as("acceptances of %s", e.getKey()).isEqualTo(1);
            for (Verification v : e.getValue()) {
                if (v instanceof Verification.Verified) {
                    accepted++;
                } else {
                    assertThat(v).isEqualTo(new Verification.Refused(401, "nonce already used"));
                    refused++;
                }
            }
        }
        assertThat(outcomes).hasSize(800);
        assertThat(accepted).isEqualTo(800);
        assertThat(refused).isEqualTo(200);
        assertThat(nonces.stats().replayed()).isEqualTo(200);
    }

    @Test
    void aRotationDuringTrafficRefusesNothingSignedByThePreviousVersionInsideTheOverlap() throws Exception {
        ConcurrentLinkedQueue<Verification> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch halfway = new CountDownLatch(THREADS * 50);
        List<Callable<Void>> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            clients.add(() -> {
                // these clients still sign with the old secret: the operator has not handed out the new one yet
                for (int i = 0; i < 150; i++) {
                    outcomes.add(verifier.verify(request(V1), Scope.ADMIN));
                    halfway.countDown();
                }
                return null;
            });
        }
        List<Future<Void>> running = new ArrayList<>();
        for (Callable<Void> c : clients) {
            running.add(pool.submit(c));
        }
        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        vault.keyRing().rotate("admin", V2.toCharArray(), null, Duration.ofHours(1), "test");
        for (Future<Void> f : running) {
            f.get();
        }
        // and clients that picked up the new secret are accepted at the same time
        Map<String, List<Verification>> withV2 = send(java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> request(V2)).toList());

        assertThat(outcomes).hasSize(THREADS * 150).allMatch(v -> v instanceof Verification.Verified);
        assertThat(outcomes).extracting(v -> ((Verification.Verified) v).version()).contains(1);
        assertThat(withV2.values()).allMatch(list -> list.size() == 1
                && list.get(0) instanceof Verification.Verified ok && ok.version() == 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void updatingTheNonceStoreUnderTrafficLosesNoNonceState(String type) throws Exception {
        Supplier<NonceStores.Closeable> open = () -> type.equals("memory")
                ? NonceStores.memory(data.resolve("nonces/memory-snapshot.bin"), 300_000, 1_000_000)
                : NonceStores.file(data.resolve("nonces"), 300_000, 1_000_000);
        NonceStores.Closeable before = open.get();
        verifier.unbindNonceStore(nonces);
        verifier.bindNonceStore(before);
        Thread.sleep(2);

        ConcurrentLinkedQueue<SignedRequest> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Verification> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch halfway = new CountDownLatch(THREADS * 40);
        List<Future<Void>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    SignedRequest r = request(V1);
                    sent.add(r);
                    outcomes.add(verifier.verify(r, Scope.ADMIN));
                    halfway.countDown();
                }
                return null;
            }));
        }
        assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
        // the bundle update, as SCR does it: unregister (unbind), deactivate (close), then the new instance
        verifier.unbindNonceStore(before);
        before.close();
        Thread.sleep(50);
        NonceStores.Closeable after = open.get();
        verifier.bindNonceStore(after);
        for (Future<Void> f : running) {
            f.get();
        }
        assertThat(outcomes).hasSize(THREADS * 100).allMatch(v -> v instanceof Verification.Verified);
        // every request sent before, during and after the update is refused when replayed
        for (SignedRequest r : sent) {
            assertThat(verifier.verify(r, Scope.ADMIN)).isEqualTo(new Verification.Refused(401, "nonce already used"));
        }
        verifier.unbindNonceStore(after);
        after.close();
        verifier.bindNonceStore(nonces);
    }
}
