package io.cambist.distribution.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Admin API steps the whole-product tests share: accounts, bots, bundles, and waiting for their states. */
public final class Ops {

    public static final Duration WAIT = Duration.ofSeconds(30);
    static final String JAR = "application/java-archive";
    static final String JSON = "application/json";

    private Ops() {
    }

    /** Answers {@code expected} or fails with the whole response. */
    public static AdminClient.Response expect(int expected, AdminClient.Response response, String what) {
        if (response.status() != expected) {
            throw new AssertionError(what + ": expected " + expected + ", got " + response);
        }
        return response;
    }

    public static AdminClient.Response post(AdminClient admin, String path, Map<String, Object> body) {
        return admin.post(path, MiniJson.bytes(body), JSON);
    }

    public static AdminClient.Response put(AdminClient admin, String path, Map<String, Object> body) {
        return admin.put(path, MiniJson.bytes(body), JSON);
    }

    /** A paper account (factory configuration {@code io.cambist.exchange.paper~<account>}). */
    public static void paperAccount(AdminClient admin, String account, Map<String, Object> settings) {
        Map<String, Object> body = MiniJson.obj("account", account);
        body.putAll(settings);
        expect(201, post(admin, "/configurations/factories/io.cambist.exchange.paper?name=" + account, body),
                "create paper account " + account);
    }

    /** Waits until the core has bound and reconciled the account and it is ONLINE. */
    public static Map<String, Object> awaitOnline(AdminClient admin, String account, Duration timeout)
            throws InterruptedException {
        return Poll.until("account " + account + " ONLINE and reconciled", timeout, () -> {
            AdminClient.Response r = admin.get("/exchanges/" + account);
            if (r.status() != 200) {
                return Poll.Probe.waiting(r.toString());
            }
            Map<String, Object> view = MiniJson.object(r.body());
            return "ONLINE".equals(MiniJson.text(view, "status", "state")) && Boolean.TRUE.equals(view.get("reconciled"))
                    ? Poll.Probe.done(view) : Poll.Probe.waiting(r.body());
        });
    }

    /** Installs a bundle through the API and returns its id. */
    public static long install(AdminClient admin, byte[] jar) {
        AdminClient.Response r = expect(201, admin.post("/bundles", jar, JAR), "install bundle");
        return r.number("id").orElseThrow();
    }

    /** Updates a bundle in place through the API. */
    public static AdminClient.Response update(AdminClient admin, long id, byte[] jar) {
        return expect(200, admin.put("/bundles/" + id, jar, JAR), "update bundle " + id);
    }

    /** Creates a bot with {@code POST /strategies}. */
    public static void bot(AdminClient admin, String type, String id, String instrument, String account,
            Map<String, Object> parameters) {
        Map<String, Object> body = MiniJson.obj("type", type, "id", id, "instrument", instrument, "account", account,
                "parameters", parameters);
        expect(201, post(admin, "/strategies", body), "create bot " + id);
    }

    /** Waits for a bot's state; returns its view. */
    public static Map<String, Object> awaitBot(AdminClient admin, String id, String state, Duration timeout)
            throws InterruptedException {
        return Poll.until("bot " + id + " " + state, timeout, () -> {
            AdminClient.Response r = admin.get("/strategies/" + id);
            if (r.status() != 200) {
                return Poll.Probe.waiting(r.toString());
            }
            Map<String, Object> view = MiniJson.object(r.body());
            return state.equals(view.get("state")) ? Poll.Probe.done(view) : Poll.Probe.waiting(r.body());
        });
    }

    /** Waits until the strategy types include {@code type}. */
    public static void awaitType(AdminClient admin, String type) throws InterruptedException {
        Poll.body(admin, "/strategy-types", "\"type\":\"" + type + "\"", WAIT);
    }

    /** Every order of a filter (e.g. {@code strategy=x}), newest first. */
    public static List<Map<String, Object>> orders(AdminClient admin, String query) {
        AdminClient.Response r = expect(200, admin.get("/orders?limit=10000&" + query), "list orders " + query);
        return MiniJson.objects(r.body());
    }

    /** Waits until an order has the status; returns its view. */
    public static Map<String, Object> awaitOrder(AdminClient admin, String clientOrderId, String status)
            throws InterruptedException {
        return Poll.until("order " + clientOrderId + " " + status, WAIT, () -> {
            AdminClient.Response r = admin.get("/orders/" + clientOrderId);
            if (r.status() != 200) {
                return Poll.Probe.waiting(r.toString());
            }
            Map<String, Object> view = MiniJson.object(r.body());
            return status.equals(view.get("status")) ? Poll.Probe.done(view) : Poll.Probe.waiting(r.body());
        });
    }
}
