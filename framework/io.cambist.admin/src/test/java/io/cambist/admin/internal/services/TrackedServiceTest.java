package io.cambist.admin.internal.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.testing.TestFramework;
import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.NonceStoreStats;

class TrackedServiceTest {

    private TestFramework felix;
    private TrackedService<NonceStore> tracked;

    @BeforeEach
    void start() throws Exception {
        felix = new TestFramework();
        tracked = new TrackedService<>(felix.context(), NonceStore.class, "nonce store", "the io.cambist.security.nonce bundle")
                .open();
    }

    @AfterEach
    void stop() throws Exception {
        tracked.close();
        felix.close();
    }

    private ServiceRegistration<NonceStore> register(String type, int ranking) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, ranking);
        return felix.context().registerService(NonceStore.class, new NonceStore() {
            @Override
            public NonceResult claim(String keyId, String nonce, long timestampMillis) {
                return NonceResult.ACCEPTED;
            }

            @Override
            public long windowMillis() {
                return 0;
            }

            @Override
            public NonceStoreStats stats() {
                return new NonceStoreStats(type, 0, 0, 0, 0, 0, 0);
            }
        }, props);
    }

    @Test
    void absentServiceIs503NamingItsBundle() {
        assertThat(tracked.get()).isNull();
        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, tracked::require);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.body().error()).isEqualTo("nonce store unavailable");
        assertThat(e.body().detail()).contains("io.cambist.security.nonce");
    }

    @Test
    void theBestRankedServiceComesFirstAndGoneMeansGone() {
        ServiceRegistration<NonceStore> low = register("memory", 0);
        ServiceRegistration<NonceStore> high = register("file", 10);
        assertThat(tracked.get().stats().type()).isEqualTo("file");
        List<NonceStore> all = tracked.all();
        assertThat(all).extracting(s -> s.stats().type()).containsExactly("file", "memory");
        high.unregister();
        assertThat(tracked.get().stats().type()).isEqualTo("memory");
        low.unregister();
        assertThat(tracked.get()).isNull();
        assertThat(tracked.all()).isEmpty();
    }

    @Test
    void awaitWaitsForAServiceThatComesAndGivesUpOnOneThatDoesNot() throws Exception {
        long start = System.nanoTime();
        assertThat(tracked.await(100)).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(90);
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            register("memory", 0);
        });
        later.start();
        assertThat(tracked.await(5_000)).isNotNull();
        later.join();
    }
}
