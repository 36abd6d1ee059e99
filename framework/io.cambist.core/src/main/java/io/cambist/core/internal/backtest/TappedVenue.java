package io.cambist.core.internal.backtest;

import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.Candle;
import io.cambist.core.internal.account.ForwardingConnector;

/** A simulated venue seen through a tap that remembers the last candle it published (for the equity curve). */
final class TappedVenue extends ForwardingConnector implements SimulatedVenue {

    private final SimulatedVenue venue;
    private Candle last;

    TappedVenue(SimulatedVenue venue) {
        super(venue);
        this.venue = venue;
    }

    /** The last candle published, or {@code null}. */
    Candle last() {
        return last;
    }

    @Override
    public void connect(VenueListener listener) {
        venue.connect(tapCandles(listener, c -> last = c));
    }

    @Override
    public boolean step() {
        return venue.step();
    }

    @Override
    public long time() {
        return venue.time();
    }

    @Override
    public long published() {
        return venue.published();
    }

    @Override
    public long size() {
        return venue.size();
    }
}
