package io.cambist.admin.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.testing.FakeConfigurationAdmin;
import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.admin.internal.testing.XmlMetatype;

class ConfigurationsResourceTest {

    private final TestApi t = new TestApi();
    private final FakeConfigurationAdmin cm = new FakeConfigurationAdmin();
    private InMemoryApi api;

    @BeforeEach
    void setUp() throws Exception {
        t.configAdmin.set(cm);
        t.ocds = new XmlMetatype().add(getClass().getResourceAsStream("/metatype/grid.xml"))
                .add(getClass().getResourceAsStream("/OSGI-INF/metatype/io.cambist.admin.xml"));
        api = t.api();
    }

    @Test
    void createReadReplaceAndDeleteAConfiguration() {
        Reply created = api.json("PUT", "configurations/io.cambist.admin", "{\"maxBacktests\": 8}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("metatype").asText()).isEqualTo("Cambist admin API");
        assertThat(cm.properties("io.cambist.admin").get("maxBacktests")).isEqualTo(8);

        Reply replaced = api.json("PUT", "configurations/io.cambist.admin", "{\"maxBacktests\": 2, \"maxJsonBytes\": 4096}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(cm.properties("io.cambist.admin").get("maxJsonBytes")).isEqualTo(4096L);

        JsonNode got = api.get("configurations/io.cambist.admin").json();
        assertThat(got.get("pid").asText()).isEqualTo("io.cambist.admin");
        assertThat(got.get("properties").get("maxBacktests").asInt()).isEqualTo(2);
        assertThat(got.get("properties").has("service.pid")).isFalse();

        assertThat(api.delete("configurations/io.cambist.admin").status()).isEqualTo(204);
        assertThat(api.get("configurations/io.cambist.admin").status()).isEqualTo(404);
        assertThat(api.delete("configurations/io.cambist.admin").status()).isEqualTo(404);
    }

    @Test
    void configurationsAreNotBoundToTheAdminBundle() {
        api.json("PUT", "configurations/some.pid", "{\"a\": 1}");
        assertThat(((FakeConfigurationAdmin.FakeConfiguration) cm.getConfiguration("some.pid", "?")).location).isEqualTo("?");
    }

    @Test
    void aWrongTypeOrMissingRequiredAttributeIs400NamingIt() {
        Reply wrong = api.json("PUT", "configurations/io.cambist.admin", "{\"maxBacktests\": \"lots\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("'maxBacktests'");
        Reply missing = api.json("POST", "configurations/factories/io.cambist.strategy.grid", "{\"lower\": \"1\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).isEqualTo("attribute 'upper' (Upper price) is required");
        assertThat(cm.listConfigurationsQuietly()).isEmpty();
    }

    @Test
    void factoryConfigurationsNamedAndUnnamed() {
        Reply named = api.json("POST", "configurations/factories/io.cambist.strategy.grid?name=bot1",
                "{\"lower\": \"1\", \"upper\": \"2\", \"colour\": \"red\"}");
        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(named.json().get("pid").asText()).isEqualTo("io.cambist.strategy.grid~bot1");
        assertThat(named.json().get("factoryPid").asText()).isEqualTo("io.cambist.strategy.grid");
        assertThat(named.json().get("warnings").get(0).asText()).contains("'colour'");
        assertThat(named.header("Location")).endsWith("/api/v1/configurations/io.cambist.strategy.grid~bot1");

        Reply again = api.json("POST", "configurations/factories/io.cambist.strategy.grid?name=bot1",
                "{\"lower\": \"1\", \"upper\": \"2\"}");
        assertThat(again.status()).isEqualTo(409);

        Reply unnamed = api.json("POST", "configurations/factories/io.cambist.strategy.grid", "{\"lower\": \"1\", \"upper\": \"2\"}");
        assertThat(unnamed.status()).isEqualTo(201);
        assertThat(unnamed.json().get("pid").asText()).startsWith("io.cambist.strategy.grid.");

        JsonNode list = api.get("configurations?factoryPid=io.cambist.strategy.grid").json();
        assertThat(list).hasSize(2);
        assertThat(api.get("configurations?factoryPid=other").json()).isEmpty();
    }

    @Test
    void putOnANamedFactoryPidCreatesTheFactoryConfiguration() {
        Reply r = api.json("PUT", "configurations/io.cambist.strategy.grid~b2", "{\"lower\": \"1\", \"upper\": \"2\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("factoryPid").asText()).isEqualTo("io.cambist.strategy.grid");
        assertThat(r.json().get("metatype").asText()).isEqualTo("Grid strategy");
    }

    @Test
    void secretsAreNeverShownAndSurviveARoundTrip() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("lower", "1");
        props.put("upper", "2");
        props.put("webhookToken", "tok-very-secret");
        props.put("db.password", "hunter2");
        props.put("hook", "pw-by-type");
        cm.getFactoryConfiguration("io.cambist.strategy.grid", "sig", "?").update(props);

        Reply got = api.get("configurations/io.cambist.strategy.grid~sig");
        assertThat(got.text()).doesNotContain("tok-very-secret").doesNotContain("hunter2");
        assertThat(got.json().get("properties").get("webhookToken").asText()).isEqualTo("********");
        assertThat(got.json().get("properties").get("db.password").asText()).isEqualTo("********");
        assertThat(got.json().get("properties").get("hook").asText()).as("metatype type PASSWORD").isEqualTo("********");
        assertThat(got.text()).doesNotContain("pw-by-type");
        assertThat(api.get("configurations").text()).doesNotContain("tok-very-secret").doesNotContain("hunter2");

        // what GET returned, sent back with one change, keeps the secrets
        Reply put = api.json("PUT", "configurations/io.cambist.strategy.grid~sig",
                "{\"lower\":\"1\",\"upper\":\"3\",\"webhookToken\":\"********\",\"db.password\":\"********\","
                        + "\"hook\":\"********\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(cm.properties("io.cambist.strategy.grid~sig").get("webhookToken")).isEqualTo("tok-very-secret");
        assertThat(cm.properties("io.cambist.strategy.grid~sig").get("db.password")).isEqualTo("hunter2");
        assertThat(cm.properties("io.cambist.strategy.grid~sig").get("upper")).isEqualTo("3");
        assertThat(cm.properties("io.cambist.strategy.grid~sig").get("hook")).isEqualTo("pw-by-type");
    }

    @Test
    void badPidsAndBodiesAre400() {
        assertThat(api.get("configurations/a%20b").status()).isEqualTo(400);
        assertThat(api.json("PUT", "configurations/x", "[1]").status()).isEqualTo(400);
        assertThat(api.json("PUT", "configurations/x", "").status()).isEqualTo(400);
    }

    @Test
    void withoutConfigurationAdminTheAnswerIs503() {
        t.configAdmin.clear();
        Reply r = api.get("configurations");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("configuration admin unavailable");
        assertThat(r.json().get("detail").asText()).contains("org.apache.felix.configadmin");
    }
}
