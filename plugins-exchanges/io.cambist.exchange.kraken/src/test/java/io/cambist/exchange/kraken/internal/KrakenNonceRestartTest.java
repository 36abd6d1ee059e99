package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenVenue;
import io.cambist.exchange.kraken.internal.fake.FileBackedNonceGenerator;
import io.cambist.exchange.kraken.internal.fake.MemoryNonceGenerator;
import io.cambist.testkit.RecordingVenueListener;

/**
 * Nonces keep increasing across a connector restart when the generator persists its high-water mark. The clock is
 * frozen so that every nonce is "last + 1" above the clock: exactly the case where a generator that forgot its state
 * would repeat a nonce and Kraken would answer {@code EAPI:Invalid nonce}, which the control case shows.
 */
class KrakenNonceRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long FROZEN = System.currentTimeMillis();

    private final FakeKrakenVenue venue = new FakeKrakenVenue();

    @AfterEach
    void close() {
        venue.close();
    }

    private int session(KrakenConnector connector, int calls) {
        try (RecordingVenueListener listener = new RecordingVenueListener()) {
            connector.connect(listener);
            listener.awaitState(ConnectionState.ONLINE, TIMEOUT);
            for (int i = 0; i < calls; i++) {
                assertThat(connector.balances()).isNotEmpty();
            }
            connector.disconnect();
            return calls;
        }
    }

    @Test
    void noncesKeepIncreasingAcrossARestart(@TempDir Path dir) {
        Path marks = dir.resolve("kraken-test.hwm");
        venue.nonceGenerator(new FileBackedNonceGenerator(marks, () -> FROZEN));
        session(venue.createKrakenConnector(), 3);
        int before = venue.nonces().size();

        venue.nonceGenerator(new FileBackedNonceGenerator(marks, () -> FROZEN));
        session(venue.createKrakenConnector(), 3);

        List<Long> seen = venue.nonces();
        assertThat(seen.size()).as("every call of the second run was accepted").isEqualTo(before * 2);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).isGreaterThan(seen.get(i - 1));
        }
        assertThat(seen.get(0)).isEqualTo(FROZEN);
    }

    @Test
    void aGeneratorThatForgetsItsStateIsRefusedByKraken(@TempDir Path dir) {
        venue.nonceGenerator(new FileBackedNonceGenerator(dir.resolve("kraken-test.hwm"), () -> FROZEN));
        session(venue.createKrakenConnector(), 3);

        venue.nonceGenerator(new MemoryNonceGenerator(() -> FROZEN));
        KrakenConnector forgetful = venue.createKrakenConnector();
        try (RecordingVenueListener listener = new RecordingVenueListener()) {
            forgetful.connect(listener);
            Throwable t = catchThrowable(forgetful::balances);
            assertThat(t).isInstanceOf(InvalidTimestampException.class).hasMessageContaining("EAPI:Invalid nonce");
            forgetful.disconnect();
        }
    }
}
