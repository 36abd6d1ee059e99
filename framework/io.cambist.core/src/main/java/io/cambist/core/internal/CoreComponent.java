package io.cambist.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.backtest.BacktestService;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExchangeRegistry;
import io.cambist.api.exchange.SimulatedVenueFactory;
import io.cambist.api.order.OrderService;
import io.cambist.api.portfolio.Portfolio;
import io.cambist.api.risk.RiskRule;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.core.internal.backtest.BacktestServiceImpl;
import io.cambist.core.internal.dispatch.Dispatcher;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.engine.SharedScheduler;

/**
 * The core as a DS component: builds the {@link Engine} (journal under {@code <cambist.data>/journal}, the shared
 * scheduler, per-instance queues on the strategy pool), registers the core's services, and tracks connectors, risk
 * rules, strategy types and the simulated venue factory. Everything else is plain Java in the engine.
 */
@Component(immediate = true, service = {}, configurationPid = CoreConstants.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CoreConfiguration.class)
public class CoreComponent {

    private final Logger logger = LoggerFactory.getLogger(CoreComponent.class);
    private final BundleContext context;
    private final CoreExecutors executors;
    private final Engine engine;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final StrategyServices strategyServices;
    private final ServiceTracker<SimulatedVenueFactory, SimulatedVenueFactory> venueFactories;

    @Activate
    public CoreComponent(BundleContext context, CoreConfiguration config, @Reference RiskSettings risk) {
        this.context = context;
        this.executors = new CoreExecutors(config.schedulerThreads(), config.strategyThreads());
        ScheduledExecutorService shared = new SharedScheduler(executors.scheduler);
        String mode = context.getProperty(CoreConstants.MODE);
        Engine.Builder builder = Engine.builder()
                .scheduler(shared)
                .dispatcher(Dispatcher.serial(executors.strategies, executors.venueCalls))
                .riskLimits(risk.limits())
                .queueCapacity(config.queueCapacity())
                .sendWaitMillis(config.sendWaitSeconds() * 1000L)
                .snapshotIntervalMillis(config.snapshotIntervalSeconds() * 1000L)
                .balanceRefreshMillis(config.balanceRefreshSeconds() * 1000L);
        if (!"backtest".equals(mode)) {
            builder.journal(dataArea(CoreConstants.JOURNAL_AREA), config.journalSegmentMegabytes() * 1024L * 1024L);
        }
        Engine built;
        try {
            built = builder.build();
        } catch (RuntimeException e) {
            executors.shutdown();
            throw e;
        }
        this.engine = built;
        risk.onChange(engine::riskLimits);

        Hashtable<String, Object> schedulerProps = new Hashtable<>();
        schedulerProps.put(CoreConstants.SCHEDULER, "shared");
        registrations.add(context.registerService(ScheduledExecutorService.class, shared, schedulerProps));
        registrations.add(context.registerService(OrderService.class, engine.orders(), null));
        registrations.add(context.registerService(Portfolio.class, engine.portfolio(), null));
        registrations.add(context.registerService(StrategyRunner.class, engine.runner(), null));
        registrations.add(context.registerService(ExchangeRegistry.class, engine.accounts(), null));

        venueFactories = new ServiceTracker<>(context, SimulatedVenueFactory.class, null);
        venueFactories.open();
        trackers.add(venueFactories);
        registrations.add(context.registerService(BacktestService.class, new BacktestServiceImpl(
                venueFactories::getService, engine.runner()::type, engine.runner()::types), null));

        track(RiskRule.class, new ServiceTrackerCustomizer<RiskRule, RiskRule>() {
            @Override
            public RiskRule addingService(ServiceReference<RiskRule> ref) {
                RiskRule rule = context.getService(ref);
                if (rule != null) {
                    engine.addRiskRule(rule);
                }
                return rule;
            }

            @Override
            public void modifiedService(ServiceReference<RiskRule> ref, RiskRule rule) {
            }

            @Override
            public void removedService(ServiceReference<RiskRule> ref, RiskRule rule) {
                engine.removeRiskRule(rule);
                context.ungetService(ref);
            }
        });
        track(ExchangeConnector.class, new ConnectorServices(context, engine));
        strategyServices = new StrategyServices(context, engine.runner());
        track(Strategy.class, strategyServices);
        logger.info("Cambist core started ({} mode{})", mode == null ? "run" : mode,
                "backtest".equals(mode) ? ", no journal" : "");
    }

    private <S, T> void track(Class<S> type, ServiceTrackerCustomizer<S, T> customizer) {
        ServiceTracker<S, T> t = new ServiceTracker<>(context, type, customizer);
        t.open();
        trackers.add(t);
    }

    private Path dataArea(String area) {
        String data = context.getProperty(CoreConstants.DATA);
        try {
            if (data == null || data.isBlank()) {
                Path tmp = Files.createTempDirectory("cambist-" + area + "-");
                logger.warn("framework property {} is not set; the {} lives in {} and is lost on reboot",
                        CoreConstants.DATA, area, tmp);
                return tmp;
            }
            Path dir = Path.of(data).resolve(area);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the " + area + " directory under " + data + ": " + e.getMessage()
                    + " (check that the data directory is writable)", e);
        }
    }

    @Deactivate
    void deactivate() {
        // strategies first (their removal snapshots the instances), then connectors, rules, the rest
        for (int i = trackers.size() - 1; i >= 0; i--) {
            trackers.get(i).close();
        }
        strategyServices.close();
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already unregistered
            }
        }
        engine.close();
        executors.shutdown();
        logger.info("Cambist core stopped");
    }
}
