package io.cambist.launcher.internal.backtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import io.cambist.api.backtest.BacktestService;
import io.cambist.api.strategy.Strategy;
import io.cambist.launcher.Cambist;
import io.cambist.launcher.CambistException;
import io.cambist.launcher.internal.ApiPackages;

/**
 * A small embedded container for one backtest: the {@link BacktestPlatform}'s bundles, {@code cambist.mode=backtest},
 * the API exported from the class path (so the host gets a typed {@link BacktestService}), no HTTP.
 */
public final class BacktestContainer implements AutoCloseable {

    /** The symbolic name of the SLF4J API jar. */
    static final String SLF4J = "slf4j.api";

    /** How long to wait for the backtest service and the strategy types once the start levels are up. */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(20);

    private final Cambist cambist;
    private final BacktestPlatform platform;

    private BacktestContainer(Cambist cambist, BacktestPlatform platform) {
        this.cambist = cambist;
        this.platform = platform;
    }

    /**
     * Starts the framework on the staged bundles. The system bundle exports the API and SLF4J from the class path:
     * the bundles log through the launcher's SLF4J, which writes to java.util.logging (see {@link BacktestLogging}).
     */
    public static BacktestContainer start(Path home, BacktestPlatform platform) {
        String slf4j = ApiPackages.exportsOf(SLF4J).orElseThrow(() -> new CambistException("the SLF4J API jar is"
                + " not on the launcher's class path (lib/); reinstall the distribution"));
        Cambist cambist = Cambist.builder()
                .home(home)
                .bundles(platform.bundles())
                .dataDir(platform.data())
                .mode("backtest")
                .port(0)
                .exportApi(true)
                .frameworkProperty(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, ApiPackages.fromClassPath() + "," + slf4j)
                .startTimeout(SERVICE_TIMEOUT)
                .start();
        return new BacktestContainer(cambist, platform);
    }

    /** The core's backtest service. */
    public BacktestService backtests() {
        return cambist.service(BacktestService.class, SERVICE_TIMEOUT);
    }

    /**
     * The strategy types the container offers, once every active strategy bundle has registered its types (or the
     * wanted type is there, or the timeout passed).
     */
    public Set<String> strategyTypes(String wanted) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(cambist.bundleContext(), Strategy.class.getName(),
                null);
        tracker.open(true);
        try {
            long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
            while (true) {
                Set<String> types = new TreeSet<>();
                Set<String> registered = new TreeSet<>();
                ServiceReference<Object>[] references = tracker.getServiceReferences();
                if (references != null) {
                    for (ServiceReference<Object> ref : references) {
                        if (ref.getProperty(Strategy.TYPE) instanceof String type) {
                            types.add(type);
                        }
                        if (ref.getBundle() != null) {
                            registered.add(ref.getBundle().getSymbolicName());
                        }
                    }
                }
                if (types.contains(wanted) || registered.containsAll(activeStrategyBundles())
                        || System.nanoTime() > deadline) {
                    return types;
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CambistException("interrupted while waiting for the strategy bundles");
        } finally {
            tracker.close();
        }
    }

    private Set<String> activeStrategyBundles() {
        Set<String> active = new TreeSet<>();
        for (Bundle b : cambist.bundleContext().getBundles()) {
            if (b.getState() == Bundle.ACTIVE && platform.strategyBundles().contains(b.getSymbolicName())) {
                active.add(b.getSymbolicName());
            }
        }
        return active;
    }

    /** The start-up trace lines when {@code -Dcambist.trace.startup=true}, else none. */
    public java.util.List<String> startupTrace() {
        return cambist.startupTrace();
    }

    /** Stops the framework (bounded). */
    @Override
    public void close() {
        cambist.close();
    }
}
