package io.cambist.core.it;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static io.cambist.core.internal.testing.LiveEngine.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.backtest.BacktestService;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExchangeRegistry;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.SimulatedVenueFactory;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderService;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.portfolio.Portfolio;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.api.strategy.StrategyState;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.RecordingStrategy;
import io.cambist.core.internal.testing.TestVenue;

/**
 * The core bundle (the built jar) in a real Felix with SCR and Configuration Admin: its services appear, strategy
 * instances come from factory configurations, connectors and strategy types come and go as services, the global risk
 * PID applies, and a restart of the bundle restores orders and snapshots from the journal.
 */
class CoreBundleIT {

    @TempDir
    Path tmp;
    private BareFelix felix;
    private BundleContext ctx;
    private Bundle core;

    @BeforeEach
    void start() throws Exception {
        felix = BareFelix.start(tmp, "run", List.of(), Path.of(System.getProperty("cambist.core.jar")));
        ctx = felix.context();
        core = felix.bundles().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    private <T> T service(Class<T> type) {
        await(type.getSimpleName() + " service", () -> ctx.getServiceReference(type) != null);
        return ctx.getService(ctx.getServiceReference(type));
    }

    private ServiceRegistration<?> registerType(String type, Supplier<Strategy> objects) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Strategy.TYPE, type);
        p.put(Strategy.FACTORY_PID, "test." + type);
        return ctx.registerService(Strategy.class.getName(), new PrototypeServiceFactory<Strategy>() {
            @Override
            public Strategy getService(Bundle bundle, ServiceRegistration<Strategy> registration) {
                return objects.get();
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Strategy> registration, Strategy service) {
            }
        }, p);
    }

    private static Dictionary<String, Object> dict(Object... kv) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1]);
        }
        return d;
    }

    private static StrategyState state(StrategyRunner runner, String id) {
        return runner.instance(id).map(s -> s.state()).orElse(null);
    }

    @Test
    void theCoreRunsBotsFromConfigurationsAndSurvivesARestartOfItsBundle() throws Exception {
        StrategyRunner runner = service(StrategyRunner.class);
        OrderService orders = service(OrderService.class);
        service(Portfolio.class);
        ExchangeRegistry registry = service(ExchangeRegistry.class);
        ConfigurationAdmin cm = service(ConfigurationAdmin.class);
        ServiceReference<?>[] schedulers = ctx.getServiceReferences(ScheduledExecutorService.class.getName(),
                "(cambist.scheduler=shared)");
        assertThat(schedulers).hasSize(1);
        ScheduledExecutorService shared = (ScheduledExecutorService) ctx.getService(schedulers[0]);
        assertThatThrownBy(shared::shutdown).isInstanceOf(UnsupportedOperationException.class);

        TestVenue venue = new TestVenue("paper", ETH_BTC, CandleData.flat(ETH_BTC, 0, 100, "0.1"),
                Map.of("BTC", BigDecimal.ONE), d("0.001"), d("0.001"));
        ctx.registerService(ExchangeConnector.class, venue, dict(ExchangeConnector.ACCOUNT, "paper",
                ExchangeConnector.VENUE, "test"));
        await("account reconciled", () -> registry.account("paper").map(a -> a.reconciled()).orElse(false));

        List<RecordingStrategy> made = Collections.synchronizedList(new ArrayList<>());
        ServiceRegistration<?> v1 = registerType("rec", () -> {
            RecordingStrategy s = new RecordingStrategy();
            made.add(s);
            return s;
        });
        Configuration demo = cm.getFactoryConfiguration("test.rec", "demo", "?");
        demo.update(dict("instrument", "ETH/BTC", "fast", "7"));
        await("demo running", () -> state(runner, "demo") == StrategyState.RUNNING);
        assertThat(runner.types()).containsExactly("rec");
        assertThat(runner.instance("demo").orElseThrow().parameters()).containsEntry("fast", "7")
                .doesNotContainKey("service.factoryPid");
        venue.step();
        venue.step();
        await("two candles", () -> made.get(0).candles() == 2);

        // global risk limits from their own PID, applied live
        cm.getConfiguration("io.cambist.core.risk", "?").update(dict("maxOpenOrders", 1));
        Order first = made.get(0).ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.05")));
        assertThat(first.status()).isEqualTo(OrderStatus.PENDING_NEW);
        await("risk limit applied", () -> {
            Order probe = made.get(0).ctx.submit(OrderRequest.limit(ETH_BTC, Side.BUY, d("1"), d("0.04")));
            if (probe.status() == OrderStatus.REJECTED) {
                return probe.reason().startsWith("max-open-orders: ");
            }
            made.get(0).ctx.cancel(probe.clientOrderId()); // the configuration has not arrived yet
            return false;
        });
        await("one order open", () -> orders.orders(OrderQuery.open()).size() == 1);

        // the strategy bundle is updated: service goes, new one comes
        v1.unregister();
        await("paused", () -> state(runner, "demo") == StrategyState.PAUSED);
        venue.step();
        registerType("rec", () -> {
            RecordingStrategy s = new RecordingStrategy();
            made.add(s);
            return s;
        });
        await("running on the new code", () -> state(runner, "demo") == StrategyState.RUNNING && made.size() == 2);
        await("queued candle delivered", () -> made.get(1).candles() == 3);
        assertThat(made.get(1).restored.get("candles")).isEqualTo("2");
        assertThat(made.get(1).ctx.openOrders()).extracting(Order::clientOrderId).contains(first.clientOrderId());

        // a backtest through the service, on a simulated venue from the factory service
        ctx.registerService(SimulatedVenueFactory.class, spec -> new TestVenue(spec.account(), ETH_BTC,
                ((MarketSource.Candles) spec.source()).candles(), spec.balances(), spec.makerFee(), spec.takerFee()), null);
        BacktestService backtests = service(BacktestService.class);
        BacktestReport report = backtests.run(new BacktestRequest("rec", new MarketSource.Candles(ETH_BTC,
                CandleData.flat(ETH_BTC, 0, 10, "0.1")), Map.of(), Map.of(), null, null, null), null);
        assertThat(report.candles()).isEqualTo(10);
        assertThat(backtests.toJson(report)).contains("\"strategyType\": \"rec\"");

        // the core bundle restarts (update, crash-free restart): orders and snapshots come back from the journal
        int before = made.size(); // the backtest made one object too
        int placed = venue.placeCalls();
        core.stop();
        assertThat(Files.list(tmp.resolve("data").resolve("journal")).count()).isPositive();
        core.start();
        StrategyRunner runner2 = service(StrategyRunner.class);
        OrderService orders2 = service(OrderService.class);
        await("demo running again", () -> state(runner2, "demo") == StrategyState.RUNNING);
        assertThat(orders2.order(first.clientOrderId())).hasValueSatisfying(o -> assertThat(o.status())
                .isEqualTo(OrderStatus.NEW));
        await("third incarnation", () -> made.size() == before + 1);
        assertThat(made.get(before).restored.get("candles")).isEqualTo("3");
        assertThat(orders2.orders(OrderQuery.open())).hasSize(1);
        assertThat(venue.placeCalls()).as("reconciled, not re-sent").isEqualTo(placed);

        demo.delete();
        await("instance removed", () -> runner2.instance("demo").isEmpty());
        await("its order cancelled", () -> venue.status(first.clientOrderId()) == OrderStatus.CANCELED);
        assertThat(orders).isNotNull();
    }
}
