package io.cambist.core.internal;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.strategy.Strategy;
import io.cambist.core.internal.strategy.StrategyFactory;
import io.cambist.core.internal.strategy.StrategyRunnerImpl;
import io.cambist.core.internal.strategy.StrategyType;

/**
 * Tracks the prototype {@link Strategy} services: each is a strategy type whose objects come from its
 * {@link ServiceObjects}. The first service of a factory PID gets a ManagedServiceFactory registered for it. When a
 * service unregisters (its bundle stops or updates), the removal callback runs while the old objects still work, so the
 * runner snapshots and releases them there: the hot swap.
 */
final class StrategyServices implements ServiceTrackerCustomizer<Strategy, StrategyType> {

    private final Logger logger = LoggerFactory.getLogger(StrategyServices.class);
    private final BundleContext context;
    private final StrategyRunnerImpl runner;
    private final Map<String, ServiceRegistration<ManagedServiceFactory>> factories = new HashMap<>();

    StrategyServices(BundleContext context, StrategyRunnerImpl runner) {
        this.context = context;
        this.runner = runner;
    }

    @Override
    public StrategyType addingService(ServiceReference<Strategy> ref) {
        Object type = ref.getProperty(Strategy.TYPE);
        Object pid = ref.getProperty(Strategy.FACTORY_PID);
        if (!(type instanceof String) || !(pid instanceof String) || ((String) type).isBlank()) {
            logger.warn("strategy service {} from bundle {} lacks the {} and {} properties; ignored",
                    ref.getProperty(Constants.SERVICE_ID), ref.getBundle().getSymbolicName(), Strategy.TYPE,
                    Strategy.FACTORY_PID);
            return null;
        }
        ServiceObjects<Strategy> objects = context.getServiceObjects(ref);
        if (objects == null) {
            return null;
        }
        StrategyType t = new StrategyType((String) type, (String) pid, new StrategyFactory() {
            @Override
            public Strategy create() {
                return objects.getService();
            }

            @Override
            public void release(Strategy strategy) {
                try {
                    objects.ungetService(strategy);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the service is already gone
                }
            }
        });
        synchronized (factories) {
            factories.computeIfAbsent(t.factoryPid(), p -> {
                Hashtable<String, Object> props = new Hashtable<>();
                props.put(Constants.SERVICE_PID, p);
                props.put(Constants.SERVICE_DESCRIPTION, "Cambist strategy instances of " + t.type());
                return context.registerService(ManagedServiceFactory.class, new StrategyConfigurations(p, runner), props);
            });
        }
        runner.typeAdded(t);
        return t;
    }

    @Override
    public void modifiedService(ServiceReference<Strategy> ref, StrategyType t) {
    }

    @Override
    public void removedService(ServiceReference<Strategy> ref, StrategyType t) {
        runner.typeRemoved(t);
    }

    /** Unregisters the ManagedServiceFactories. */
    void close() {
        synchronized (factories) {
            for (ServiceRegistration<ManagedServiceFactory> r : factories.values()) {
                try {
                    r.unregister();
                } catch (IllegalStateException e) {
                    // already gone
                }
            }
            factories.clear();
        }
    }
}
