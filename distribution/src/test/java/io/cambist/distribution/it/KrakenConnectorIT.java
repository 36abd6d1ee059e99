package io.cambist.distribution.it;

import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** The Kraken connector's real jar in the product, against the Kraken module's fake venue (see {@link ConnectorScenarios}). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KrakenConnectorIT {

    @Inject
    BundleContext context;

    /** Runs in the driver: starts the fake venue beside the container and tells the container where it is. */
    @Configuration
    public Option[] config() {
        String url = FakeVenues.start(FakeVenues.KRAKEN);
        FakeVenues.Credentials credentials = FakeVenues.credentials(FakeVenues.KRAKEN);
        return OptionUtils.combine(CambistOptions.product("KrakenConnectorIT"),
                frameworkProperty("cambist.it.venue.url").value(url),
                frameworkProperty("cambist.it.venue.apiKey").value(credentials.apiKey()),
                frameworkProperty("cambist.it.venue.secret").value(credentials.secret()));
    }

    private ConnectorScenarios scenarios() {
        return new ConnectorScenarios(context, "kraken", url -> {
            String ws = url.replace("http://", "ws://");
            return MiniJson.obj("restUrl", url, "streamUrl", ws + "/v2", "privateStreamUrl", ws + "/auth/v2");
        });
    }

    @Test
    public void theConnectorGoesOnlineAndIsListedWithItsServiceProperties() throws Exception {
        scenarios().goesOnlineAndIsListed();
    }

    @Test
    public void aPaperTradedBotMovesToTheVenueByChangingItsAccountAlone() throws Exception {
        scenarios().paperBotMovesToTheVenueByConfigurationAlone();
    }

    @Test
    public void updatingTheConnectorBundleKeepsItsOpenOrderAndNewOrdersFlowAfter() throws Exception {
        scenarios().bundleUpdateKeepsOpenOrders();
    }

    @Test
    public void updatingTheSecurityBundlesWhileItTradesSignsEveryOrderRight() throws Exception {
        scenarios().securityBundleUpdatesSignEveryOrderRight();
    }
}
