package io.cambist.exchange.kraken.internal;

import io.cambist.exchange.kraken.internal.fake.FakeKrakenVenue;
import io.cambist.testkit.conformance.ConnectorConformanceSuite;
import io.cambist.testkit.conformance.VenueControl;

/**
 * The conformance suite against an account without a key alias: the connector declares only market data, so the
 * order and account checks are skipped by name and the market data checks still run.
 */
class KrakenMarketDataOnlyConformanceTest extends ConnectorConformanceSuite {

    @Override
    protected VenueControl startVenue() {
        FakeKrakenVenue venue = new FakeKrakenVenue();
        venue.customize(b -> b.keyAlias(""));
        return venue;
    }
}
