package io.cambist.exchange.binance.internal.fake;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Timeframe;
import io.cambist.exchange.binance.internal.BinanceConnector;
import io.cambist.exchange.binance.internal.BinanceSettings;
import io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.Out;
import io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.VenueError;
import io.cambist.testkit.Hmac;
import io.cambist.testkit.TestSigner;
import io.cambist.testkit.conformance.VenueFault;
import io.cambist.testkit.venue.AbstractFakeVenue;
import io.cambist.testkit.venue.FakeResponse;
import io.cambist.testkit.venue.RecordedRequest;

/**
 * A Binance spot venue on loopback that speaks the documented protocol: REST with SIGNED endpoint checks (API key
 * header, HMAC-SHA256 over the query, timestamp within recvWindow of its own clock), request weight headers and 429
 * beyond the limit, the combined and user data WebSocket streams, and a small matching engine so orders rest and fill.
 * Implements the test kit's {@link io.cambist.testkit.conformance.VenueControl} (on its {@link AbstractFakeVenue}
 * plumbing) so the conformance suite can drive it.
 */
public final class FakeBinanceVenue extends AbstractFakeVenue {

    public static final String API_KEY = "fakeBinanceApiKey0123456789";
    public static final String SECRET = "fakeBinanceSecret9876543210";
    public static final String KEY_ALIAS = "binance-test";
    public static final String ACCOUNT = "binance-test";

    private enum Security { NONE, API_KEY, SIGNED }

    private final ObjectMapper json = new ObjectMapper();
    private final FakeBinanceEngine engine = new FakeBinanceEngine(json);
    private final FakeBinanceStreams streams;
    private final Object lock = new Object();
    private final Set<String> listenKeys = ConcurrentHashMap.newKeySet();
    private final TestSigner signer = new TestSigner().key(KEY_ALIAS, API_KEY, SECRET);
    private volatile long skewMillis;
    private volatile int weightLimit = 6000;
    private volatile Consumer<BinanceSettings.Builder> customizer = b -> {
    };
    private long weightMinute = -1;
    private int usedWeight;
    private boolean skipDepth;

    public FakeBinanceVenue() {
        this(500);
    }

    /** A venue that pings every open socket every {@code pingMillis} (Binance: 20 s), or never for 0. */
    public FakeBinanceVenue(long pingMillis) {
        super("fake-binance");
        if (pingMillis > 0) {
            every(pingMillis, () -> server().openSockets().forEach(
                    s -> s.ping(Long.toString(System.currentTimeMillis()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        streams = new FakeBinanceStreams(json, listenKeys::contains);
        server().webSocket("/", streams);
        server().route("GET", "/api/v3/ping", r -> answer(r, 1, Security.NONE, false, p -> json.createObjectNode()));
        server().route("GET", "/api/v3/time", r -> answer(r, 1, Security.NONE, false,
                p -> json.createObjectNode().put("serverTime", serverTime())));
        server().route("GET", "/api/v3/exchangeInfo", r -> answer(r, 20, Security.NONE, false,
                p -> engine.exchangeInfo(serverTime())));
        server().route("GET", "/api/v3/depth", r -> answer(r, 50, Security.NONE, false,
                p -> engine.depth(p.get("symbol"), Integer.parseInt(p.getOrDefault("limit", "100")))));
        server().route("GET", "/api/v3/account", r -> answer(r, 20, Security.SIGNED, true, p -> engine.account()));
        server().route("POST", "/api/v3/order", r -> answer(r, 1, Security.SIGNED, true, p -> publishing(out -> engine.newOrder(p, out))));
        server().route("GET", "/api/v3/order", r -> answer(r, 4, Security.SIGNED, true,
                p -> engine.query(p.get("symbol"), p.get("origClientOrderId"))));
        server().route("DELETE", "/api/v3/order", r -> answer(r, 1, Security.SIGNED, true,
                p -> publishing(out -> engine.cancel(p.get("symbol"), p.get("origClientOrderId"), out))));
        server().route("GET", "/api/v3/openOrders", r -> answer(r, 80, Security.SIGNED, true, p -> engine.openOrders()));
        server().route("GET", "/api/v3/myTrades", r -> answer(r, 20, Security.SIGNED, true,
                p -> engine.myTrades(p.get("symbol"), Long.parseLong(p.get("orderId")))));
        server().route("POST", "/api/v3/userDataStream", r -> answer(r, 2, Security.API_KEY, false, p -> {
            if (listenKeys.isEmpty()) {
                listenKeys.add("lk" + UUID.randomUUID().toString().replace("-", ""));
            }
            return json.createObjectNode().put("listenKey", listenKeys.iterator().next());
        }));
        server().route("PUT", "/api/v3/userDataStream", r -> answer(r, 2, Security.API_KEY, false, p -> {
            if (!listenKeys.contains(p.get("listenKey"))) {
                throw new VenueError(400, -1125, "This listenKey does not exist.");
            }
            return json.createObjectNode();
        }));
        server().route("DELETE", "/api/v3/userDataStream", r -> answer(r, 2, Security.API_KEY, false, p -> {
            listenKeys.remove(p.get("listenKey"));
            return json.createObjectNode();
        }));
    }

    // ---- knobs for Binance-specific tests ----

    /** The signer that holds the fake account's key. */
    public TestSigner signer() {
        return signer;
    }

    /** Moves the venue's clock away from the local one. */
    public void skew(long millis) {
        this.skewMillis = millis;
    }

    /** The venue's REQUEST_WEIGHT per minute. */
    public void weightLimit(int limit) {
        this.weightLimit = limit;
    }

    /** Adjusts the settings of connectors created from now on. */
    public void customize(Consumer<BinanceSettings.Builder> c) {
        this.customizer = c;
    }

    /** Expires every listen key and tells the user data sockets, as Binance does. */
    public void expireListenKeys() {
        for (String key : listenKeys) {
            streams.publish(key, json.createObjectNode().put("e", "listenKeyExpired").put("E", System.currentTimeMillis())
                    .put("listenKey", key));
        }
        listenKeys.clear();
    }

    /** Publishes any raw event to the user data stream. */
    public void publishUser(String text) {
        try {
            JsonNode node = json.readTree(text);
            listenKeys.forEach(k -> streams.publish(k, (com.fasterxml.jackson.databind.node.ObjectNode) node));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The streams a socket carries. */
    public Set<String> streamsOf(io.cambist.testkit.venue.FakeSocket socket) {
        return streams.streamsOf(socket);
    }

    public long serverTime() {
        return System.currentTimeMillis() + skewMillis;
    }

    // ---- VenueControl ----

    @Override
    public ExchangeConnector createConnector() {
        return createBinanceConnector();
    }

    /** A connector for the fake account, with a short backoff, and the signer bound. */
    public BinanceConnector createBinanceConnector() {
        BinanceSettings.Builder b = BinanceSettings.builder(ACCOUNT).urls(server().httpUri(), server().wsUri())
                .keyAlias(KEY_ALIAS).reconnect(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.2)
                .requestTimeout(Duration.ofSeconds(5)).signerWait(Duration.ofSeconds(1)).book(100, 20)
                .staleAfter(Duration.ofSeconds(3));
        customizer.accept(b);
        BinanceConnector c = new BinanceConnector(b.build());
        c.bindSigner(signer);
        return c;
    }

    @Override
    public Instrument instrument() {
        return engine.instrument;
    }

    @Override
    public BigDecimal orderQuantity() {
        return new BigDecimal("0.1");
    }

    @Override
    public OrderBook venueBook(int depth) {
        synchronized (lock) {
            return engine.book(depth);
        }
    }

    @Override
    public void marketActivity() {
        publishing(out -> {
            engine.marketActivity(out);
            return null;
        });
    }

    @Override
    public void closeCandle(Timeframe timeframe) {
        publishing(out -> {
            engine.closeCandle(timeframe, out);
            return null;
        });
    }

    @Override
    public void fillRestingOrder(ClientOrderId clientOrderId) {
        publishing(out -> {
            engine.fillResting(clientOrderId.value(), out);
            return null;
        });
    }

    @Override
    public void skipNextBookUpdate() {
        synchronized (lock) {
            skipDepth = true;
        }
    }

    // ---- machinery ----

    private <T> T publishing(Function<List<Out>, T> action) {
        synchronized (lock) {
            List<Out> out = new ArrayList<>();
            T result = action.apply(out);
            for (Out o : out) {
                if (o.stream().equals(FakeBinanceEngine.USER)) {
                    listenKeys.forEach(k -> streams.publish(k, o.data()));
                    continue;
                }
                if (skipDepth && o.stream().contains("@depth")) {
                    skipDepth = false;
                    continue;
                }
                streams.publish(o.stream(), o.data());
                if (o.stream().endsWith("@depth@100ms")) {
                    streams.publish(o.stream().replace("@depth@100ms", "@depth"), o.data());
                }
            }
            return result;
        }
    }

    private FakeResponse answer(RecordedRequest r, int weight, Security security, boolean privateEndpoint,
            Function<Map<String, String>, JsonNode> body) {
        int used;
        synchronized (lock) {
            long minute = serverTime() / 60_000;
            if (minute != weightMinute) {
                weightMinute = minute;
                usedWeight = 0;
            }
            usedWeight += weight;
            used = usedWeight;
        }
        if (used > weightLimit) {
            long retry = 60 - (serverTime() / 1000) % 60;
            return FakeResponse.rateLimited(429, retry, error(-1003, "Too much request weight used; current limit is "
                    + weightLimit + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."))
                    .withHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(used));
        }
        VenueFault fault = privateEndpoint ? privateRequest() : null;
        if (fault != null) {
            return faultAnswer(fault).withHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(used));
        }
        Map<String, String> params = r.params();
        try {
            if (security != Security.NONE && !API_KEY.equals(r.header("X-MBX-APIKEY").orElse(""))) {
                throw new VenueError(401, -2015, "Invalid API-key, IP, or permissions for action.");
            }
            if (security == Security.SIGNED) {
                checkSignature(r, params);
            }
            JsonNode result;
            synchronized (lock) {
                result = body.apply(params);
            }
            return FakeResponse.json(result.toString()).withHeader("X-MBX-USED-WEIGHT-1M", Integer.toString(used));
        } catch (VenueError e) {
            return FakeResponse.json(e.http, error(e.code, e.getMessage())).withHeader("X-MBX-USED-WEIGHT-1M",
                    Integer.toString(used));
        }
    }

    private void checkSignature(RecordedRequest r, Map<String, String> params) {
        String query = r.query();
        int at = query.lastIndexOf("&signature=");
        if (at < 0 || !params.containsKey("timestamp")) {
            throw new VenueError(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        String signed = query.substring(0, at) + r.body();
        String expected = Hmac.sha256Hex(SECRET, signed);
        if (!expected.equalsIgnoreCase(query.substring(at + "&signature=".length()))) {
            throw new VenueError(400, -1022, "Signature for this request is not valid.");
        }
        long recvWindow = Long.parseLong(params.getOrDefault("recvWindow", "5000"));
        if (recvWindow > 60_000) {
            throw new VenueError(400, -1131, "recvWindow must be less than 60000");
        }
        long timestamp = Long.parseLong(params.get("timestamp"));
        long now = serverTime();
        if (timestamp >= now + 1000) {
            throw new VenueError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (now - timestamp > recvWindow) {
            throw new VenueError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    private FakeResponse faultAnswer(VenueFault fault) {
        return switch (fault) {
            case RATE_LIMITED -> FakeResponse.rateLimited(429, 1, error(-1003, "Too many requests; current limit of IP "
                    + "is 6000 requests per minute."));
            case BANNED -> FakeResponse.rateLimited(418, 1, error(-1003, "Way too much request weight used; IP banned "
                    + "until " + (serverTime() + 1000) + ". Please use WebSocket Streams for live updates to avoid bans."));
            case BAD_SIGNATURE -> FakeResponse.json(400, error(-1022, "Signature for this request is not valid."));
            case BAD_API_KEY -> FakeResponse.json(401, error(-2015, "Invalid API-key, IP, or permissions for action."));
            case BAD_TIMESTAMP -> FakeResponse.json(400, error(-1021, "Timestamp for this request is outside of the recvWindow."));
        };
    }

    private String error(int code, String msg) {
        return json.createObjectNode().put("code", code).put("msg", msg).toString();
    }
}
