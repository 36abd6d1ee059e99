package io.cambist.distribution.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Each plugin bundle shipped in {@code bundles/6} registers its services in the real platform with the properties the
 * core, the admin API and the other plugins look them up by; and a broken plugin (an activator that throws, a
 * strategy that throws) fails alone while the container keeps trading.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginServicesIT {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return CambistOptions.product("PluginServicesIT");
    }

    @Test
    public void everyShippedPluginRegistersItsServicesWithTheExpectedProperties() throws Exception {
        new Product(context).admin();

        // paper: the demo account from etc/, and the simulated venues for backtests
        service("io.cambist.api.exchange.ExchangeConnector", "(&(cambist.account=paper)(cambist.venue=paper))",
                "io.cambist.exchange.paper");
        service("io.cambist.api.exchange.SimulatedVenueFactory", "(cambist.venue=paper)", "io.cambist.exchange.paper");
        // security: signing, verification and the schemes; replay protection and outbound nonces; keys and audit
        service("io.cambist.api.security.Signer", null, "io.cambist.security.hmac");
        service("io.cambist.api.security.RequestVerifier", null, "io.cambist.security.hmac");
        for (String scheme : List.of("binance", "kraken", "coinbase", "cambist")) {
            service("io.cambist.api.security.SignatureScheme", "(scheme=" + scheme + ")", "io.cambist.security.hmac");
        }
        service("io.cambist.api.security.NonceStore", null, "io.cambist.security.nonce");
        service("io.cambist.api.security.NonceGenerator", null, "io.cambist.security.nonce");
        service("io.cambist.api.security.KeyRing", null, "io.cambist.security.vault");
        service("io.cambist.api.security.AuditLog", null, "io.cambist.security.vault");
        // strategies: prototype services with their type and factory PID
        for (String type : List.of("smacross", "grid", "dca", "signal")) {
            ServiceReference<?> ref = service("io.cambist.api.strategy.Strategy",
                    "(&(cambist.strategy.type=" + type + ")(cambist.strategy.pid=io.cambist.strategy." + type + "))",
                    "io.cambist.strategy." + type);
            assertEquals(type + " objects per bot", Constants.SCOPE_PROTOTYPE, ref.getProperty(Constants.SERVICE_SCOPE));
        }
        // the signal bot's webhook is its own REST application, outside /api/v1
        service("jakarta.ws.rs.core.Application", "(osgi.jakartars.application.base=*webhooks*)",
                "io.cambist.strategy.signal");
        // connectors: active, and no account until one is configured
        for (String venue : List.of("binance", "kraken")) {
            Bundle bundle = new Product(context).bundle("io.cambist.exchange." + venue).orElseThrow();
            assertEquals(venue + " bundle state", Bundle.ACTIVE, bundle.getState());
            assertEquals(venue + " connectors without a configuration", 0,
                    refs("io.cambist.api.exchange.ExchangeConnector", "(cambist.venue=" + venue + ")").size());
        }
    }

    @Test
    public void aBrokenPluginFailsAloneWhileTheContainerKeepsTrading() throws Exception {
        Product product = new Product(context);
        AdminClient admin = product.admin();
        Ops.paperAccount(admin, "plugins", MiniJson.obj("instrument", "BTC/USDT", "source", "synthetic", "speed", "20",
                "balances", "USDT=100000,BTC=1"));
        Ops.awaitOnline(admin, "plugins", Ops.WAIT);

        // a bundle whose activator throws: installed, not started, the reason given
        AdminClient.Response broken = Ops.expect(201, admin.post("/bundles", TestBundles.broken(), Ops.JAR), "install broken");
        Map<String, Object> view = MiniJson.object(broken.body());
        assertNotEquals("ACTIVE", view.get("state"));
        // the admin API reports Felix's message; the activator's own exception message is not in it (see the report)
        assertTrue("problem: " + view, String.valueOf(view.get("problem")).contains("not started"));

        // a strategy whose third candle throws: that bot alone is FAILED
        Ops.install(admin, TestBundles.recorder("io.cambist.it.flaky", "1.0.0", "flaky"));
        Ops.awaitType(admin, "flaky");
        Ops.bot(admin, "flaky", "steady", "BTC/USDT", "plugins", Map.of());
        Ops.bot(admin, "flaky", "failing", "BTC/USDT", "plugins", MiniJson.obj("failAt", 3));
        Map<String, Object> failed = Ops.awaitBot(admin, "failing", "FAILED", Ops.WAIT);
        assertTrue("reason: " + failed, String.valueOf(failed.get("reason")).contains("recorder told to fail at candle 3"));

        long steady = processed(admin, "steady");
        long demo = processed(admin, "demo");
        int orders = Ops.orders(admin, "account=plugins").size();
        Poll.until("the other bots to keep trading", Ops.WAIT, () -> {
            long s = processed(admin, "steady");
            long d = processed(admin, "demo");
            int o = Ops.orders(admin, "account=plugins").size();
            return s > steady + 20 && d > demo && o > orders + 5 ? Poll.Probe.done(s)
                    : Poll.Probe.waiting("steady " + s + ", demo " + d + ", orders " + o);
        });
        assertEquals("RUNNING", MiniJson.object(admin.get("/strategies/steady").body()).get("state"));
        assertEquals("RUNNING", MiniJson.object(admin.get("/strategies/demo").body()).get("state"));
        assertEquals("FAILED", MiniJson.object(admin.get("/strategies/failing").body()).get("state"));
        List<String> notActive = new ArrayList<>();
        CambistOptions.platformJars().forEach((name, jar) -> {
            Bundle b = context.getBundle(jar.location());
            if (!jar.fragment() && b.getState() != Bundle.ACTIVE) {
                notActive.add(name);
            }
        });
        assertEquals("shipped bundles not active", List.of(), notActive);
        assertEquals(200, admin.get("/health").status());
    }

    private static long processed(AdminClient admin, String bot) {
        return MiniJson.decimal(MiniJson.object(Ops.expect(200, admin.get("/strategies/" + bot), bot).body()), "processed")
                .longValue();
    }

    /** Waits for exactly one service of the class and filter, registered by the bundle; returns it. */
    private ServiceReference<?> service(String className, String filter, String bundle) throws InterruptedException {
        List<ServiceReference<?>> found = Poll.until(className + " " + filter, Ops.WAIT, () -> {
            List<ServiceReference<?>> refs = refs(className, filter);
            return refs.isEmpty() ? Poll.Probe.waiting("none") : Poll.Probe.done(refs);
        });
        assertEquals(className + " " + filter + ": one service", 1, found.size());
        assertEquals(className + " " + filter + " registered by", bundle, found.get(0).getBundle().getSymbolicName());
        return found.get(0);
    }

    private List<ServiceReference<?>> refs(String className, String filter) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(className, filter);
            return refs == null ? List.of() : Arrays.asList(refs);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
