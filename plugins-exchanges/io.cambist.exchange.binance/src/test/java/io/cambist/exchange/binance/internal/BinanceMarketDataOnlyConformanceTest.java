package io.cambist.exchange.binance.internal;

import io.cambist.exchange.binance.internal.fake.FakeBinanceVenue;
import io.cambist.testkit.conformance.ConnectorConformanceSuite;
import io.cambist.testkit.conformance.VenueControl;

/**
 * The conformance suite against an account without a key alias: the connector declares only market data, so the
 * order and account checks are skipped by name and the market data checks still run.
 */
class BinanceMarketDataOnlyConformanceTest extends ConnectorConformanceSuite {

    @Override
    protected VenueControl startVenue() {
        FakeBinanceVenue venue = new FakeBinanceVenue();
        venue.customize(b -> b.keyAlias(""));
        return venue;
    }
}
