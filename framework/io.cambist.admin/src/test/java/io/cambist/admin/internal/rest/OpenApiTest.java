package io.cambist.admin.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.backtest.BacktestStatus;
import io.cambist.admin.internal.platform.BundleView;
import io.cambist.admin.internal.testing.FakeRunner;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.admin.internal.trading.MarketResourcesTest;
import io.cambist.admin.internal.trading.StrategyView;
import io.cambist.api.model.Instrument;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.StrategyState;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

/** Keeps the hand-written OpenAPI document true: every endpoint, parameter and request body matches the resources. */
class OpenApiTest {

    private static JsonNode doc;
    private static final Map<String, Method> endpoints = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        TestApi t = new TestApi();
        doc = t.api().get("openapi.json").json();
        for (Object singleton : io.cambist.admin.internal.AdminApi.singletons(new io.cambist.admin.internal.AdminApi.Parts(null,
                new io.cambist.admin.internal.services.Services(t.verifierSource, t.keyRing, t.auditLog, t.nonceStores, t.runner,
                        t.orders, t.portfolio, t.exchanges, t.backtests, t.scheduler, t.configAdmin, t.metaType),
                t.settings::get, java.nio.file.Path.of("target"), null, () -> 0, List::of, (a, b) -> java.util.Optional.empty(),
                () -> 0))) {
            Path classPath = singleton.getClass().getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : singleton.getClass().getMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = "/" + classPath.value() + (sub == null ? "" : "/" + sub.value());
                endpoints.put(http + " " + path, m);
            }
        }
    }

    private static String httpMethod(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class)) {
            if (m.isAnnotationPresent(a)) {
                return a.getSimpleName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static Set<String> documented() {
        Set<String> out = new TreeSet<>();
        doc.get("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> out.add(m + " " + p.getKey())));
        return out;
    }

    @Test
    void documentsExactlyTheEndpointsTheResourcesServe() {
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo("/api/v1");
        assertThat(documented()).isEqualTo(new TreeSet<>(endpoints.keySet()));
    }

    @Test
    void pathAndQueryParametersMatch() {
        for (Map.Entry<String, Method> e : endpoints.entrySet()) {
            JsonNode op = operation(e.getKey());
            Set<String> path = new TreeSet<>();
            Set<String> query = new TreeSet<>();
            for (Parameter p : e.getValue().getParameters()) {
                if (p.isAnnotationPresent(PathParam.class)) {
                    path.add(p.getAnnotation(PathParam.class).value());
                }
                if (p.isAnnotationPresent(QueryParam.class)) {
                    query.add(p.getAnnotation(QueryParam.class).value());
                }
            }
            Set<String> docPath = new TreeSet<>();
            Set<String> docQuery = new TreeSet<>();
            if (op.has("parameters")) {
                op.get("parameters").forEach(p -> (p.get("in").asText().equals("path") ? docPath : docQuery).add(p.get("name").asText()));
            }
            assertThat(docPath).as(e.getKey() + " path parameters").isEqualTo(path);
            assertThat(docQuery).as(e.getKey() + " query parameters").isEqualTo(query);
        }
    }

    @Test
    void requestBodiesMatchTheJavaTypes() {
        for (Map.Entry<String, Method> e : endpoints.entrySet()) {
            JsonNode op = operation(e.getKey());
            Parameter entity = null;
            for (Parameter p : e.getValue().getParameters()) {
                if (!p.isAnnotationPresent(PathParam.class) && !p.isAnnotationPresent(QueryParam.class)
                        && !p.isAnnotationPresent(Context.class) && !p.isAnnotationPresent(BeanParam.class)) {
                    entity = p;
                }
            }
            if (entity == null) {
                assertThat(op.has("requestBody")).as(e.getKey() + " has no body").isFalse();
                continue;
            }
            assertThat(op.has("requestBody")).as(e.getKey() + " documents its body").isTrue();
            JsonNode content = op.get("requestBody").get("content");
            if (entity.getType() == byte[].class) {
                assertThat(content.has("application/java-archive")).as(e.getKey()).isTrue();
            } else if (entity.getType().isRecord()) {
                JsonNode schema = resolve(content.get("application/json").get("schema"));
                Set<String> components = new TreeSet<>();
                for (RecordComponent c : entity.getType().getRecordComponents()) {
                    components.add(c.getName());
                }
                Set<String> props = new TreeSet<>();
                schema.get("properties").fieldNames().forEachRemaining(props::add);
                assertThat(props).as(e.getKey() + " body properties").isEqualTo(components);
            } else {
                assertThat(resolve(content.get("application/json").get("schema")).get("type").asText()).isEqualTo("object");
            }
        }
    }

    @Test
    void everyOperationIsSignedExceptHealthAndSaysItsScope() {
        for (String key : endpoints.keySet()) {
            JsonNode op = operation(key);
            String method = key.substring(0, key.indexOf(' '));
            if (key.equals("get /health")) {
                assertThat(op.get("security")).isEmpty();
                continue;
            }
            assertThat(op.get("security")).as(key).isNotEmpty();
            assertThat(op.get("x-cambist-scope").asText()).as(key).isEqualTo(method.equals("get") ? "read" : "admin");
            assertThat(op.get("responses").has("401")).as(key).isTrue();
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String r : refs) {
            JsonNode target = doc.at(r.substring(1));
            assertThat(target.isMissingNode()).as(r).isFalse();
        }
    }

    @Test
    void responseSchemasListWhatTheApiWrites() {
        assertWrites("Order", MarketResourcesTest.anOrder("c1", OrderStatus.NEW));
        assertWrites("Strategy", StrategyView.of(FakeRunner.status("a", "grid", "p~a", "paper", Instrument.parse("ETH/BTC"),
                StrategyState.RUNNING, null, Map.of())));
        assertWrites("Position", FakeRunner.status("a", "grid", "p~a", "paper", Instrument.parse("ETH/BTC"), StrategyState.RUNNING,
                null, Map.of()).position());
        assertWrites("Bundle", new BundleView(1, "a", "1.0.0", "A", "ACTIVE", false, "loc", 6, false, "problem"));
        assertWrites("Backtest", new BacktestStatus("bt", "DONE", "smacross", "ETH/BTC", "synthetic", 1, 2L, 3L,
                new BacktestStatus.Progress(1, 1, BigDecimal.ONE), "e", new BacktestStatus.Summary(1, BigDecimal.ONE,
                        BigDecimal.ONE, BigDecimal.ONE, 1, BigDecimal.ONE, null)));
    }

    private static void assertWrites(String schema, Object sample) {
        JsonNode written = Json.MAPPER.valueToTree(sample);
        Set<String> keys = new TreeSet<>();
        written.fieldNames().forEachRemaining(keys::add);
        Set<String> props = new TreeSet<>();
        doc.get("components").get("schemas").get(schema).get("properties").fieldNames().forEachRemaining(props::add);
        assertThat(keys).as(schema).isEqualTo(props);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static JsonNode operation(String key) {
        int space = key.indexOf(' ');
        return doc.get("paths").get(key.substring(space + 1)).get(key.substring(0, space));
    }

    private static JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? doc.at(schema.get("$ref").asText().substring(1)) : schema;
    }
}
