package io.cambist.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, item 7: {@code bin/cambist run} paper trading on two fast synthetic markets (an SMA cross bot sending
 * market orders, a grid bot keeping limit orders open) is killed with SIGKILL three times in the middle of trading and
 * restarted on the same data directory. At the end every order the core knows (from its journal) is the paper venue's
 * order with the same status, filled quantity and fees, client order ids are unique, and each account's position is
 * the venue's base balance.
 */
class CrashRecoveryIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final List<String> ACCOUNTS = List.of("crash-sma", "crash-grid");
    private static final int KILLS = 3;

    /** Kept when the test fails: the data directory (journal, paper state, logs) is the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void killedThreeTimesMidTradingNoFillIsLostAndNoOrderDuplicated() throws Exception {
        Path home = PrivateHome.create(dir.resolve("home"), Map.of(
                "io.cambist.exchange.paper-crash-sma.cfg", paper("crash-sma", 11, "0.5", "USDT=10000,BTC=0"),
                "io.cambist.strategy.smacross-crash-sma.cfg", "instrument=BTC/USDT\naccount=crash-sma\nfast=2\nslow=4\n",
                "io.cambist.exchange.paper-crash-grid.cfg", paper("crash-grid", 12, "0.15", "USDT=100000,BTC=0"),
                "io.cambist.strategy.grid-crash-grid.cfg",
                "instrument=BTC/USDT\naccount=crash-grid\nlower=29000\nupper=31000\nlevels=21\norderSize=0.01\n"));
        Path data = dir.resolve("data");
        int orders = 0;
        List<Integer> ordersAtKill = new ArrayList<>();
        for (int round = 0; round < KILLS; round++) {
            try (CambistProcess cambist = start(home, data)) {
                AdminClient admin = cambist.awaitAdmin(data, START);
                int before = orders;
                // trade until the bots have sent several more orders, then die at an arbitrary moment
                orders = Poll.until("more orders after restart " + round, Duration.ofSeconds(60), () -> {
                    int n = orderCount(admin);
                    return n >= before + 8 ? Poll.Probe.done(n) : Poll.Probe.waiting(n + " orders");
                });
                Thread.sleep(137L * (round + 1));
                cambist.kill9();
                ordersAtKill.add(orders);
            }
        }

        List<Map<String, Object>> core;
        Map<String, BigDecimal> positions = new HashMap<>();
        try (CambistProcess cambist = start(home, data)) {
            AdminClient admin = cambist.awaitAdmin(data, START);
            for (String account : ACCOUNTS) {
                Ops.awaitOnline(admin, account, START);
            }
            int before = orders;
            Poll.until("trading after the last restart", Duration.ofSeconds(60), () -> {
                int n = orderCount(admin);
                return n >= before + 4 ? Poll.Probe.done(n) : Poll.Probe.waiting(n + " orders");
            });
            Ops.expect(200, Ops.post(admin, "/halt", MiniJson.obj("reason", "crash test: settle before comparing")), "halt");
            core = settled(admin);
            for (String account : ACCOUNTS) {
                List<Map<String, Object>> p = MiniJson.objects(Ops.expect(200, admin.get("/positions?account=" + account),
                        "positions").body());
                positions.put(account, p.stream().map(v -> MiniJson.decimal(v, "quantity")).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            cambist.signal("TERM");
            assertThat(cambist.awaitExit(Duration.ofSeconds(30))).hasValue(0);
        }

        System.out.printf("CrashRecoveryIT: killed at %s orders; %d orders at the end, %d filled%n", ordersAtKill,
                core.size(), core.stream().filter(o -> "FILLED".equals(o.get("status"))).count());
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> order : core) {
            assertThat(ids.add(MiniJson.text(order, "clientOrderId"))).as("unique client order id %s", order).isTrue();
        }
        for (String account : ACCOUNTS) {
            PaperVenueFiles venue = PaperVenueFiles.read(data.resolve("paper").resolve(account));
            List<Map<String, Object>> mine = core.stream().filter(o -> account.equals(o.get("account"))).toList();
            compare(account, mine, venue);
            assertThat(positions.get(account)).as("%s: the core's position against the venue's BTC", account)
                    .isEqualByComparingTo(venue.balance("BTC"));
        }
        assertThat(ordersAtKill).as("orders when killed").hasSize(KILLS);
        assertThat(core).as("orders in all").hasSizeGreaterThan(30);
    }

    /** Same orders on both sides, each with the same status, filled quantity and fees, and every venue fill counted. */
    private static void compare(String account, List<Map<String, Object>> core, PaperVenueFiles venue) {
        List<String> problems = new ArrayList<>();
        Set<String> coreIds = new HashSet<>();
        for (Map<String, Object> order : core) {
            String id = MiniJson.text(order, "clientOrderId");
            coreIds.add(id);
            PaperVenueFiles.VenueOrder v = venue.orders().get(id);
            String status = MiniJson.text(order, "status");
            if (v == null) {
                if (!status.equals("REJECTED") || order.get("venueOrderId") != null) {
                    problems.add(id + " is " + status + " in the core but unknown to the venue: " + order);
                }
                continue;
            }
            if (!v.status().equals(status)) {
                problems.add(id + " is " + status + " in the core, " + v.status() + " at the venue");
            }
            if (MiniJson.decimal(order, "filledQuantity").compareTo(v.filled()) != 0) {
                problems.add(id + " filled " + MiniJson.text(order, "filledQuantity") + " in the core, " + v.filled() + " at the venue");
            }
            if (MiniJson.decimal(order, "fees").compareTo(v.fees()) != 0) {
                problems.add(id + " fees " + MiniJson.text(order, "fees") + " in the core, " + v.fees() + " at the venue");
            }
        }
        for (PaperVenueFiles.VenueOrder v : venue.orders().values()) {
            if (!coreIds.contains(v.clientOrderId())) {
                problems.add(v.clientOrderId() + " is at the venue (" + v.status() + ") but the core lost it");
            }
            BigDecimal filled = venue.fills().values().stream().filter(f -> f.clientOrderId().equals(v.clientOrderId()))
                    .map(PaperVenueFiles.VenueFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (filled.compareTo(v.filled()) != 0) {
                problems.add(v.clientOrderId() + ": the venue's fills add up to " + filled + ", its order says " + v.filled());
            }
        }
        assertThat(problems).as(account + ": core (journal) against venue").isEmpty();
        assertThat(venue.fills()).as(account + ": fills at the venue").isNotEmpty();
    }

    /** Waits until no order is open and the list stops changing, then returns it. */
    private static List<Map<String, Object>> settled(AdminClient admin) throws InterruptedException {
        String[] previous = {""};
        return Poll.until("every order finished after the halt", Duration.ofSeconds(30), () -> {
            AdminClient.Response r = admin.get("/orders?limit=10000");
            List<Map<String, Object>> all = MiniJson.objects(r.body());
            boolean open = all.stream().anyMatch(o -> Boolean.TRUE.equals(o.get("open")));
            boolean same = r.body().equals(previous[0]);
            previous[0] = r.body();
            if (!open && same) {
                return Poll.Probe.done(all);
            }
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Poll.Probe.waiting(all.size() + " orders, open: " + open);
        });
    }

    private static int orderCount(AdminClient admin) {
        AdminClient.Response r = admin.get("/orders?limit=10000");
        return r.status() == 200 ? MiniJson.objects(r.body()).size() : 0;
    }

    private static String paper(String account, long seed, String volatility, String balances) {
        return "account=" + account + "\ninstrument=BTC/USDT\nsource=synthetic\nseed=" + seed + "\nstartPrice=30000\n"
                + "volatility=" + volatility + "\nspeed=20\nmakerFee=0.001\ntakerFee=0.001\nbalances=" + balances + "\n";
    }

    private static CambistProcess start(Path home, Path data) {
        return CambistProcess.startWithEnvironment(home, Map.of("CAMBIST_CDS", "off"), "run", "--port", "0", "--data",
                data.toString());
    }
}
