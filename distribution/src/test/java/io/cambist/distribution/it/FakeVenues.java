package io.cambist.distribution.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.cambist.api.model.ClientOrderId;
import io.cambist.exchange.binance.internal.fake.FakeBinanceVenue;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenVenue;
import io.cambist.testkit.conformance.VenueControl;
import io.cambist.testkit.venue.FakeResponse;
import io.cambist.testkit.venue.FakeVenueServer;

/**
 * <b>Driver side only.</b> Runs the connector modules' own fake venues (from their test-jars) beside the Pax Exam
 * container, on the test JVM's class path, and adds two control routes so the tests inside the container can drive
 * them over loopback HTTP without sharing classes:
 * <ul>
 * <li>{@code GET /it/orders}: the client order ids of every order request that reached the venue, in arrival order
 * ({@code {"ids": [...]}});</li>
 * <li>{@code POST /it/fill?id=<clientOrderId>}: a counterparty fills the resting order.</li>
 * </ul>
 * Started from a test class's {@code @Configuration} method (which runs in the driver); never load this class in the
 * container.
 */
public final class FakeVenues {

    public static final String BINANCE = "binance";
    public static final String KRAKEN = "kraken";

    /** The constants of the fake accounts, which the container-side tests need to import the key into the vault. */
    public record Credentials(String apiKey, String secret) {
    }

    private static final Map<String, VenueControl> RUNNING = new ConcurrentHashMap<>();
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private FakeVenues() {
    }

    /** Starts the venue once per test JVM (stopped when the JVM ends); returns its {@code http://127.0.0.1:<port>}. */
    public static synchronized String start(String venue) {
        if (RUNNING.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(FakeVenues::stopAll, "fake-venues-stop"));
        }
        return URLS.computeIfAbsent(venue, v -> {
            FakeVenueServer server;
            VenueControl control;
            String orderPath;
            String idParam;
            if (v.equals(BINANCE)) {
                FakeBinanceVenue binance = new FakeBinanceVenue();
                control = binance;
                server = binance.server();
                orderPath = "/api/v3/order";
                idParam = "newClientOrderId";
            } else if (v.equals(KRAKEN)) {
                FakeKrakenVenue kraken = new FakeKrakenVenue();
                control = kraken;
                server = kraken.server();
                orderPath = "/0/private/AddOrder";
                idParam = "cl_ord_id";
            } else {
                throw new IllegalArgumentException("no fake venue " + v);
            }
            server.route("GET", "/it/orders", r -> FakeResponse.json("{\"ids\":[" + server.requests("POST", orderPath)
                    .stream().map(q -> q.params().get(idParam)).filter(id -> id != null)
                    .map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}"));
            server.route("POST", "/it/fill", r -> {
                control.fillRestingOrder(ClientOrderId.of(r.params().get("id")));
                return FakeResponse.json("{}");
            });
            RUNNING.put(v, control);
            return server.httpUri().toString();
        });
    }

    /** The fake account's API key and secret. */
    public static Credentials credentials(String venue) {
        return venue.equals(BINANCE) ? new Credentials(FakeBinanceVenue.API_KEY, FakeBinanceVenue.SECRET)
                : new Credentials(FakeKrakenVenue.API_KEY, FakeKrakenVenue.SECRET);
    }

    /** Stops every venue started in this JVM. */
    public static synchronized void stopAll() {
        for (VenueControl v : List.copyOf(RUNNING.values())) {
            v.close();
        }
        RUNNING.clear();
        URLS.clear();
    }
}
