package io.cambist.exchange.kraken.internal;

import io.cambist.exchange.kraken.internal.fake.FakeKrakenVenue;
import io.cambist.testkit.conformance.ConnectorConformanceSuite;
import io.cambist.testkit.conformance.VenueControl;

/** The test kit's connector conformance suite against the fake Kraken venue on loopback. */
class KrakenConformanceTest extends ConnectorConformanceSuite {

    @Override
    protected VenueControl startVenue() {
        return new FakeKrakenVenue();
    }

    @Override
    protected int maxClientOrderIdLength() {
        return KrakenConstants.MAX_FREE_TEXT_CL_ORD_ID;
    }
}
