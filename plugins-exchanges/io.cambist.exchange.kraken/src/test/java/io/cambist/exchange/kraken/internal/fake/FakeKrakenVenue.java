package io.cambist.exchange.kraken.internal.fake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Timeframe;
import io.cambist.api.security.KeyEncoding;
import io.cambist.api.security.NonceGenerator;
import io.cambist.exchange.kraken.internal.KrakenConnector;
import io.cambist.exchange.kraken.internal.KrakenSettings;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenBook.Window;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenEngine.Out;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenEngine.VenueError;
import io.cambist.testkit.Hmac;
import io.cambist.testkit.TestSigner;
import io.cambist.testkit.conformance.VenueFault;
import io.cambist.testkit.venue.AbstractFakeVenue;
import io.cambist.testkit.venue.FakeResponse;
import io.cambist.testkit.venue.RecordedRequest;

/**
 * A Kraken spot venue on loopback that speaks the documented protocol: public and private REST (form-encoded POSTs
 * checked for the API key, the HMAC-SHA512 {@code API-Sign} and a nonce strictly above the last one accepted for the
 * key, refusing others with {@code EAPI:Invalid nonce}), Kraken's API counter ({@code EAPI:Rate limit exceeded}),
 * WebSocket v2 public channels with book checksums, the private executions channel behind GetWebSocketsToken, and a
 * small matching engine so orders rest and fill. Implements the test kit's
 * {@link io.cambist.testkit.conformance.VenueControl} on its {@link AbstractFakeVenue} plumbing.
 * <p>
 * Longer than most classes on purpose: it is the glue a reader wants in one place (the REST checks in the order
 * Kraken applies them, the book diff per subscribed depth, and the knobs tests turn); matching lives in
 * {@link FakeKrakenEngine}, payloads in {@link FakeKrakenViews} and {@link FakeKrakenStreams}.
 */
public final class FakeKrakenVenue extends AbstractFakeVenue {

    public static final String API_KEY = "fakeKrakenApiKey0123456789abcdefABCDEF";
    /** A base64 secret, as Kraken issues them (64 bytes). */
    public static final String SECRET = Base64.getEncoder().encodeToString(
            "fake kraken private key for the loopback venue, 64 bytes long..".getBytes(StandardCharsets.US_ASCII));
    public static final String KEY_ALIAS = "kraken-test";
    public static final String ACCOUNT = "kraken-test";

    private final ObjectMapper json = JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private final Object lock = new Object();
    private final FakeKrakenEngine engine = new FakeKrakenEngine(json);
    private final FakeKrakenViews views = new FakeKrakenViews(json, engine);
    private final FakeKrakenStreams streams;
    private final AtomicLong tokenRequests = new AtomicLong();
    private final List<Long> nonces = new CopyOnWriteArrayList<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, Window> published = new ConcurrentHashMap<>();
    private final TestSigner signer = new TestSigner().key(KEY_ALIAS, API_KEY, SECRET);
    private volatile NonceGenerator nonceGenerator = new MemoryNonceGenerator();
    private volatile Consumer<KrakenSettings.Builder> customizer = b -> {
    };
    private long lastNonce;
    private double counterMax = 40;
    private double counterDecay = 20;
    private double counter;
    private long counterAt = System.currentTimeMillis();
    private boolean skipBook;
    private String lastTicker = "";

    public FakeKrakenVenue() {
        super("fake-kraken");
        streams = new FakeKrakenStreams(json, new FakeKrakenStreams.Backend() {
            @Override
            public void locked(Runnable action) {
                synchronized (lock) {
                    action.run();
                }
            }

            @Override
            public ObjectNode ticker() {
                return engine.ticker();
            }

            @Override
            public ArrayNode ohlcSnapshot(int interval) {
                return engine.ohlcSnapshot(interval);
            }

            @Override
            public ObjectNode bookSnapshot(int depth) {
                Window w = engine.book.window(depth);
                published.put(depth, w);
                ObjectNode d = json.createObjectNode().put("symbol", FakeKrakenEngine.SYMBOL);
                FakeKrakenBook.levels(d.putArray("bids"), w.bids());
                FakeKrakenBook.levels(d.putArray("asks"), w.asks());
                d.put("checksum", FakeKrakenBook.checksum(w));
                return d;
            }

            @Override
            public ArrayNode openOrders() {
                return views.openOrderExecutions();
            }

            @Override
            public boolean validToken(String token) {
                Long issued = tokens.get(token);
                return issued != null && System.currentTimeMillis() - issued < 900_000;
            }
        });
        server().webSocket("/v2", streams);
        server().webSocket("/auth/v2", streams);
        server().route("GET", "/0/public/AssetPairs", r -> ok(views.assetPairs()));
        server().route("GET", "/0/public/Time", r -> ok(json.createObjectNode().put("unixtime",
                System.currentTimeMillis() / 1000).put("rfc1123", "")));
        route("BalanceEx", 1, (p, out) -> views.balances());
        route("AddOrder", 0, engine::addOrder);
        route("CancelOrder", 0, engine::cancel);
        route("QueryOrders", 1, (p, out) -> views.queryOrders(p));
        route("OpenOrders", 1, (p, out) -> views.openOrders(p));
        route("ClosedOrders", 1, (p, out) -> views.closedOrders(p));
        route("QueryTrades", 2, (p, out) -> views.queryTrades(p));
        route("GetWebSocketsToken", 1, (p, out) -> {
            tokenRequests.incrementAndGet();
            String token = UUID.randomUUID().toString().replace("-", "");
            tokens.put(token, System.currentTimeMillis());
            return json.createObjectNode().put("token", token).put("expires", 900);
        });
        every(250, streams::heartbeat);
    }

    // ---- knobs for Kraken-specific tests ----

    /** The signer that holds the fake account's key. */
    public TestSigner signer() {
        return signer;
    }

    /** The nonce generator connectors created from now on use. */
    public void nonceGenerator(NonceGenerator generator) {
        this.nonceGenerator = generator;
    }

    /** Adjusts the settings of connectors created from now on. */
    public void customize(Consumer<KrakenSettings.Builder> c) {
        this.customizer = c;
    }

    /** Kraken's API counter for the key: its maximum and decay per second. */
    public void counter(double max, double decayPerSecond) {
        synchronized (lock) {
            counterMax = max;
            counterDecay = decayPerSecond;
        }
    }

    /** Every nonce accepted so far, in arrival order. */
    public List<Long> nonces() {
        return List.copyOf(nonces);
    }

    /** How many websocket tokens were issued. */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** While true, the private endpoint never answers an executions subscription. */
    public void ignoreExecutionSubscriptions(boolean ignore) {
        streams.ignoreExecutionSubscriptions(ignore);
    }

    /** Makes every token issued so far unusable for new subscriptions. */
    public void expireTokens() {
        tokens.clear();
    }

    /** Runs a venue action that produces stream messages and publishes them, under the lock. */
    public void act(Consumer<List<Out>> action) {
        publishing(out -> {
            action.accept(out);
            return null;
        });
    }

    // ---- VenueControl ----

    @Override
    public ExchangeConnector createConnector() {
        return createKrakenConnector();
    }

    /** A connector for the fake account with short backoffs, the signer and the nonce generator bound. */
    public KrakenConnector createKrakenConnector() {
        KrakenSettings.Builder b = KrakenSettings.builder(ACCOUNT).urls(server().httpUri(),
                java.net.URI.create(server().wsUri() + "/v2"), java.net.URI.create(server().wsUri() + "/auth/v2"))
                .keyAlias(KEY_ALIAS).reconnect(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.2)
                .requestTimeout(Duration.ofSeconds(5)).signerWait(Duration.ofSeconds(1))
                .staleAfter(Duration.ofSeconds(3)).rate(30, 20, Duration.ofSeconds(5)).bookDepth(25);
        customizer.accept(b);
        KrakenConnector c = new KrakenConnector(b.build());
        c.bindSigner(signer);
        c.bindNonceGenerator(nonceGenerator);
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
            return engine.view(depth);
        }
    }

    @Override
    public void marketActivity() {
        act(engine::marketActivity);
    }

    @Override
    public void closeCandle(Timeframe timeframe) {
        act(out -> engine.closeCandle((int) (timeframe.millis() / 60_000), out));
    }

    @Override
    public void fillRestingOrder(ClientOrderId clientOrderId) {
        act(out -> engine.fillResting(clientOrderId.value(), out));
    }

    @Override
    public void skipNextBookUpdate() {
        synchronized (lock) {
            skipBook = true;
        }
    }

    // ---- machinery ----

    private <T> T publishing(Function<List<Out>, T> action) {
        synchronized (lock) {
            List<Out> out = new ArrayList<>();
            T result = action.apply(out);
            ArrayNode trades = json.createArrayNode();
            for (Out o : out) {
                switch (o.kind()) {
                    case EXEC -> streams.publishExecution(o.data());
                    case TRADE -> trades.add(o.data());
                    case OHLC -> streams.publish("ohlc:" + FakeKrakenEngine.SYMBOL + ":" + o.data().path("interval").asInt(),
                            "ohlc", json.createArrayNode().add(o.data()));
                    case TICKER -> streams.publish("ticker:" + FakeKrakenEngine.SYMBOL, "ticker",
                            json.createArrayNode().add(o.data()));
                }
            }
            if (!trades.isEmpty()) {
                streams.publish("trade:" + FakeKrakenEngine.SYMBOL, "trade", trades);
            }
            flushBook();
            flushTicker();
            return result;
        }
    }

    // one update per subscribed depth with the levels that changed in its window, and the checksum after them
    private void flushBook() {
        boolean sent = false;
        for (Map.Entry<Integer, Window> e : published.entrySet()) {
            Window before = e.getValue();
            Window after = engine.book.window(e.getKey());
            ObjectNode d = json.createObjectNode().put("symbol", FakeKrakenEngine.SYMBOL);
            boolean bids = engine.book.diff(d.putArray("bids"), before.bids(), after.bids(), engine.book.bids);
            boolean asks = engine.book.diff(d.putArray("asks"), before.asks(), after.asks(), engine.book.asks);
            if (!bids && !asks) {
                continue;
            }
            d.put("checksum", FakeKrakenBook.checksum(after)).put("timestamp", FakeKrakenViews.rfc3339(engine.now()));
            e.setValue(after);
            sent = true;
            if (!skipBook) {
                streams.publish("book:" + FakeKrakenEngine.SYMBOL + ":" + e.getKey(), "book", json.createArrayNode().add(d));
            }
        }
        if (sent) {
            skipBook = false;
        }
    }

    private void flushTicker() {
        ObjectNode t = engine.ticker();
        String top = t.path("bid").asText() + t.path("bid_qty").asText() + t.path("ask").asText() + t.path("ask_qty").asText();
        if (!top.equals(lastTicker)) {
            lastTicker = top;
            streams.publish("ticker:" + FakeKrakenEngine.SYMBOL, "ticker", json.createArrayNode().add(t));
        }
    }

    private void route(String endpoint, int cost, BiFunction<Map<String, String>, List<Out>, ObjectNode> handler) {
        String path = "/0/private/" + endpoint;
        server().route("POST", path, r -> privateCall(r, path, cost, handler));
    }

    private FakeResponse privateCall(RecordedRequest r, String path, int cost,
            BiFunction<Map<String, String>, List<Out>, ObjectNode> handler) {
        VenueFault fault = privateRequest();
        if (fault != null) {
            return switch (fault) {
                case RATE_LIMITED -> error("EAPI:Rate limit exceeded");
                case BANNED -> FakeResponse.rateLimited(429, 1, "{\"error\":[\"EGeneral:Too many requests\"]}");
                case BAD_SIGNATURE -> error("EAPI:Invalid signature");
                case BAD_API_KEY -> error("EAPI:Invalid key");
                case BAD_TIMESTAMP -> error("EAPI:Invalid nonce");
            };
        }
        if (!API_KEY.equals(r.header("API-Key").orElse(""))) {
            return error("EAPI:Invalid key");
        }
        Map<String, String> params = r.params();
        String nonce = params.get("nonce");
        if (nonce == null || !nonce.matches("\\d{1,19}") || !r.body().startsWith("nonce=")) {
            return error("EAPI:Invalid nonce");
        }
        if (!signature(path, nonce, r.body()).equals(r.header("API-Sign").orElse(""))) {
            return error("EAPI:Invalid signature");
        }
        synchronized (lock) {
            long n = Long.parseLong(nonce);
            if (n <= lastNonce) {
                return error("EAPI:Invalid nonce");
            }
            lastNonce = n;
            nonces.add(n);
            long now = System.currentTimeMillis();
            counter = Math.max(0, counter - (now - counterAt) * counterDecay / 1000.0);
            counterAt = now;
            if (counter + cost > counterMax) {
                return error("EAPI:Rate limit exceeded");
            }
            counter += cost;
            try {
                return ok(publishing(out -> handler.apply(params, out)));
            } catch (VenueError e) {
                return error(e.getMessage());
            }
        }
    }

    /** {@code base64(HMAC-SHA512(base64decode(secret), path || SHA256(nonce || body)))}, computed on its own. */
    private static String signature(String path, String nonce, String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(StandardCharsets.UTF_8));
            byte[] p = path.getBytes(StandardCharsets.UTF_8);
            byte[] message = new byte[p.length + hash.length];
            System.arraycopy(p, 0, message, 0, p.length);
            System.arraycopy(hash, 0, message, p.length, hash.length);
            return Base64.getEncoder().encodeToString(Hmac.mac("HmacSHA512", KeyEncoding.BASE64, SECRET, message));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private FakeResponse ok(JsonNode result) {
        ObjectNode root = json.createObjectNode();
        root.putArray("error");
        root.set("result", result);
        return FakeResponse.json(text(root));
    }

    private FakeResponse error(String error) {
        ObjectNode root = json.createObjectNode();
        root.putArray("error").add(error);
        return FakeResponse.json(text(root));
    }

    private String text(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
