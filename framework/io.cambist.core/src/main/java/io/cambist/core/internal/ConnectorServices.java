package io.cambist.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.core.internal.engine.Engine;

/**
 * Binds every {@link ExchangeConnector} service to the engine under its {@code cambist.account} property. When a
 * connector bundle is updated, the old service goes (instances on the account wait, orders stay) and the new one is
 * bound and reconciled before orders flow again. A second connector for an account that already has one waits as a
 * standby and takes over when the first goes.
 */
final class ConnectorServices implements ServiceTrackerCustomizer<ExchangeConnector, ConnectorServices.Bound> {

    record Bound(String account, ExchangeConnector connector) {
    }

    private final Logger logger = LoggerFactory.getLogger(ConnectorServices.class);
    private final BundleContext context;
    private final Engine engine;
    private final Map<String, List<Bound>> byAccount = new HashMap<>();

    ConnectorServices(BundleContext context, Engine engine) {
        this.context = context;
        this.engine = engine;
    }

    @Override
    public Bound addingService(ServiceReference<ExchangeConnector> ref) {
        ExchangeConnector c = context.getService(ref);
        if (c == null) {
            return null;
        }
        Object prop = ref.getProperty(ExchangeConnector.ACCOUNT);
        String account = prop instanceof String s && !s.isBlank() ? s : null;
        if (account == null) {
            try {
                account = c.account();
            } catch (RuntimeException e) {
                account = null;
            }
        }
        if (account == null || account.isBlank()) {
            logger.warn("exchange connector from bundle {} has no {} property; ignored", ref.getBundle().getSymbolicName(),
                    ExchangeConnector.ACCOUNT);
            context.ungetService(ref);
            return null;
        }
        Bound bound = new Bound(account, c);
        boolean first;
        synchronized (byAccount) {
            List<Bound> list = byAccount.computeIfAbsent(account, a -> new ArrayList<>());
            first = list.isEmpty();
            list.add(bound);
        }
        if (first) {
            engine.bindConnector(account, c);
        } else {
            logger.warn("a second exchange connector for account '{}' (bundle {}) waits until the first one goes",
                    account, ref.getBundle().getSymbolicName());
        }
        return bound;
    }

    @Override
    public void modifiedService(ServiceReference<ExchangeConnector> ref, Bound bound) {
    }

    @Override
    public void removedService(ServiceReference<ExchangeConnector> ref, Bound bound) {
        Bound next = null;
        boolean wasActive;
        synchronized (byAccount) {
            List<Bound> list = byAccount.getOrDefault(bound.account(), new ArrayList<>());
            wasActive = !list.isEmpty() && list.get(0) == bound;
            list.remove(bound);
            if (wasActive && !list.isEmpty()) {
                next = list.get(0);
            }
        }
        if (wasActive) {
            engine.unbindConnector(bound.account(), bound.connector());
        }
        if (next != null) {
            engine.bindConnector(next.account(), next.connector());
        }
        try {
            context.ungetService(ref);
        } catch (IllegalStateException e) {
            // the core is stopping
        }
    }
}
