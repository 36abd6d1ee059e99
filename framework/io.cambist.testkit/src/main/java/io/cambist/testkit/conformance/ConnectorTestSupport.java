package io.cambist.testkit.conformance;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;

/**
 * The setup a connector's own tests (those beyond the conformance suite) share: connect and wait until ONLINE, make
 * the market move until something arrives, and finish a test by disconnecting, checking that no fill was reported
 * twice and every order moved only through legal transitions, and closing the listener and the venue.
 */
public final class ConnectorTestSupport {

    private ConnectorTestSupport() {
    }

    /** Connects the connector to the listener and waits until it reports ONLINE. */
    public static <C extends ExchangeConnector> C connect(C connector, RecordingVenueListener listener,
            Duration timeout) {
        connector.connect(listener);
        listener.awaitState(ConnectionState.ONLINE, timeout);
        return connector;
    }

    /** Makes the market move (every 30 ms) until the supplier has a value; subscriptions take a moment to start. */
    public static <T> T pump(VenueControl venue, String what, Duration timeout, Supplier<Optional<T>> check) {
        return Await.value(what, timeout, () -> {
            Optional<T> v = check.get();
            if (v.isEmpty()) {
                venue.marketActivity();
                Await.sleep(30);
            }
            return v;
        });
    }

    /**
     * Ends a test: disconnects the connector (when one was created) and checks the order events it delivered with
     * {@link ConformanceChecks#assertOrderEventsConsistent}; the listener and the venue are closed whatever happens.
     */
    public static void finish(ExchangeConnector connector, RecordingVenueListener listener, VenueControl venue) {
        try {
            if (connector != null) {
                connector.disconnect();
                ConformanceChecks.assertOrderEventsConsistent(listener.executions());
            }
        } finally {
            listener.close();
            venue.close();
        }
    }
}
