package io.cambist.admin.internal.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.testing.FakeSource;
import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.admin.internal.trading.StrategyType;
import io.cambist.api.backtest.BacktestMetrics;
import io.cambist.api.backtest.BacktestProgress;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.backtest.BacktestService;
import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Side;

class BacktestsResourceTest {

    /** A backtest service that reports progress, can be held back, and records the requests it ran. */
    static final class FakeBacktests implements BacktestService {
        volatile BacktestRequest last;
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public BacktestReport run(BacktestRequest request, BacktestProgress progress) {
            last = request;
            progress.progress(50, 100);
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (request.parameters().containsKey("fast") && request.parameters().get("fast").equals("0")) {
                throw new IllegalArgumentException("fast period 0 must be at least 1");
            }
            progress.progress(100, 100);
            return new BacktestReport(request.strategyType(), request.source().instrument(), request.parameters(), 100, 0, 1,
                    Map.of("BTC", BigDecimal.ONE), Map.of("BTC", new BigDecimal("1.05")), BigDecimal.ONE,
                    new BigDecimal("1.05000000"), List.of(new BacktestTrade(5, Side.BUY, new BigDecimal("0.03"), BigDecimal.TEN,
                            new BigDecimal("0.0003"), null)),
                    new BacktestMetrics(new BigDecimal("0.05"), new BigDecimal("0.02"), BigDecimal.ONE, BigDecimal.ONE, 1, 0,
                            new BigDecimal("0.0003")), List.of(), null);
        }

        @Override
        public String toJson(BacktestReport report) {
            return "{\"instrument\":\"" + report.instrument().symbol() + "\",\"finalEquity\":1.05000000}";
        }

        @Override
        public String toHtml(BacktestReport report) {
            return "<!doctype html><title>report</title><svg></svg>";
        }
    }

    @TempDir
    Path dir;
    private final TestApi t = new TestApi();
    private final FakeBacktests service = new FakeBacktests();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private InMemoryApi api;
    private Path candles;

    @BeforeEach
    void setUp() throws Exception {
        t.backtests.set(service);
        t.scheduler.set(executor);
        t.strategyTypes.add(new StrategyType("smacross", "io.cambist.strategy.smacross", 9, "io.cambist.strategy.smacross"));
        t.backtestDir = dir.resolve("backtests");
        t.home = dir;
        candles = dir.resolve("candles.json");
        Files.writeString(candles, "[[0,1,1,1,1,1]]");
        api = t.api();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        // a job released at the end of a test may still be writing its report: let it finish before the temp dir goes
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    private static final String BODY = "{\"strategy\":\"smacross\",\"instrument\":\"ETH/BTC\",\"candles\":\"candles.json\","
            + "\"parameters\":{\"fast\":10,\"slow\":30},\"balances\":{\"btc\":1},\"fee\":0.001}";

    private JsonNode waitUntilFinished(String id) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            JsonNode s = api.get("backtests/" + id).json();
            if (!s.get("state").asText().equals("QUEUED") && !s.get("state").asText().equals("RUNNING")) {
                return s;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("backtest " + id + " did not finish");
    }

    @Test
    void runsAsynchronouslyAndServesItsReports() throws Exception {
        service.gate = new CountDownLatch(1);
        Reply accepted = api.json("POST", "backtests", BODY);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        assertThat(accepted.header("Location")).endsWith("/api/v1/backtests/" + id);
        assertThat(api.get("backtests/" + id + "/report.json").status()).isEqualTo(409);
        for (int i = 0; i < 200 && api.get("backtests/" + id).json().get("progress").get("done").asLong() < 50; i++) {
            Thread.sleep(10);
        }
        Reply running = api.get("backtests/" + id);
        assertThat(running.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(running.text()).contains("\"progress\":{\"done\":50,\"total\":100,\"percent\":50.0}");
        service.gate.countDown();

        JsonNode done = waitUntilFinished(id);
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("summary").get("trades").asInt()).isEqualTo(1);
        assertThat(api.get("backtests/" + id).text()).contains("\"finalEquity\":1.05000000");

        Reply json = api.get("backtests/" + id + "/report.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text()).isEqualTo("{\"instrument\":\"ETH/BTC\",\"finalEquity\":1.05000000}");
        Reply html = api.get("backtests/" + id + "/report.html");
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.text()).startsWith("<!doctype html>");
        assertThat(dir.resolve("backtests").resolve(id).resolve("report.json")).exists();
        assertThat(dir.resolve("backtests").resolve(id).resolve("request.json")).exists();

        BacktestRequest ran = service.last;
        assertThat(ran.strategyType()).isEqualTo("smacross");
        assertThat(ran.source()).isInstanceOf(MarketSource.CandleFile.class);
        assertThat(((MarketSource.CandleFile) ran.source()).file()).isEqualTo(candles);
        assertThat(ran.parameters()).containsEntry("fast", "10").containsEntry("slow", "30");
        assertThat(ran.balances()).containsEntry("BTC", BigDecimal.ONE);
        assertThat(ran.makerFee()).isEqualByComparingTo("0.001");
        assertThat(ran.takerFee()).isEqualByComparingTo("0.001");
    }

    @Test
    void pastRunsSurviveARestartAndAnInterruptedOneShowsAsFailed() throws Exception {
        String id = api.json("POST", "backtests", BODY).json().get("id").asText();
        waitUntilFinished(id);
        Path interrupted = dir.resolve("backtests").resolve("bt-interrupted");
        Files.createDirectories(interrupted);
        Files.writeString(interrupted.resolve("status.json"), "{\"id\":\"bt-interrupted\",\"state\":\"RUNNING\","
                + "\"strategy\":\"smacross\",\"instrument\":\"ETH/BTC\",\"market\":\"synthetic\",\"createdAt\":1}");

        BacktestJobs afterRestart = new BacktestJobs(dir.resolve("backtests"), FakeSource.of("backtest service", service),
                FakeSource.of("framework scheduler", executor), () -> 2, () -> 5L);
        List<BacktestStatus> all = afterRestart.list();
        assertThat(all).extracting(BacktestStatus::id).containsExactly(id, "bt-interrupted");
        assertThat(all.get(0).state()).isEqualTo("DONE");
        assertThat(all.get(1).state()).isEqualTo("FAILED");
        assertThat(all.get(1).error()).contains("interrupted");
        assertThat(afterRestart.report(id, "report.json")).exists();
    }

    @Test
    void aSyntheticMarket() throws Exception {
        Reply r = api.json("POST", "backtests", "{\"type\":\"smacross\",\"instrument\":\"ETH/BTC\",\"synthetic\":"
                + "{\"seed\":7,\"startPrice\":0.05,\"count\":1000,\"timeframe\":\"5m\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        waitUntilFinished(r.json().get("id").asText());
        MarketSource.Synthetic s = (MarketSource.Synthetic) service.last.source();
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.timeframe().label()).isEqualTo("5m");
        assertThat(s.volatilityPercent()).isEqualByComparingTo("0.5");
    }

    @Test
    void aFailingRunIsFailedWithItsReason() throws Exception {
        String id = api.json("POST", "backtests", BODY.replace("\"fast\":10", "\"fast\":0")).json().get("id").asText();
        JsonNode s = waitUntilFinished(id);
        assertThat(s.get("state").asText()).isEqualTo("FAILED");
        assertThat(s.get("error").asText()).isEqualTo("fast period 0 must be at least 1");
        assertThat(api.get("backtests/" + id + "/report.html").status()).isEqualTo(409);
    }

    @Test
    void badRequestsAre400BeforeAnythingRuns() {
        assertThat(detail(api.json("POST", "backtests", BODY.replace("candles.json", "missing.json")))).contains("does not exist");
        assertThat(detail(api.json("POST", "backtests", BODY.replace("smacross", "nope")))).contains("smacross");
        assertThat(detail(api.json("POST", "backtests", "{\"strategy\":\"smacross\",\"instrument\":\"ETH/BTC\"}")))
                .contains("exactly one market");
        assertThat(detail(api.json("POST", "backtests", "{\"strategy\":\"smacross\",\"instrument\":\"ETH/BTC\","
                + "\"synthetic\":{\"startPrice\":1,\"count\":0}}"))).contains("synthetic.count");
        assertThat(detail(api.json("POST", "backtests", BODY.replace("0.001", "1.5")))).contains("rate");
        assertThat(detail(api.json("POST", "backtests", BODY.replace("\"btc\":1", "\"btc\":-1")))).contains("balance");
        assertThat(detail(api.json("POST", "backtests", BODY.replace("\"fast\":10", "\"fast\":[1]")))).contains("'fast'");
        assertThat(service.last).isNull();
    }

    private static String detail(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("detail").asText();
    }

    @Test
    void tooManyAtOnceIs429() {
        service.gate = new CountDownLatch(1);
        try {
            assertThat(api.json("POST", "backtests", BODY).status()).isEqualTo(202);
            assertThat(api.json("POST", "backtests", BODY).status()).isEqualTo(202);
            Reply third = api.json("POST", "backtests", BODY);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.json().get("detail").asText()).contains("maxBacktests");
        } finally {
            service.gate.countDown();
        }
    }

    @Test
    void listingDeletingAndUnknownIds() throws Exception {
        String id = api.json("POST", "backtests", BODY).json().get("id").asText();
        waitUntilFinished(id);
        assertThat(api.get("backtests").json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(api.delete("backtests/" + id).status()).isEqualTo(204);
        assertThat(api.get("backtests/" + id).status()).isEqualTo(404);
        assertThat(dir.resolve("backtests").resolve(id)).doesNotExist();
        assertThat(api.get("backtests/..%2F..%2Fetc").status()).isEqualTo(400);
        assertThat(api.get("backtests/bt-none/report.json").status()).isEqualTo(404);
    }

    @Test
    void withoutTheCoreOrItsSchedulerTheAnswerIs503() {
        t.scheduler.clear();
        Reply noScheduler = api.json("POST", "backtests", BODY);
        assertThat(noScheduler.status()).isEqualTo(503);
        assertThat(noScheduler.json().get("error").asText()).isEqualTo("framework scheduler unavailable");
        t.backtests.clear();
        assertThat(api.json("POST", "backtests", BODY).json().get("error").asText()).isEqualTo("backtest service unavailable");
    }
}
