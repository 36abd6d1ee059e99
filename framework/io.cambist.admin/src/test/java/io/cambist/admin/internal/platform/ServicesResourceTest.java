package io.cambist.admin.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.admin.internal.testing.TestFramework;

class ServicesResourceTest {

    /** A service interface of the test. */
    public interface Greeter {
    }

    private static TestFramework felix;
    private static InMemoryApi api;
    private static ServiceRegistration<Greeter> registration;

    @BeforeAll
    static void start() throws Exception {
        felix = new TestFramework();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("greeting", "hello");
        props.put("db.password", "hunter2");
        props.put("apiKey", "AKIA-public-but-masked");
        props.put("webhookSecret", "w-s3cret");
        props.put("levels", new int[] {1, 2, 3});
        registration = felix.context().registerService(Greeter.class, new Greeter() {
        }, props);
        Hashtable<String, Object> component = new Hashtable<>();
        component.put("service.pid", "io.cambist.strategy.grid~x");
        component.put("service.factoryPid", "io.cambist.strategy.grid");
        component.put("hook", "pw-by-type");
        component.put("levels", 10);
        felix.context().registerService(Greeter.class, new Greeter() {
        }, component);
        TestApi t = new TestApi();
        t.context = felix.context();
        t.ocds = new io.cambist.admin.internal.testing.XmlMetatype()
                .add(ServicesResourceTest.class.getResourceAsStream("/metatype/grid.xml"));
        api = t.api();
    }

    @AfterAll
    static void stop() throws Exception {
        felix.close();
    }

    @Test
    void servicesShowInterfacesBundleAndPropertiesWithSecretsMasked() {
        Reply r = api.get("services?interface=" + Greeter.class.getName());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(2);
        JsonNode s = r.json().get(0);
        assertThat(s.get("id").asLong()).isEqualTo((Long) registration.getReference().getProperty("service.id"));
        assertThat(s.get("interfaces").get(0).asText()).isEqualTo(Greeter.class.getName());
        assertThat(s.get("bundle").get("id").asLong()).isZero();
        JsonNode p = s.get("properties");
        assertThat(p.get("greeting").asText()).isEqualTo("hello");
        assertThat(p.get("db.password").asText()).isEqualTo("********");
        assertThat(p.get("apiKey").asText()).isEqualTo("********");
        assertThat(p.get("webhookSecret").asText()).isEqualTo("********");
        assertThat(p.get("levels").toString()).isEqualTo("[1,2,3]");
        assertThat(r.text()).doesNotContain("hunter2").doesNotContain("w-s3cret").doesNotContain("AKIA");
    }

    @Test
    void aComponentsPasswordAttributesAreMaskedInItsServiceProperties() {
        Reply r = api.get("services?interface=" + Greeter.class.getName());
        JsonNode component = r.json().get(1);
        assertThat(component.get("properties").get("hook").asText()).isEqualTo("********");
        assertThat(component.get("properties").get("levels").asInt()).isEqualTo(10);
        assertThat(r.text()).doesNotContain("pw-by-type");
    }

    @Test
    void withoutAFilterEveryServiceIsListed() {
        Reply r = api.get("services");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isGreaterThanOrEqualTo(2);
        assertThat(r.text()).doesNotContain("hunter2");
    }

    @Test
    void aMalformedInterfaceNameIs400() {
        assertThat(api.get("services?interface=(objectClass=*)").status()).isEqualTo(400);
    }
}
