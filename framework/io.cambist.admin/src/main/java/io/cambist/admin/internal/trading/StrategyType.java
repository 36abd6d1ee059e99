package io.cambist.admin.internal.trading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.cambist.api.strategy.Strategy;

/**
 * A strategy type a bundle offers, read from its {@link Strategy} service's properties (the service itself, a
 * prototype, is never fetched).
 *
 * @param type       the short name, e.g. {@code grid}
 * @param factoryPid the factory PID of its configurations
 * @param bundleId   the providing bundle
 * @param bundle     its symbolic name
 */
public record StrategyType(String type, String factoryPid, long bundleId, String bundle) {

    /** The types registered now, sorted by type; the best-ranked service wins when two offer one type. */
    public static Supplier<List<StrategyType>> registry(BundleContext context) {
        return () -> {
            List<ServiceReference<Strategy>> refs;
            try {
                refs = new ArrayList<>(context.getServiceReferences(Strategy.class, null));
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            refs.sort(Comparator.reverseOrder());
            Map<String, StrategyType> byType = new LinkedHashMap<>();
            for (ServiceReference<Strategy> ref : refs) {
                Object type = ref.getProperty(Strategy.TYPE);
                Object pid = ref.getProperty(Strategy.FACTORY_PID);
                if (type != null && pid != null && ref.getBundle() != null) {
                    byType.putIfAbsent(type.toString(), new StrategyType(type.toString(), pid.toString(),
                            ref.getBundle().getBundleId(), ref.getBundle().getSymbolicName()));
                }
            }
            return byType.values().stream().sorted(Comparator.comparing(StrategyType::type)).toList();
        };
    }
}
