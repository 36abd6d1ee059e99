package io.cambist.distribution.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Issue 3, "Done when" and item 6, over real HTTP against the assembled product: 1,000 signed requests of which a
 * fifth are replays, from several threads; a key rotated during traffic; the three security bundles updated in place
 * during traffic, for the admin API and for the signal webhook. After each, no secret (the admin key, generated keys,
 * the vault passphrase) is in the log output, the audit log or any response the test received.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignedTrafficIT {

    /** Every response of the class's tests (container side: one probe class loader for the whole class). */
    private static final List<AdminClient.Response> RESPONSES = new CopyOnWriteArrayList<>();
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final String NONCE_USED = "nonce already used";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return CambistOptions.product("SignedTrafficIT");
    }

    private AdminClient admin() throws InterruptedException {
        Product product = new Product(context);
        AdminClient admin = product.admin();
        SECRETS.add(admin.adminSecret());
        SECRETS.add(SecretScan.passphrase(product.data()));
        return admin.recordingTo(RESPONSES);
    }

    @After
    public void noSecretLeaked() {
        SecretScan.assertNoSecret(SECRETS, RESPONSES, new Product(context).data());
    }

    @Test
    public void aThousandSignedRequestsAFifthOfThemReplaysFromFourThreads() throws Exception {
        AdminClient admin = admin();
        long replayedBefore = replayedCount(admin);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<int[]>> results = new ArrayList<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Random random = new Random(thread);
                List<AdminClient.Signed> accepted = new ArrayList<>();
                int fresh = 0;
                int replays = 0;
                for (int i = 0; i < 250; i++) {
                    if (i % 5 == 4) {
                        AdminClient.Signed again = accepted.get(random.nextInt(accepted.size()));
                        AdminClient.Response r = admin.send(again);
                        replays++;
                        if (r.status() != 401 || !r.body().contains(NONCE_USED)) {
                            wrong.add("replay of " + again.method() + " " + again.uri().getPath() + ": " + r);
                        }
                    } else {
                        AdminClient.Signed request = freshRequest(admin, thread, i);
                        AdminClient.Response r = admin.send(request);
                        fresh++;
                        if (r.status() != 200 && r.status() != 201) {
                            wrong.add("fresh " + request.method() + " " + request.uri().getPath() + ": " + r);
                        } else {
                            accepted.add(request);
                        }
                    }
                }
                return new int[] {fresh, replays};
            }));
        }
        int fresh = 0;
        int replays = 0;
        for (Future<int[]> f : results) {
            int[] counts = f.get(60, TimeUnit.SECONDS);
            fresh += counts[0];
            replays += counts[1];
        }
        pool.shutdown();

        assertEquals("requests that were not answered as expected", List.of(), wrong);
        assertEquals(800, fresh);
        assertEquals(200, replays);
        assertTrue("the nonce store counted the replays", replayedCount(admin) - replayedBefore >= 200);
    }

    /** A GET, or now and then a PUT with a body, so bodies are hashed and checked too. */
    private static AdminClient.Signed freshRequest(AdminClient admin, int thread, int i) {
        return request(admin, thread, i, i % 2 == 0 ? "/nonces" : "/bundles/0");
    }

    /**
     * Like {@link #freshRequest}, but only endpoints that need no security service themselves (GET /nonces reads the
     * nonce store and answers 503 while its bundle is replaced, as documented), so that a failure can only come from
     * checking the signature.
     */
    private static AdminClient.Signed authOnlyRequest(AdminClient admin, int thread, int i) {
        return request(admin, thread, i, i % 2 == 0 ? "/strategy-types" : "/bundles/0");
    }

    private static AdminClient.Signed request(AdminClient admin, int thread, int i, String getPath) {
        if (i % 10 == 3) {
            byte[] body = MiniJson.bytes(MiniJson.obj("thread", thread, "request", i));
            return admin.prepare("PUT", "/configurations/io.cambist.it.traffic~t" + thread, body, Ops.JSON);
        }
        return admin.prepare("GET", getPath, null, null);
    }

    @Test
    public void aKeyRotatedDuringTrafficRefusesNoRequestSignedWithThePreviousVersionInsideTheOverlap() throws Exception {
        AdminClient admin = admin();
        // the two answers that show a generated secret once are kept out of the scanned responses on purpose
        AdminClient quiet = new AdminClient(admin.base(), new Product(context).data());
        AdminClient.Response created = Ops.expect(201, Ops.post(quiet, "/keys", MiniJson.obj("alias", "ops-it",
                "description", "rotation IT", "scopes", List.of("read", "admin"))), "create key ops-it");
        String first = created.text("secret").orElseThrow();
        SECRETS.add(first);
        AdminClient previous = admin.withKey("ops-it", first);

        AtomicBoolean stop = new AtomicBoolean();
        List<String> refused = new CopyOnWriteArrayList<>();
        List<Long> acceptedAfterRotation = new CopyOnWriteArrayList<>();
        long[] rotatedAt = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> traffic = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            traffic.add(pool.submit(() -> {
                while (!stop.get()) {
                    long signedAt = System.currentTimeMillis();
                    AdminClient.Response r = previous.get("/keys/ops-it");
                    if (r.status() != 200) {
                        refused.add(r.toString());
                    } else if (rotatedAt[0] > 0 && signedAt > rotatedAt[0]) {
                        acceptedAfterRotation.add(signedAt);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(500);
        AdminClient.Response rotated = Ops.expect(200, Ops.post(quiet, "/keys/ops-it/rotate",
                MiniJson.obj("overlap", "PT8S")), "rotate ops-it");
        rotatedAt[0] = System.currentTimeMillis();
        String second = rotated.text("secret").orElseThrow();
        SECRETS.add(second);
        AdminClient current = admin.withKey("ops-it", second);
        for (int i = 0; i < 50; i++) {
            Ops.expect(200, current.get("/nonces"), "a request signed with the new version");
        }
        Thread.sleep(Math.max(0, rotatedAt[0] + 3000 - System.currentTimeMillis()));
        stop.set(true);
        for (Future<?> f : traffic) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals("requests signed with the previous version refused inside the overlap", List.of(), refused);
        assertTrue("requests signed with the previous version after the rotation: " + acceptedAfterRotation.size(),
                acceptedAfterRotation.size() >= 20);
        Map<String, Object> key = MiniJson.object(Ops.expect(200, admin.get("/keys/ops-it"), "key").body());
        assertEquals("version states: " + key, List.of("PREVIOUS", "ACTIVE"), states(key));

        // once the overlap has ended, the previous version no longer verifies
        AdminClient.Response late = Poll.until("the previous version to stop verifying", Duration.ofSeconds(30), () -> {
            AdminClient.Response r = previous.get("/keys/ops-it");
            return r.status() == 401 ? Poll.Probe.done(r) : Poll.Probe.waiting(r.toString());
        });
        assertTrue("refused only after the overlap: " + (System.currentTimeMillis() - rotatedAt[0]) + " ms",
                System.currentTimeMillis() - rotatedAt[0] >= 7000);
        assertTrue(late.body(), late.body().contains("\"error\""));
        Ops.expect(200, current.get("/keys/ops-it"), "the new version after the overlap");
    }

    @Test
    public void updatingTheSecurityBundlesUnderSignedTrafficFailsNoRequestAndKeepsEveryNonce() throws Exception {
        AdminClient admin = admin();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> failed = new CopyOnWriteArrayList<>();
        List<AdminClient.Signed> accepted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> traffic = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            traffic.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    AdminClient.Signed request = authOnlyRequest(admin, thread, i);
                    AdminClient.Response r = admin.send(request);
                    if (r.status() == 200 || r.status() == 201) {
                        accepted.add(request);
                    } else {
                        failed.add(request.method() + " " + request.uri().getPath() + ": " + r);
                    }
                }
                return null;
            }));
        }
        Product product = new Product(context);
        List<String> updated = new ArrayList<>();
        for (String name : List.of("io.cambist.security.nonce", "io.cambist.security.hmac", "io.cambist.security.vault")) {
            Thread.sleep(700);
            long modified = product.bundle(name).orElseThrow().getLastModified();
            Bundle bundle = product.updateInPlace(admin, name);
            assertTrue(name + " was updated", bundle.getLastModified() > modified);
            assertEquals(name + " is active again", Bundle.ACTIVE, bundle.getState());
            updated.add(name);
        }
        Thread.sleep(700);
        stop.set(true);
        for (Future<?> f : traffic) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals("requests refused or failed while " + updated + " were updated", List.of(), failed);
        assertTrue("requests during the updates: " + accepted.size(), accepted.size() >= 100);
        // every earlier request is refused as a replay: the nonce store kept them across its own update
        List<String> notRefused = new ArrayList<>();
        int step = Math.max(1, accepted.size() / 400);
        int replayed = 0;
        for (int i = 0; i < accepted.size(); i += step) {
            AdminClient.Response r = admin.send(accepted.get(i));
            replayed++;
            if (r.status() != 401 || !r.body().contains(NONCE_USED)) {
                notRefused.add(i + ": " + r);
            }
        }
        assertEquals("replays of requests made during the updates (" + replayed + " sent)", List.of(), notRefused);
    }

    /**
     * The signal webhook under the same updates: every alert sent while the nonce and vault bundles are replaced is
     * accepted (the webhook waits for the services, as the admin API does), since a sender like TradingView never
     * retries.
     */
    @Test
    public void webhookAlertsSentWhileTheNonceAndVaultBundlesAreUpdatedAreAllAccepted() throws Exception {
        AdminClient admin = admin();
        Webhook.withoutRateLimit(admin);
        Ops.paperAccount(admin, "webhook-traffic", MiniJson.obj("instrument", "BTC/USDT", "source", "synthetic",
                "speed", "20", "balances", "USDT=1000000"));
        Ops.awaitOnline(admin, "webhook-traffic", Ops.WAIT);
        // the answer that shows the bot's generated webhook secret once is kept out of the scanned responses on purpose
        AdminClient quiet = new AdminClient(admin.base(), new Product(context).data());
        Webhook webhook = Webhook.forNewBot(quiet, "traffic", "webhook-traffic", "BTC/USDT");
        SECRETS.add(webhook.secret());
        AtomicBoolean stop = new AtomicBoolean();
        List<String> refused = new CopyOnWriteArrayList<>();
        List<String> accepted = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> traffic = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            traffic.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    AdminClient.Response r = webhook.post(MiniJson.obj("id", "t" + thread + "-" + i, "time",
                            System.currentTimeMillis(), "action", "buy", "instrument", "BTC/USDT", "sizeQuote", "10"));
                    (r.status() == 202 ? accepted : refused).add(r.toString());
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        for (String name : List.of("io.cambist.security.nonce", "io.cambist.security.vault")) {
            Thread.sleep(500);
            new Product(context).updateInPlace(admin, name);
        }
        Thread.sleep(500);
        stop.set(true);
        for (Future<?> f : traffic) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue("alerts accepted: " + accepted.size(), accepted.size() >= 20);
        assertEquals("alerts refused while the security bundles were updated", List.of(), refused);
    }

    private static long replayedCount(AdminClient admin) {
        Object stores = MiniJson.at(MiniJson.parse(Ops.expect(200, admin.get("/nonces"), "nonces").body()), "stores");
        return MiniJson.decimal(((List<?>) stores).get(0), "replayed").longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> states(Map<String, Object> key) {
        List<String> out = new ArrayList<>();
        for (Object v : (List<Object>) key.get("versions")) {
            out.add(MiniJson.text(v, "state"));
        }
        return out;
    }
}
