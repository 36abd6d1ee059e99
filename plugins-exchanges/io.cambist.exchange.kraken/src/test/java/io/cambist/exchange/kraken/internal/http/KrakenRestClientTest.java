package io.cambist.exchange.kraken.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.OrderRejectedException;
import io.cambist.api.exchange.RateLimitException;
import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.Signer;
import io.cambist.connector.ServiceHolder;
import io.cambist.exchange.kraken.internal.KrakenJson;
import io.cambist.exchange.kraken.internal.dto.KrakenBalance;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenVenue;
import io.cambist.exchange.kraken.internal.fake.MemoryNonceGenerator;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.TestSigner;
import io.cambist.testkit.conformance.VenueFault;
import io.cambist.testkit.venue.FakeResponse;
import io.cambist.testkit.venue.RecordedRequest;

/** The REST client against the fake Kraken venue, which checks keys, signatures, nonces and its API counter. */
class KrakenRestClientTest {

    private final FakeKrakenVenue venue = new FakeKrakenVenue();
    private final RecordingVenueListener scheduler = new RecordingVenueListener(3);
    private final ServiceHolder<Signer> signers = new ServiceHolder<>();
    private final ServiceHolder<NonceGenerator> nonces = new ServiceHolder<>();
    private final List<String> rateLimited = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.close();
        venue.close();
    }

    private KrakenRestClient client(double counterMax, double decay, Duration maxWait) {
        signers.bind(venue.signer());
        if (nonces.await(Duration.ZERO) == null) {
            nonces.bind(new MemoryNonceGenerator());
        }
        HttpClient http = HttpClient.newBuilder().executor(scheduler.scheduler()).build();
        return new KrakenRestClient(http, scheduler.scheduler(), venue.server().httpUri(),
                new KrakenSigner("kraken-test", FakeKrakenVenue.KEY_ALIAS, signers, nonces, Duration.ofMillis(200)),
                new ApiCounter(counterMax, decay, System::currentTimeMillis), KrakenJson.mapper(), Duration.ofSeconds(3),
                maxWait, System::currentTimeMillis, new KrakenRestClient.Events() {
                    @Override
                    public void rateLimited(long until, String reason) {
                        rateLimited.add(reason);
                    }
                });
    }

    @Test
    void privateCallsAreSignedFormPostsWithTheNonceFirst() {
        Map<String, KrakenBalance> balances = KrakenRestClient.await(client(20, 1, Duration.ofSeconds(1)).balances());
        assertThat(balances.get("XXBT").balance()).isEqualByComparingTo("10");
        RecordedRequest r = venue.server().requests("POST", "/0/private/BalanceEx").get(0);
        assertThat(r.header("Content-Type")).get().asString().startsWith("application/x-www-form-urlencoded");
        assertThat(r.header("API-Key")).contains(FakeKrakenVenue.API_KEY);
        assertThat(r.header("API-Sign")).isPresent();
        assertThat(r.header("User-Agent")).get().asString().contains("cambist");
        assertThat(r.body()).matches("nonce=\\d+");
        assertThat(venue.nonces()).hasSize(1);
    }

    @Test
    void concurrentCallsReachKrakenWithStrictlyIncreasingNonces() {
        KrakenRestClient client = client(1000, 1000, Duration.ofSeconds(1));
        List<CompletableFuture<?>> calls = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    synchronized (calls) {
                        calls.add(i % 2 == 0 ? client.balances() : client.openOrders(null));
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        threads.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        calls.forEach(KrakenRestClient::await);
        List<Long> seen = venue.nonces();
        assertThat(seen).hasSize(40);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("nonce %s arrives above the one before", i).isGreaterThan(seen.get(i - 1));
        }
    }

    @Test
    void aNonceThatDoesNotIncreaseIsRefusedAsInvalidTimestamp() {
        KrakenRestClient client = client(20, 1, Duration.ofSeconds(1));
        KrakenRestClient.await(client.balances());
        nonces.bind(alias -> 1_000);
        Throwable t = catchThrowable(() -> KrakenRestClient.await(client.balances()));
        assertThat(t).isInstanceOf(InvalidTimestampException.class).hasMessageContaining("EAPI:Invalid nonce");
        assertThat(((InvalidTimestampException) t).venueCode()).isEqualTo("EAPI:Invalid nonce");
        nonces.bind(new MemoryNonceGenerator());
        KrakenRestClient.await(client.balances());
    }

    @Test
    void aWrongSecretIsRefusedAsBadSignature() {
        KrakenRestClient client = client(20, 1, Duration.ofSeconds(1));
        signers.bind(new TestSigner().key(FakeKrakenVenue.KEY_ALIAS, FakeKrakenVenue.API_KEY,
                java.util.Base64.getEncoder().encodeToString(new byte[64])));
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.balances())))
                .isExactlyInstanceOf(AuthenticationException.class).hasMessageContaining("EAPI:Invalid signature");
        signers.bind(new TestSigner().key(FakeKrakenVenue.KEY_ALIAS, "someOtherKey", FakeKrakenVenue.SECRET));
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.balances())))
                .isExactlyInstanceOf(AuthenticationException.class).hasMessageContaining("EAPI:Invalid key");
    }

    @Test
    void theLocalCounterWaitsInsteadOfHittingKrakensLimit() {
        venue.counter(3, 2);
        KrakenRestClient client = client(3, 2, Duration.ofSeconds(5));
        long start = System.nanoTime();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(client.balances());
        }
        calls.forEach(KrakenRestClient::await);
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(elapsed).as("three calls over the maximum wait about 1.5 s for the decay").isGreaterThan(1_200);
        assertThat(venue.nonces()).hasSize(6);
    }

    @Test
    void aWaitLongerThanAllowedIsRefusedLocally() {
        KrakenRestClient client = client(2, 0.1, Duration.ofMillis(100));
        KrakenRestClient.await(client.balances());
        KrakenRestClient.await(client.balances());
        long sent = venue.privateRequests();
        Throwable t = catchThrowable(() -> KrakenRestClient.await(client.balances()));
        assertThat(t).isInstanceOf(RateLimitException.class).hasMessageContaining("counter");
        assertThat(((RateLimitException) t).retryAfter()).isGreaterThan(Duration.ofSeconds(5));
        assertThat(venue.privateRequests()).as("refused before sending").isEqualTo(sent);
        assertThat(rateLimited).isNotEmpty();
    }

    @Test
    void krakensRateLimitAndHttp429AreRateLimitExceptions() {
        KrakenRestClient client = client(20, 10, Duration.ofMillis(500));
        venue.failNextPrivateRequest(VenueFault.RATE_LIMITED);
        Throwable t = catchThrowable(() -> KrakenRestClient.await(client.balances()));
        assertThat(t).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) t).retryAfter()).isPositive();
        venue.failNextPrivateRequest(VenueFault.BANNED);
        Throwable banned = catchThrowable(() -> KrakenRestClient.await(client.balances()));
        assertThat(banned).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) banned).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.balances())))
                .as("the breaker holds calls back for Retry-After").isInstanceOf(RateLimitException.class)
                .hasMessageContaining("paused");
    }

    @Test
    void orderErrorsAndLostAnswersMapToTypedExceptions() {
        KrakenRestClient client = client(20, 10, Duration.ofSeconds(1));
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.cancelOrder("nobody"))))
                .isInstanceOf(OrderNotFoundException.class).hasMessageContaining("EOrder:Unknown order");
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.addOrder(Map.of("pair", "ETHXBT", "type", "buy",
                "ordertype", "limit", "volume", "1000000", "price", "0.04500", "cl_ord_id", "big1")))))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("EOrder:Insufficient funds");
        venue.server().failNext("POST", "/0/private/AddOrder", FakeResponse.dropConnection());
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.addOrder(Map.of("pair", "ETHXBT")))))
                .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("outcome is unknown");
        venue.server().failNext("POST", "/0/private/BalanceEx", FakeResponse.malformed());
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.balances()))).hasMessageContaining("unreadable");
        KrakenRestClient.await(client.balances());
    }

    @Test
    void aMissingNonceGeneratorIsAClearError() {
        KrakenRestClient client = client(20, 10, Duration.ofSeconds(1));
        nonces.unbind(nonces.await(Duration.ZERO));
        assertThat(catchThrowable(() -> KrakenRestClient.await(client.balances())))
                .isInstanceOf(ExchangeUnavailableException.class).hasMessageContaining("NonceGenerator");
        assertThat(venue.privateRequests()).isZero();
        AtomicLong n = new AtomicLong(System.currentTimeMillis());
        nonces.bind(alias -> n.incrementAndGet());
        KrakenRestClient.await(client.balances());
    }
}
