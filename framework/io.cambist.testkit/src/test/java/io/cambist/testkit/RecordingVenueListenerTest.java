package io.cambist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Trade;

class RecordingVenueListenerTest {

    private final Instrument ethBtc = Instrument.of("ETH", "BTC");

    @Test
    void recordsEventsDeliveredFromItsOwnScheduler() {
        try (RecordingVenueListener l = new RecordingVenueListener(2)) {
            l.scheduler().schedule(() -> l.onMarketEvent(new Trade("a", ethBtc, "1", BigDecimal.ONE, BigDecimal.ONE, null, 1)),
                    20, TimeUnit.MILLISECONDS);
            Trade t = l.awaitMarketEvent(Trade.class, x -> x.tradeId().equals("1"), Duration.ofSeconds(2));
            assertThat(t.source()).isEqualTo("a");
            assertThat(l.marketEvents(Trade.class)).hasSize(1);
        }
    }

    @Test
    void awaitsTheNewestState() {
        try (RecordingVenueListener l = new RecordingVenueListener()) {
            l.onStatus(ConnectionStatus.of(ConnectionState.CONNECTING, "starting", 1));
            assertThatThrownBy(() -> l.awaitState(ConnectionState.ONLINE, Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("CONNECTING");
            l.onStatus(ConnectionStatus.online(2));
            assertThat(l.awaitState(ConnectionState.ONLINE, Duration.ofSeconds(1)).since()).isEqualTo(2);
        }
    }

    @Test
    void closeStopsTheScheduler() {
        RecordingVenueListener l = new RecordingVenueListener();
        l.close();
        assertThat(l.scheduler().isShutdown()).isTrue();
    }
}
