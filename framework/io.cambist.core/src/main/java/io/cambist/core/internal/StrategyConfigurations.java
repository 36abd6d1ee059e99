package io.cambist.core.internal;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.core.internal.strategy.StrategyRunnerImpl;

/** The ManagedServiceFactory of one strategy factory PID: one configuration = one strategy instance. */
final class StrategyConfigurations implements ManagedServiceFactory {

    private final Logger logger = LoggerFactory.getLogger(StrategyConfigurations.class);
    private final String factoryPid;
    private final StrategyRunnerImpl runner;

    StrategyConfigurations(String factoryPid, StrategyRunnerImpl runner) {
        this.factoryPid = factoryPid;
        this.runner = runner;
    }

    @Override
    public String getName() {
        return "Cambist strategy instances of " + factoryPid;
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) throws ConfigurationException {
        Map<String, Object> map = new HashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            map.put(k, properties.get(k));
        }
        try {
            runner.configure(pid, factoryPid, map);
        } catch (RuntimeException e) {
            logger.warn("strategy configuration {} could not be applied: {}", pid, e.getMessage());
            throw new ConfigurationException(null, e.getMessage(), e);
        }
    }

    @Override
    public void deleted(String pid) {
        runner.remove(pid);
    }
}
