package io.cambist.admin.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cambist.admin.internal.testing.InMemoryApi;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.RateLimitException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

class ErrorMappingTest {

    /** Input of the echo endpoint. */
    public record Order(String side, BigDecimal quantity, List<String> tags, Nested nested) {
    }

    /** A nested object. */
    public record Nested(int count) {
    }

    /** A resource that fails in every way a resource can. */
    @Path("t")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Throwing {
        @GET
        @Path("{what}")
        public Object fail(@PathParam("what") String what) {
            switch (what) {
                case "iae" -> throw new IllegalArgumentException("fast period 30 must be below slow period 20");
                case "nse" -> throw new NoSuchElementException("no strategy 'x'");
                case "ise" -> throw new IllegalStateException("strategy 'x' is halted");
                case "npe" -> throw new NullPointerException("secret=hunter2 in an internal message");
                case "error" -> throw new StackOverflowError("deep");
                case "venue404" -> throw new OrderNotFoundException("unknown order", "-2013");
                case "venue429" -> throw new RateLimitException("slow down", "-1003", java.time.Duration.ofSeconds(5));
                case "number" -> {
                    return new Order("BUY", new BigDecimal("1E-8"), List.of(), null);
                }
                default -> {
                    return "ok";
                }
            }
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Order echo(Order order) {
            return order;
        }
    }

    private final InMemoryApi api = new InMemoryApi(new LinkedHashSet<>(Set.of(new JsonProvider(), new WebApplicationMapper(),
            new IllegalArgumentMapper(), new NoSuchElementMapper(), new IllegalStateMapper(), new ExchangeExceptionMapper(),
            new LastResortMapper(), new Throwing())));

    @Test
    void illegalArgumentIs400WithTheMessage() {
        Reply r = api.get("t/iae");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("bad request");
        assertThat(r.json().get("detail").asText()).isEqualTo("fast period 30 must be below slow period 20");
    }

    @Test
    void noSuchElementIs404AndIllegalStateIs409() {
        assertThat(api.get("t/nse").status()).isEqualTo(404);
        Reply r = api.get("t/ise");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).isEqualTo("strategy 'x' is halted");
    }

    @Test
    void anythingElseIs500WithoutTheMessageOrATrace() {
        for (String what : List.of("npe", "error")) {
            Reply r = api.get("t/" + what);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.json().get("error").asText()).isEqualTo("internal error");
            assertThat(r.text()).doesNotContain("hunter2").doesNotContain("at io.cambist").doesNotContain("Exception");
            assertThat(r.json().get("detail").asText()).containsPattern("reference [0-9a-f]{8}");
        }
    }

    @Test
    void venueErrorsGetTheirNearestStatus() {
        assertThat(api.get("t/venue404").status()).isEqualTo(404);
        assertThat(api.get("t/venue429").status()).isEqualTo(429);
    }

    @Test
    void jerseysOwnErrorsAreJsonToo() {
        Reply notFound = api.get("nowhere");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("detail").asText()).contains("openapi.json");
        Reply notAllowed = api.json("DELETE", "t/x", null);
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.json().get("detail").asText()).contains("GET");
        Reply unsupported = api.send("POST", "t", "text/plain", "hi".getBytes(), java.util.Map.of());
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.json().get("detail").asText()).contains("application/json");
    }

    @Test
    void bigDecimalsAreWrittenPlainNeverWithAnExponent() {
        Reply r = api.get("t/number");
        assertThat(r.text()).contains("\"quantity\":0.00000001").doesNotContain("E-8");
    }

    @Test
    void decimalsInBodiesKeepEveryDigit() {
        Reply r = api.json("POST", "t", "{\"side\":\"BUY\",\"quantity\":0.123456789012345678901234567890}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("0.123456789012345678901234567890");
    }

    @Test
    void anUnknownPropertyIs400NamingItAndTheAllowedOnes() {
        Reply r = api.json("POST", "t", "{\"side\":\"BUY\",\"qty\":1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("unknown property 'qty'").contains("quantity").contains("side");
    }

    @Test
    void anUnknownNestedPropertyNamesWhereItIs() {
        Reply r = api.json("POST", "t", "{\"nested\":{\"cnt\":1}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("'cnt'").contains("in 'nested'");
    }

    @Test
    void aWrongTypeNamesThePropertyButNeverEchoesTheValue() {
        Reply r = api.json("POST", "t", "{\"quantity\":\"hunter2\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("'quantity'").contains("number");
        assertThat(r.text()).doesNotContain("hunter2");
        Reply list = api.json("POST", "t", "{\"tags\":{\"a\":1}}");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.json().get("detail").asText()).contains("'tags'");
    }

    @Test
    void invalidJsonIs400WithTheLocation() {
        Reply r = api.json("POST", "t", "{\"side\": BUY}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).startsWith("the request body is not valid JSON at line 1");
        assertThat(api.json("POST", "t", "[1,2]").status()).isEqualTo(400);
        assertThat(api.json("POST", "t", "{} {}").status()).isEqualTo(400);
    }

    @Test
    void deeplyNestedJsonIsRefusedNotFatal() {
        String deep = "{\"nested\":".repeat(5000) + "1" + "}".repeat(5000);
        Reply r = api.json("POST", "t", deep);
        assertThat(r.status()).isEqualTo(400);
    }
}
