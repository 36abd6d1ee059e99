package io.cambist.exchange.binance.internal;

import io.cambist.exchange.binance.internal.fake.FakeBinanceVenue;
import io.cambist.testkit.conformance.ConnectorConformanceSuite;
import io.cambist.testkit.conformance.VenueControl;

/** The test kit's connector conformance suite against the fake Binance venue on loopback. */
class BinanceConformanceTest extends ConnectorConformanceSuite {

    @Override
    protected VenueControl startVenue() {
        return new FakeBinanceVenue();
    }
}
