package io.cambist.distribution.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.cambist.api.exchange.ExchangeConnector;

/**
 * Issue 6 in the real container, for one connector: its bundle's real jar, configured by a factory configuration to
 * point at its fake venue on loopback (the connector module's own fake, started beside the container by
 * {@link FakeVenues}), reaches ONLINE, is listed by the admin API, trades for a bot, takes over a paper-traded bot by a
 * change of its {@code account} alone, and keeps its open orders when its bundle is updated.
 * <p>
 * The test class passes the fake venue's URL and credentials as the framework properties
 * {@code cambist.it.venue.url}, {@code cambist.it.venue.apiKey} and {@code cambist.it.venue.secret}, and declares
 * one test method per scenario (Pax Exam addresses tests by their declaring class, so they are not inherited).
 */
public final class ConnectorScenarios {

    private final BundleContext context;
    private final String venue;
    private final Function<String, Map<String, Object>> urls;

    /**
     * @param venue {@code binance} or {@code kraken}: the venue name and the connector's factory PID suffix
     * @param urls  the connector configuration's URLs for a fake venue at {@code http://127.0.0.1:<port>}
     */
    public ConnectorScenarios(BundleContext context, String venue, Function<String, Map<String, Object>> urls) {
        this.context = context;
        this.venue = venue;
        this.urls = urls;
    }

    private String venue() {
        return venue;
    }

    private String account() {
        return venue + "-it";
    }

    private String bundleName() {
        return "io.cambist.exchange." + venue;
    }

    private VenueRemote remote() {
        return new VenueRemote(context.getProperty("cambist.it.venue.url"));
    }

    /** The vault key with the fake account's credentials, and the connector's configuration, once. */
    private AdminClient connector() throws InterruptedException {
        AdminClient admin = new Product(context).admin();
        if (admin.get("/exchanges/" + account()).status() == 200) {
            return admin;
        }
        Ops.expect(201, Ops.post(admin, "/keys", MiniJson.obj("alias", account(), "description", "the fake venue's account",
                "scopes", List.of("trade"), "publicId", context.getProperty("cambist.it.venue.apiKey"),
                "secret", context.getProperty("cambist.it.venue.secret"))), "import the venue key");
        Map<String, Object> settings = MiniJson.obj("account", account(), "keyAlias", account(),
                "reconnect.initialMillis", 50, "reconnect.maxMillis", 400);
        settings.putAll(urls.apply(context.getProperty("cambist.it.venue.url")));
        Ops.expect(201, Ops.post(admin, "/configurations/factories/io.cambist.exchange." + venue() + "?name=it", settings),
                "configure the connector");
        Ops.awaitOnline(admin, account(), Ops.WAIT);
        return admin;
    }

    /** ONLINE, reconciled, listed at {@code GET /exchanges}, and its service carries the account and venue. */
    public void goesOnlineAndIsListed() throws Exception {
        List<AdminClient.Response> responses = new ArrayList<>();
        AdminClient admin = connector().recordingTo(responses);

        List<Map<String, Object>> exchanges = MiniJson.objects(Ops.expect(200, admin.get("/exchanges"), "exchanges").body());
        Map<String, Object> mine = exchanges.stream().filter(e -> account().equals(e.get("account"))).findFirst()
                .orElseThrow(() -> new AssertionError(account() + " not listed: " + exchanges));
        assertEquals(venue(), mine.get("venue"));
        assertEquals("ONLINE", MiniJson.text(mine, "status", "state"));
        assertTrue("capabilities: " + mine, String.valueOf(mine.get("capabilities")).contains("LIMIT_ORDER"));
        assertTrue("instruments loaded: " + mine, MiniJson.decimal(mine, "instruments").intValue() >= 1);
        assertEquals("reconciled: " + mine, Boolean.TRUE, mine.get("reconciled"));

        // the API makes cambist.account optional (the core falls back to account()); the connectors publish their
        // configuration's "account" attribute, as DS does with every configuration property
        ServiceReference<?>[] refs = context.getAllServiceReferences(ExchangeConnector.class.getName(),
                "(|(" + ExchangeConnector.ACCOUNT + "=" + account() + ")(account=" + account() + "))");
        if (refs == null) {
            throw new AssertionError("no ExchangeConnector service for " + account());
        }
        assertEquals(1, refs.length);
        assertEquals(venue(), refs[0].getProperty("cambist.venue"));
        assertEquals(bundleName(), refs[0].getBundle().getSymbolicName());

        // the venue secret went into the vault and nowhere else
        admin.get("/keys/" + account());
        admin.get("/configurations?factoryPid=io.cambist.exchange." + venue());
        admin.get("/services?interface=" + ExchangeConnector.class.getName());
        Path data = new Product(context).data();
        SecretScan.assertNoSecret(List.of(context.getProperty("cambist.it.venue.secret"), admin.adminSecret(),
                SecretScan.passphrase(data)), responses, data);
    }

    /** A signal bot trading a paper account moves to the venue when its configuration's {@code account} changes. */
    public void paperBotMovesToTheVenueByConfigurationAlone() throws Exception {
        AdminClient admin = connector();
        String bot = venue() + "-switch";
        String paper = venue() + "-paper";
        Ops.paperAccount(admin, paper, MiniJson.obj("instrument", "ETH/BTC", "source", "synthetic", "startPrice", "0.05",
                "volatility", "0.1", "speed", "5", "balances", "BTC=10"));
        Ops.awaitOnline(admin, paper, Ops.WAIT);
        Webhook webhook = Webhook.forNewBot(admin, bot, paper, "ETH/BTC");

        String onPaper = webhook.accepted(limitBuy("paper-1"));
        // accepted by the paper venue (it rests, unless the synthetic market fell 2 % meanwhile and filled it)
        Map<String, Object> paperOrder = Poll.until("order " + onPaper + " on paper", Ops.WAIT, () -> {
            Map<String, Object> o = MiniJson.object(admin.get("/orders/" + onPaper).body());
            return List.of("NEW", "FILLED").contains(o.get("status")) ? Poll.Probe.done(o) : Poll.Probe.waiting(o.toString());
        });
        assertEquals(paper, paperOrder.get("account"));
        assertFalse("the paper order never reached the venue", remote().orderIds().contains(onPaper));

        // the bot's configuration as it is, with one change: the account
        String pid = "io.cambist.strategy.signal~" + bot;
        Map<String, Object> before = MiniJson.object(Ops.expect(200, admin.get("/configurations/" + pid), "config").body());
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) before.get("properties"));
        properties.keySet().removeIf(k -> k.startsWith("service.") || k.startsWith("felix."));
        assertEquals(paper, properties.put("account", account()));
        Ops.expect(200, Ops.put(admin, "/configurations/" + pid, properties), "switch the bot's account");
        Poll.until("bot " + bot + " running on " + account(), Ops.WAIT, () -> {
            Map<String, Object> view = MiniJson.object(admin.get("/strategies/" + bot).body());
            return account().equals(view.get("account")) && "RUNNING".equals(view.get("state")) ? Poll.Probe.done(view)
                    : Poll.Probe.waiting(view.toString());
        });

        String onVenue = webhook.accepted(limitBuy("venue-1"));
        awaitAtVenue(onVenue);
        Map<String, Object> venueOrder = Ops.awaitOrder(admin, onVenue, "NEW");
        assertEquals(account(), venueOrder.get("account"));
        assertEquals(bot, venueOrder.get("strategyId"));
    }

    /** The connector bundle updated with an order open: the order is kept, reconciled, filled; new orders flow. */
    public void bundleUpdateKeepsOpenOrders() throws Exception {
        AdminClient admin = connector();
        String bot = venue() + "-update";
        Webhook webhook = Webhook.forNewBot(admin, bot, account(), "ETH/BTC");
        Ops.awaitBot(admin, bot, "RUNNING", Ops.WAIT);
        String open = webhook.accepted(limitBuy("before-update"));
        Ops.awaitOrder(admin, open, "NEW");

        long updatedAt = System.currentTimeMillis();
        new Product(context).updateInPlace(admin, bundleName());
        Poll.until(account() + " online again with a new connector", Ops.WAIT, () -> {
            Map<String, Object> view = MiniJson.object(admin.get("/exchanges/" + account()).body());
            boolean fresh = MiniJson.decimal(view, "status", "since").longValue() >= updatedAt;
            return fresh && "ONLINE".equals(MiniJson.text(view, "status", "state")) && Boolean.TRUE.equals(view.get("reconciled"))
                    ? Poll.Probe.done(view) : Poll.Probe.waiting(view.toString());
        });

        Map<String, Object> kept = MiniJson.object(Ops.expect(200, admin.get("/orders/" + open), "the open order").body());
        assertEquals("the order open before the update: " + kept, "NEW", kept.get("status"));
        assertEquals(Boolean.TRUE, kept.get("open"));
        remote().fill(open);
        Ops.awaitOrder(admin, open, "FILLED");

        String after = webhook.accepted(limitBuy("after-update"));
        awaitAtVenue(after);
        Ops.awaitOrder(admin, after, "NEW");
        assertEquals(1, remote().orderIds().stream().filter(open::equals).count());
    }

    /**
     * The security bundles (nonce, hmac, vault) updated one after another while the bot keeps sending orders to the
     * venue from three threads: every order is signed with the right key (and, for Kraken, a nonce above every
     * earlier one) by the old or the new signer, so the venue acknowledges each; none is rejected or lost. An order
     * whose fate the core cannot tell is verified for 30 s before it is rejected, so the test waits that long.
     * <b>Fails on this version</b> (2 runs in 3 with Binance): the connector's {@code AliasSigner} takes the
     * {@code Signer} it holds just before the hmac bundle stops; that old {@code HmacSigner}'s scheme references are
     * unbound as the bundle stops, and {@code SchemeRegistry.get} waits 5 s for schemes only the new signer will get,
     * then throws; the order fails as "signature scheme not available" and is rejected (not placed). The old signer's
     * key ring slot has the same problem. The caller has to move to the replacement signer.
     */
    public void securityBundleUpdatesSignEveryOrderRight() throws Exception {
        AdminClient admin = connector();
        String bot = venue() + "-signing";
        Webhook.withoutRateLimit(admin);
        Webhook webhook = Webhook.forNewBot(admin, bot, account(), "ETH/BTC");
        List<String> sent = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        // the webhook itself answers 503 while the nonce store is replaced (see SignedTrafficIT): retried
                        sent.add(webhook.acceptedRetrying(limitBuy("signing-" + thread + "-" + i)));
                        Thread.sleep(30);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e.toString());
                }
            }, "it-alerts-" + t);
            sender.start();
            senders.add(sender);
        }
        try {
            for (String name : List.of("io.cambist.security.nonce", "io.cambist.security.hmac", "io.cambist.security.vault")) {
                Thread.sleep(400);
                new Product(context).updateInPlace(admin, name);
            }
            Thread.sleep(400);
        } finally {
            stop.set(true);
            for (Thread sender : senders) {
                sender.join(30_000);
            }
        }
        assertEquals("alerts that failed", List.of(), failures);
        assertTrue("orders sent while the security bundles were updated: " + sent.size(), sent.size() >= 20);
        Map<String, String> outcomes = Poll.until("every order acknowledged or rejected", Duration.ofSeconds(90), () -> {
            Map<String, String> out = new LinkedHashMap<>();
            List<String> pending = new ArrayList<>();
            for (String id : sent) {
                Map<String, Object> o = MiniJson.object(admin.get("/orders/" + id).body());
                if ("PENDING_NEW".equals(o.get("status"))) {
                    pending.add(id);
                }
                out.put(id, o.get("status") + (o.get("reason") == null ? "" : ": " + o.get("reason")));
            }
            return pending.isEmpty() ? Poll.Probe.done(out) : Poll.Probe.waiting("still PENDING_NEW: " + pending);
        });
        Map<String, String> notPlaced = new LinkedHashMap<>(outcomes);
        notPlaced.values().removeIf("NEW"::equals);
        assertEquals("orders not placed at the venue (of " + sent.size() + ")", Map.of(), notPlaced);
        assertTrue("every order reached the venue", remote().orderIds().containsAll(sent));
    }

    private void awaitAtVenue(String clientOrderId) throws InterruptedException {
        Poll.until("order " + clientOrderId + " at the fake venue", Ops.WAIT, () -> {
            List<String> ids = remote().orderIds();
            return ids.contains(clientOrderId) ? Poll.Probe.done(ids) : Poll.Probe.waiting(ids.toString());
        });
    }

    /** A buy limit well below the fake venues' market (about 0.05 BTC), so it rests. */
    private static Map<String, Object> limitBuy(String id) {
        return MiniJson.obj("id", id, "time", System.currentTimeMillis(), "action", "buy", "instrument", "ETH/BTC",
                "size", "0.1", "price", "0.049");
    }
}
