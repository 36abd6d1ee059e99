package io.cambist.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;
import io.cambist.testkit.RecordingVenueListener;
import io.cambist.testkit.venue.BareFakeVenue;

/** Connect waits for ONLINE, pump moves the market until something arrives, finish checks and always closes. */
class ConnectorTestSupportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A connector whose connect publishes ONLINE, and whose disconnect is recorded; other methods are not used. */
    private static ExchangeConnector connector(AtomicBoolean disconnected) {
        return (ExchangeConnector) Proxy.newProxyInstance(ExchangeConnector.class.getClassLoader(),
                new Class<?>[] {ExchangeConnector.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "connect" -> ((VenueListener) args[0]).onStatus(ConnectionStatus.online(1));
                        case "disconnect" -> disconnected.set(true);
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    @Test
    void connectWaitsForOnlineAndPumpMovesTheMarketUntilAValueArrives() {
        AtomicBoolean disconnected = new AtomicBoolean();
        try (RecordingVenueListener listener = new RecordingVenueListener(); BareFakeVenue venue = new BareFakeVenue()) {
            ExchangeConnector c = ConnectorTestSupport.connect(connector(disconnected), listener, TIMEOUT);
            assertThat(c).isNotNull();
            assertThat(listener.lastStatus()).get().extracting(ConnectionStatus::state).isEqualTo(ConnectionState.ONLINE);
            String value = ConnectorTestSupport.pump(venue, "three moves", TIMEOUT,
                    () -> venue.moves.get() >= 3 ? Optional.of("moved") : Optional.empty());
            assertThat(value).isEqualTo("moved");
            assertThat(venue.moves.get()).isEqualTo(3);
        }
    }

    @Test
    void finishFailsOnADuplicateFillAndStillClosesEverything() {
        AtomicBoolean disconnected = new AtomicBoolean();
        RecordingVenueListener listener = new RecordingVenueListener();
        BareFakeVenue venue = new BareFakeVenue();
        ClientOrderId id = ClientOrderId.of("a");
        Instrument i = Instrument.of("ETH", "BTC");
        VenueOrder o = new VenueOrder(id, null, i, Side.BUY, OrderType.LIMIT, OrderStatus.PARTIALLY_FILLED,
                BigDecimal.ONE, new BigDecimal("0.5"), null, BigDecimal.ONE, null, 0);
        Fill f = new Fill("t1", id, null, i, Side.BUY, BigDecimal.ONE, new BigDecimal("0.5"), null, null, null, 0);
        listener.onExecution(new ExecutionReport("acc", o, f));
        listener.onExecution(new ExecutionReport("acc", o, f));
        assertThatThrownBy(() -> ConnectorTestSupport.finish(connector(disconnected), listener, venue))
                .isInstanceOf(AssertionError.class);
        assertThat(disconnected).isTrue();
        assertThat(venue.closed).isTrue();
    }

    @Test
    void finishWithoutAConnectorOnlyCloses() {
        BareFakeVenue venue = new BareFakeVenue();
        ConnectorTestSupport.finish(null, new RecordingVenueListener(), venue);
        assertThat(venue.closed).isTrue();
    }
}
