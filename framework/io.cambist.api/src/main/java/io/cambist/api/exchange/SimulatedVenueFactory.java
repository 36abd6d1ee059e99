package io.cambist.api.exchange;

import org.osgi.annotation.versioning.ConsumerType;

/** Provided by a simulated exchange bundle (the paper venue) so backtests can create private venue instances. */
@ConsumerType
public interface SimulatedVenueFactory {

    /**
     * Creates a simulated account with its own market, balances and fee model. Nothing is persisted.
     *
     * @throws IllegalArgumentException when the source cannot be read, with the reason
     */
    SimulatedVenue create(SimulationSpec spec);
}
