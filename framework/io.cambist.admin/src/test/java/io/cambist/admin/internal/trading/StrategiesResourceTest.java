package io.cambist.admin.internal.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.testing.FakeConfigurationAdmin;
import io.cambist.admin.internal.testing.FakeRunner;
import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.admin.internal.testing.XmlMetatype;
import io.cambist.api.model.Instrument;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategySnapshot;

class StrategiesResourceTest {

    private static final String GRID = "io.cambist.strategy.grid";

    private final TestApi t = new TestApi();
    private final FakeConfigurationAdmin cm = new FakeConfigurationAdmin();
    private final FakeRunner runner = new FakeRunner();
    private InMemoryApi api;

    @BeforeEach
    void setUp() throws Exception {
        t.configAdmin.set(cm);
        t.runner.set(runner);
        t.strategyTypes.add(new StrategyType("grid", GRID, 12, "io.cambist.strategy.grid"));
        t.ocds = new XmlMetatype().add(getClass().getResourceAsStream("/metatype/grid.xml"));
        runner.follow(cm, GRID, "grid");
        api = t.api();
    }

    private Reply createBot(String id) {
        return api.json("POST", "strategies", "{\"type\":\"grid\",\"id\":\"" + id + "\",\"instrument\":\"eth/btc\","
                + "\"parameters\":{\"lower\":\"0.03\",\"upper\":0.04,\"levels\":12,\"exit.stopLoss\":5}}");
    }

    @Test
    void createMakesANamedFactoryConfigurationOfTheTypesPid() {
        Reply r = createBot("bot1");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("configurationPid").asText()).isEqualTo(GRID + "~bot1");
        assertThat(r.json().get("status").get("state").asText()).isEqualTo("RUNNING");
        assertThat(r.json().has("warnings")).isTrue();
        assertThat(r.json().get("warnings")).isEmpty();
        var props = cm.properties(GRID + "~bot1");
        assertThat(props.get("instrument")).isEqualTo("ETH/BTC");
        assertThat(props.get("account")).isEqualTo("paper");
        assertThat(props.get("levels")).isEqualTo(12);
        assertThat(props.get("upper")).isEqualTo("0.04");
        assertThat(props.get("exit.stopLoss")).isEqualTo(5L);
        assertThat(r.header("Location")).endsWith("/api/v1/strategies/bot1");
    }

    @Test
    void createIsValidatedAgainstTheStrategysMetatype() {
        Reply r = api.json("POST", "strategies", "{\"type\":\"grid\",\"id\":\"b\",\"instrument\":\"ETH/BTC\","
                + "\"parameters\":{\"lower\":\"1\",\"upper\":\"2\",\"levels\":1}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("'levels'");
        Reply missing = api.json("POST", "strategies", "{\"type\":\"grid\",\"id\":\"b\",\"instrument\":\"ETH/BTC\"}");
        assertThat(missing.json().get("detail").asText()).contains("'lower'");
    }

    @Test
    void createRefusesWhatItCannotDo() {
        Reply unknown = api.json("POST", "strategies", "{\"type\":\"martingale\",\"id\":\"b\",\"instrument\":\"ETH/BTC\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("martingale").contains("grid");
        assertThat(api.json("POST", "strategies", "{\"type\":\"grid\",\"id\":\"b\",\"instrument\":\"ETHBTC\"}").status())
                .isEqualTo(400);
        assertThat(api.json("POST", "strategies", "{\"type\":\"grid\",\"id\":\"../x\",\"instrument\":\"ETH/BTC\"}").status())
                .isEqualTo(400);
        assertThat(api.json("POST", "strategies", "{\"type\":\"grid\",\"id\":\"b\",\"instrument\":\"ETH/BTC\","
                + "\"parameters\":{\"instrument\":\"X/Y\"}}").status()).isEqualTo(400);
        createBot("dup");
        Reply dup = createBot("dup");
        assertThat(dup.status()).isEqualTo(409);
    }

    @Test
    void listAndGetShowStateParametersPositionAndPnlWithSecretsMasked() {
        runner.put(FakeRunner.status("sig", "signal", "io.cambist.strategy.signal~sig", "paper", Instrument.parse("ETH/BTC"),
                StrategyState.RUNNING, null, Map.of("webhookSecret", "shh", "size", "0.1")));
        JsonNode s = api.get("strategies/sig").json();
        assertThat(s.get("state").asText()).isEqualTo("RUNNING");
        assertThat(s.get("instrument").asText()).isEqualTo("ETH/BTC");
        assertThat(s.get("parameters").get("size").asText()).isEqualTo("0.1");
        assertThat(s.get("parameters").get("webhookSecret").asText()).isEqualTo("********");
        assertThat(s.get("position").get("quantity").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(s.get("pnl").get("total").decimalValue()).isEqualByComparingTo("0.00115");
        assertThat(api.get("strategies").text()).doesNotContain("shh");
        assertThat(api.get("strategies/none").status()).isEqualTo(404);
    }

    @Test
    void theStrategysSavedFiguresAreShownWithSecretsMasked() {
        runner.put(FakeRunner.status("g", "grid", GRID + "~g", "paper", Instrument.parse("ETH/BTC"), StrategyState.RUNNING, null,
                Map.of("levels", "10")));
        assertThat(api.get("strategies/g").json().get("saved")).isEmpty();
        runner.save("g", new StrategySnapshot(1, Map.of("cycles", "7", "profit", "0.0042", "apiToken", "t0k")));
        JsonNode saved = api.get("strategies/g").json().get("saved");
        assertThat(saved.get("cycles").asText()).isEqualTo("7");
        assertThat(saved.get("profit").asText()).isEqualTo("0.0042");
        assertThat(saved.get("apiToken").asText()).isEqualTo("********");
        assertThat(api.get("strategies").text()).contains("\"cycles\"").doesNotContain("t0k");
    }

    @Test
    void passwordParametersOfTheStrategysMetatypeAreMaskedWhateverTheirName() {
        runner.put(FakeRunner.status("g", "grid", GRID + "~g", "paper", Instrument.parse("ETH/BTC"), StrategyState.RUNNING, null,
                Map.of("hook", "pw-by-type", "levels", "10")));
        Reply r = api.get("strategies/g");
        assertThat(r.json().get("parameters").get("hook").asText()).isEqualTo("********");
        assertThat(r.json().get("parameters").get("levels").asText()).isEqualTo("10");
        assertThat(api.get("strategies").text()).doesNotContain("pw-by-type");
        assertThat(api.json("POST", "halt", "{}").text()).doesNotContain("pw-by-type");
    }

    @Test
    void pauseResumeStopAndRunAgain() {
        createBot("bot1");
        Reply paused = api.json("PUT", "strategies/bot1/state", "{\"state\":\"PAUSED\"}");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().get("state").asText()).isEqualTo("PAUSED");
        Reply resumed = api.json("PUT", "strategies/bot1/state", "{\"state\":\"running\"}");
        assertThat(resumed.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(runner.calls).containsExactly("pause bot1", "resume bot1");

        Reply stopped = api.json("PUT", "strategies/bot1/state", "{\"state\":\"STOPPED\"}");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("state").asText()).isEqualTo("STOPPED");
        assertThat(cm.properties(GRID + "~bot1").get("enabled")).isEqualTo(false);
        assertThat(cm.properties(GRID + "~bot1").get("levels")).isEqualTo(12);

        Reply running = api.json("PUT", "strategies/bot1/state", "{\"state\":\"RUNNING\"}");
        assertThat(running.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(cm.properties(GRID + "~bot1").get("enabled")).isEqualTo(true);
        assertThat(api.json("PUT", "strategies/bot1/state", "{\"state\":\"HALTED\"}").status()).isEqualTo(400);
    }

    @Test
    void aStateTheRunnerDoesNotReachInTimeAnswers202() {
        createBot("bot1");
        cm.listener = c -> {
        };
        Reply r = api.json("PUT", "strategies/bot1/state", "{\"state\":\"STOPPED\"}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void killSwitchForOneAndForAll() {
        createBot("a");
        createBot("b");
        Reply one = api.json("POST", "strategies/a/halt", "{\"reason\":\"bad fills\"}");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("state").asText()).isEqualTo("HALTED");
        assertThat(one.json().get("reason").asText()).isEqualTo("bad fills (by admin via the admin API)");
        Reply all = api.send("POST", "halt", null, null, Map.of());
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().get("halted").asInt()).isEqualTo(2);
        assertThat(runner.calls).contains("haltAll: kill switch (by admin via the admin API)");
        assertThat(api.json("POST", "strategies/zzz/halt", "{}").status()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheConfiguration() {
        createBot("bot1");
        assertThat(api.delete("strategies/bot1").status()).isEqualTo(204);
        assertThat(cm.properties(GRID + "~bot1")).isNull();
        assertThat(api.get("strategies/bot1").status()).isEqualTo(404);
        assertThat(api.delete("strategies/bot1").status()).isEqualTo(404);
    }

    @Test
    void deleteWorksWithoutTheRunner() {
        createBot("bot1");
        t.runner.clear();
        assertThat(api.delete("strategies/bot1").status()).isEqualTo(204);
        assertThat(cm.properties(GRID + "~bot1")).isNull();
    }

    @Test
    void strategyTypesAreListed() {
        JsonNode types = api.get("strategy-types").json();
        assertThat(types.get(0).get("type").asText()).isEqualTo("grid");
        assertThat(types.get(0).get("factoryPid").asText()).isEqualTo(GRID);
    }

    @Test
    void withoutTheRunnerTheAnswerIs503NamingTheCore() {
        t.runner.clear();
        Reply r = api.get("strategies");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("strategy runner unavailable");
        assertThat(r.json().get("detail").asText()).contains("io.cambist.core");
    }
}
