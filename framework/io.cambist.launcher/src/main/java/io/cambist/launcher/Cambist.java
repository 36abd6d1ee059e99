package io.cambist.launcher;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

import io.cambist.launcher.internal.HttpEndpoints;
import io.cambist.launcher.internal.StartupTrace;

/**
 * A running Cambist container: the handle returned by {@link CambistBuilder#start()}.
 * <pre>{@code
 * try (Cambist cambist = Cambist.builder().home(home).dataDir(data).port(0).exportApi(true).start()) {
 *     OrderService orders = cambist.service(OrderService.class, Duration.ofSeconds(10));
 *     ...
 * }
 * }</pre>
 * Closing it stops the OSGi framework and waits (bounded) until every bundle has stopped.
 */
public final class Cambist implements AutoCloseable {

    /** How long {@link #stop()} waits for the framework to stop. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Framework framework;
    private final URI adminUri;
    private final long startMillis;
    private final StartupTrace trace;

    Cambist(Framework framework, URI adminUri, long startMillis, StartupTrace trace) {
        this.framework = framework;
        this.adminUri = adminUri;
        this.startMillis = startMillis;
        this.trace = trace;
    }

    /** A builder with the defaults of {@code cambist run}: home from {@code -Dcambist.home}, data under it, port 8080. */
    public static CambistBuilder builder() {
        return new CambistBuilder();
    }

    /** The OSGi framework (the system bundle). */
    public Framework framework() {
        return framework;
    }

    /** The system bundle's context: install bundles, look up and track services. */
    public BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    /**
     * The admin API base URI ({@code http://127.0.0.1:8080/api/v1}) when the HTTP service runs in this container.
     * Empty when the bundle set has no HTTP service.
     */
    public Optional<URI> adminUri() {
        return Optional.ofNullable(adminUri);
    }

    /** The number of installed bundles, the system bundle included. */
    public int bundleCount() {
        return bundleContext().getBundles().length;
    }

    /** When {@link CambistBuilder#start()} was called, in epoch milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /**
     * Waits for a service of the given type and returns it.
     * For {@code io.cambist.api} types the container must be started with {@link CambistBuilder#exportApi(boolean)
     * exportApi(true)}, so the host and the bundles share one copy of the API classes.
     *
     * @throws CambistException when no such service appears within the timeout, or when the service found comes
     *         from another class space than {@code type}
     */
    public <T> T service(Class<T> type, Duration timeout) {
        Objects.requireNonNull(type, "type");
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(bundleContext(), type.getName(), null);
        tracker.open(true);
        try {
            Object service = tracker.waitForService(Math.max(1, timeout.toMillis()));
            if (service == null) {
                throw new CambistException("no " + type.getName() + " service appeared within " + timeout.toMillis()
                        + " ms; check that the bundle providing it is installed and ACTIVE");
            }
            if (!type.isInstance(service)) {
                throw new CambistException("the " + type.getName() + " service comes from a bundle's copy of that"
                        + " class, not the host's; start the container with exportApi(true) to share the API classes");
            }
            return type.cast(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CambistException("interrupted while waiting for " + type.getName(), e);
        } finally {
            tracker.close();
        }
    }

    /**
     * Waits until {@code GET <admin>/health} answers 200.
     *
     * @return false when there is no admin API in this container or it did not answer within the timeout
     */
    public boolean awaitAdmin(Duration timeout) {
        if (adminUri == null) {
            return false;
        }
        URI health = URI.create(adminUri + "/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (isRunning() && System.nanoTime() < deadline) {
                if (HttpEndpoints.status(health) == 200) {
                    if (trace != null) {
                        trace.mark("admin health");
                    }
                    return true;
                }
                Thread.sleep(HttpEndpoints.POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The start-up trace lines when {@code -Dcambist.trace.startup=true}, else an empty list. */
    public List<String> startupTrace() {
        if (trace == null) {
            return List.of();
        }
        bundleContext().removeBundleListener(trace);
        return trace.report();
    }

    /** Blocks until the framework has stopped (by {@link #stop()}, a signal, or the admin API stopping the system bundle). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** True while the framework is starting or active. */
    public boolean isRunning() {
        return (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0;
    }

    /**
     * Stops the framework and waits until it has stopped.
     *
     * @throws CambistException when the framework does not stop within 30 seconds
     */
    public void stop() {
        try {
            if (isRunning()) {
                framework.stop();
            }
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                throw new CambistException("the framework did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (BundleException e) {
            throw new CambistException("the framework could not be stopped: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CambistException("interrupted while stopping the framework", e);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The product version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return io.cambist.launcher.internal.Version.get();
    }

    @Override
    public String toString() {
        return "Cambist[" + (adminUri == null ? "no HTTP" : adminUri) + "]";
    }
}
