package io.cambist.strategy.signal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.core.it.BareFelix;

/**
 * The built signal bundle in a small Felix with SCR, Configuration Admin and the core, as an embedded backtest runs it:
 * no HTTP, no Jakarta REST, no Jackson. It resolves (those imports are optional), registers the {@code signal}
 * strategy type, runs a bot from a factory configuration, and leaves its webhook component inactive (it waits for a
 * Jakarta REST whiteboard runtime) instead of failing on the missing packages.
 */
class SignalBundleIT {

    @TempDir
    Path tmp;
    private BareFelix felix;
    private BundleContext ctx;
    private Bundle signal;

    @BeforeEach
    void start() throws Exception {
        felix = BareFelix.start(tmp, "backtest", List.of("io.cambist.core-"), Path.of(System.getProperty("cambist.signal.jar")));
        ctx = felix.context();
        signal = felix.bundles().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theBotRunsWithoutTheRestStackAndTheWebhookWaitsForAWhiteboard() throws Exception {
        assertThat(signal.getState()).isEqualTo(Bundle.ACTIVE);
        await("the signal strategy type", () -> {
            try {
                return ctx.getServiceReferences(Strategy.class.getName(), "(" + Strategy.TYPE + "=signal)") != null;
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        ServiceReference<?> type = ctx.getServiceReferences(Strategy.class.getName(), "(" + Strategy.TYPE + "=signal)")[0];
        assertThat(type.getProperty(Strategy.FACTORY_PID)).isEqualTo("io.cambist.strategy.signal");
        assertThat(type.getProperty(Constants.SERVICE_SCOPE)).isEqualTo(Constants.SCOPE_PROTOTYPE);
        assertThat(ctx.getServiceReferences("jakarta.ws.rs.core.Application", null)).as("no webhook without a whiteboard")
                .isNull();

        await("the strategy runner", () -> ctx.getServiceReference(StrategyRunner.class) != null);
        StrategyRunner runner = ctx.getService(ctx.getServiceReference(StrategyRunner.class));
        await("configuration admin", () -> ctx.getServiceReference(ConfigurationAdmin.class) != null);
        ConfigurationAdmin cm = ctx.getService(ctx.getServiceReference(ConfigurationAdmin.class));
        Configuration c = cm.getFactoryConfiguration("io.cambist.strategy.signal", "tv", "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("instrument", "BTC/USDT");
        p.put("webhookKey", "tv-key");
        p.put("defaultQuote", "100");
        c.update(p);
        await("bot tv", () -> runner.instance("tv").isPresent());
        assertThat(runner.types()).contains("signal");
        assertThat(runner.instance("tv").orElseThrow().type()).isEqualTo("signal");
        // no venue account in this framework: the bot waits for it, the signal type itself is there
        assertThat(runner.instance("tv").orElseThrow().reason()).contains("waiting for account 'paper'");
    }
}
