package io.cambist.distribution.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import io.cambist.distribution.it.fixture.RecorderStrategy;

/**
 * Issue 4, item 5: a strategy bundle updated (twice, through {@code PUT /api/v1/bundles/{id}}) while its bot trades on
 * a fast paper market loses no event and delivers none twice, and orphans no order. The same recorder code runs as a
 * second bot of another bundle that is never updated, on the same market, as the uninterrupted run: both must see the
 * same candles and the same order events for the same orders.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {

    private static final String ACCOUNT = "hotswap";
    private static final long MINUTE = 60_000;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return CambistOptions.product("HotSwapIT");
    }

    @Test
    public void updatingAStrategyBundleUnderAFastFeedLosesNoEventAndOrphansNoOrder() throws Exception {
        Product product = new Product(context);
        AdminClient admin = product.admin();
        Path data = product.data();
        // 20 one-minute candles a second; a BTC balance so that every scheduled sell can be paid
        Ops.paperAccount(admin, ACCOUNT, MiniJson.obj("instrument", "BTC/USDT", "source", "synthetic", "seed", 7,
                "volatility", "0.2", "speed", "20", "balances", "USDT=100000,BTC=1"));
        long swapped = Ops.install(admin, TestBundles.recorder("io.cambist.it.recorder", "1.0.0", "recorder"));
        Ops.install(admin, TestBundles.recorder("io.cambist.it.control", "1.0.0", "control"));
        Ops.awaitType(admin, "recorder");
        Ops.awaitType(admin, "control");
        Ops.awaitOnline(admin, ACCOUNT, Ops.WAIT);
        Ops.bot(admin, "control", "uninterrupted", "BTC/USDT", ACCOUNT, Map.of());
        Ops.bot(admin, "recorder", "swapped", "BTC/USDT", ACCOUNT, Map.of());
        Ops.awaitBot(admin, "swapped", "RUNNING", Ops.WAIT);

        awaitCandles(data, "1.0.0", 30);
        Ops.update(admin, swapped, TestBundles.recorder("io.cambist.it.recorder", "2.0.0", "recorder"));
        awaitCandles(data, "2.0.0", 30);
        Ops.update(admin, swapped, TestBundles.recorder("io.cambist.it.recorder", "3.0.0", "recorder"));
        awaitCandles(data, "3.0.0", 30);

        // the resting buy of the first incarnation is still the bot's: cancelling it reaches the third one
        Recording before = Recording.of(data, "swapped");
        String resting = before.submittedIdsByTag().get(RecorderStrategy.RESTING);
        Ops.expect(200, admin.delete("/orders/" + resting), "cancel the resting order");
        Poll.until("the CANCELED event of the resting order", Ops.WAIT, () -> {
            List<String> s = Recording.of(data, "swapped").statusesById().getOrDefault(resting, List.of());
            return s.contains("CANCELED") ? Poll.Probe.done(s) : Poll.Probe.waiting(s.toString());
        });

        Recording swappedRun = Recording.of(data, "swapped");
        Recording control = Recording.of(data, "uninterrupted");
        checkHandOvers(swappedRun);
        checkSameCandles(swappedRun, control);
        checkSameOrderEvents(swappedRun, control);
        checkNoOrphans(admin, data, resting);

        Map<String, Object> view = Ops.awaitBot(admin, "swapped", "RUNNING", Ops.WAIT);
        assertEquals("events refused by a full queue: " + view, "0", MiniJson.text(view, "dropped"));
    }

    /** Each incarnation starts from the snapshot of the one before, taken after the last event that one handled. */
    private static void checkHandOvers(Recording r) {
        List<Recording.Line> starts = r.lines("S");
        assertEquals("three incarnations: " + starts, List.of("1.0.0", "2.0.0", "3.0.0"),
                starts.stream().map(Recording.Line::version).toList());
        assertEquals("a fresh start: " + starts.get(0), "saved=none", starts.get(0).word(2));
        long events = 0;
        long lastCandle = -1;
        String version = "1.0.0";
        Set<String> open = new TreeSet<>();
        for (Recording.Line line : r.lines()) {
            switch (line.kind()) {
                case "S" -> {
                    if (!line.version().equals("1.0.0")) {
                        assertEquals("the snapshot handed to " + line.version() + " counts every event before it",
                                "saved=" + events + "," + lastCandle, line.word(2));
                        // the core's open orders: the resting one at least, and none whose end the old code saw
                        // (an order may have ended in the core with its event still queued for the new code)
                        int reported = Integer.parseInt(line.word(3).substring("open=".length()));
                        assertTrue(line + ": open orders not yet ended for the bot: " + open,
                                reported >= 1 && reported <= open.size());
                    }
                    version = line.version();
                }
                case "C", "O" -> {
                    assertEquals("line " + line.index() + " after " + version + " started: " + line.words(), version,
                            line.version());
                    events++;
                    if (line.kind().equals("O") && List.of("FILLED", "CANCELED", "REJECTED", "EXPIRED").contains(line.word(3))) {
                        open.remove(line.word(2));
                    }
                    if (line.kind().equals("C")) {
                        lastCandle = Long.parseLong(line.word(1));
                    }
                }
                default -> {
                    // a submit is not an event; an accepted one is open until an event ends it
                    if (line.word(3).equals("PENDING_NEW")) {
                        open.add(line.word(2));
                    }
                }
            }
        }
    }

    /** Candles: consecutive without a gap or a repeat, and the same as the uninterrupted run where both ran. */
    private static void checkSameCandles(Recording swapped, Recording control) {
        List<Long> times = swapped.candleTimes();
        for (int i = 1; i < times.size(); i++) {
            assertEquals("candle " + i + " of the swapped bot follows the one before", times.get(i - 1) + MINUTE,
                    (long) times.get(i));
        }
        long from = Math.max(times.get(0), control.candleTimes().get(0));
        long to = Math.min(times.get(times.size() - 1), control.candleTimes().get(control.candleTimes().size() - 1));
        assertTrue("the runs overlap by many candles", to - from > 60 * MINUTE);
        assertEquals("the candles both runs saw", window(control.candles(), from, to), window(swapped.candles(), from, to));
    }

    /** Every order both runs placed in the common window went through the same states, each exactly once. */
    private static void checkSameOrderEvents(Recording swapped, Recording control) {
        long from = Math.max(swapped.candleTimes().get(0), control.candleTimes().get(0)) + 4 * MINUTE;
        long to = Math.min(last(swapped.candleTimes()), last(control.candleTimes())) - 4 * MINUTE;
        Map<String, List<String>> mine = scheduled(swapped.statusesByTag(), from, to);
        Map<String, List<String>> theirs = scheduled(control.statusesByTag(), from, to);
        assertTrue("orders in the window: " + mine.keySet(), mine.size() >= 15);
        assertEquals("order events by tag", theirs, mine);
        for (Map.Entry<String, List<String>> e : mine.entrySet()) {
            assertEquals("events of " + e.getKey(), List.of("PENDING_NEW", "NEW", "FILLED"), e.getValue());
        }
    }

    /**
     * The core's orders of the swapped bot are exactly the ones it submitted, and each ended as the events it got say.
     * The bot keeps trading meanwhile, so the orders are listed first and its recording read once it shows an end
     * for every order listed (an orphaned order never gets one, and the wait fails naming it).
     */
    private static void checkNoOrphans(AdminClient admin, Path data, String resting) throws InterruptedException {
        List<Map<String, Object>> orders = Ops.orders(admin, "strategy=swapped");
        Recording swapped = Poll.until("the bot to see the end of every order listed", Ops.WAIT, () -> {
            Recording r = Recording.of(data, "swapped");
            Map<String, List<String>> seen = r.statusesById();
            List<String> unfinished = orders.stream().map(o -> MiniJson.text(o, "clientOrderId")).filter(id -> {
                List<String> s = seen.getOrDefault(id, List.of());
                return s.isEmpty() || !List.of("FILLED", "CANCELED").contains(s.get(s.size() - 1));
            }).toList();
            return unfinished.isEmpty() ? Poll.Probe.done(r) : Poll.Probe.waiting("not finished: " + unfinished);
        });
        Map<String, String> submitted = swapped.submittedIdsByTag();
        Map<String, List<String>> events = swapped.statusesById();
        long newest = 0;
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> order : orders) {
            String id = MiniJson.text(order, "clientOrderId");
            String tag = MiniJson.text(order, "tag");
            if (!id.equals(submitted.get(tag))) {
                problems.add(id + " (" + tag + ") was not submitted by the bot");
                continue;
            }
            if (tag.matches("it:\\d+:[BS]")) {
                newest = Math.max(newest, Long.parseLong(tag.split(":")[1]));
            }
            List<String> seen = events.getOrDefault(id, List.of());
            String last = seen.isEmpty() ? "nothing" : seen.get(seen.size() - 1);
            boolean open = Boolean.TRUE.equals(order.get("open"));
            if (!open && !last.equals(MiniJson.text(order, "status"))) {
                problems.add(id + " is " + MiniJson.text(order, "status") + " but the bot saw " + seen);
            }
            if (!List.of("FILLED", "CANCELED").contains(last)) {
                problems.add(id + " not finished for the bot: " + seen);
            }
            if (seen.stream().distinct().count() != seen.size()) {
                problems.add(id + " events repeat: " + seen);
            }
        }
        long before = newest;
        long earlier = submitted.keySet().stream().filter(t -> t.matches("it:\\d+:[BS]"))
                .filter(t -> Long.parseLong(t.split(":")[1]) <= before).count() + 1; // + the resting order
        assertEquals("orders the bot does not know the end of", List.of(), problems);
        assertEquals("every submit up to the newest order listed is one order in the core", earlier, orders.size());
        assertEquals("the resting order placed by 1.0.0 was cancelled to 3.0.0", "3.0.0", swapped.lines("O").stream()
                .filter(l -> l.word(2).equals(resting) && l.word(3).equals("CANCELED")).findFirst().orElseThrow().version());
    }

    private static Map<String, List<String>> scheduled(Map<String, List<String>> byTag, long from, long to) {
        return byTag.entrySet().stream().filter(e -> e.getKey().matches("it:\\d+:[BS]")).filter(e -> {
            long t = Long.parseLong(e.getKey().split(":")[1]);
            return t >= from && t <= to;
        }).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static Map<Long, String> window(Map<Long, String> candles, long from, long to) {
        return new TreeMap<>(candles.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static long last(List<Long> list) {
        return list.get(list.size() - 1);
    }

    private static void awaitCandles(Path data, String version, int count) throws InterruptedException {
        Poll.until(count + " candles seen by " + version, Duration.ofSeconds(30), () -> {
            Recording r = Recording.of(data, "swapped");
            return r.candlesBy(version) >= count ? Poll.Probe.done(r) : Poll.Probe.waiting(r.toString());
        });
    }
}
