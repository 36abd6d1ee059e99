package io.cambist.launcher.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds the HTTP endpoint of the running container and waits for the admin API's health resource.
 * The endpoint comes from the HTTP runtime service's {@code osgi.http.endpoint} property, so it carries the real
 * port even when port 0 asked for any free one.
 */
public final class HttpEndpoints {

    static final String ENDPOINT_PROPERTY = "osgi.http.endpoint";
    /** Poll interval while waiting for the endpoint or the health resource. */
    public static final long POLL_MILLIS = 20;

    private HttpEndpoints() {
    }

    /** Waits for a service with an {@code osgi.http.endpoint} property; returns its first (loopback first) endpoint. */
    public static Optional<String> await(BundleContext context, Duration timeout) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter("(" + ENDPOINT_PROPERTY + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open(true);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                ServiceReference<Object> reference = tracker.getServiceReference();
                if (reference != null) {
                    Optional<String> endpoint = choose(endpoints(reference.getProperty(ENDPOINT_PROPERTY)));
                    if (endpoint.isPresent()) {
                        return endpoint;
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            tracker.close();
        }
    }

    /** The status of {@code GET uri}, or -1 when it cannot connect. */
    public static int status(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            connection.setUseCaches(false);
            try {
                int status = connection.getResponseCode();
                try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    if (in != null) {
                        in.readAllBytes();
                    }
                }
                return status;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    static List<String> endpoints(Object property) {
        List<String> result = new ArrayList<>();
        if (property instanceof String s) {
            result.add(s);
        } else if (property instanceof String[] array) {
            result.addAll(List.of(array));
        } else if (property instanceof Collection<?> collection) {
            collection.forEach(e -> result.add(String.valueOf(e)));
        }
        return result;
    }

    /** Prefers a loopback endpoint (always reachable from this process), then IPv4, then anything; skips port 0. */
    static Optional<String> choose(List<String> endpoints) {
        List<String> usable = endpoints.stream().filter(e -> URI.create(e).getPort() > 0).toList();
        return usable.stream().filter(e -> isLoopback(URI.create(e).getHost())).findFirst()
                .or(() -> usable.stream().filter(e -> !URI.create(e).getHost().startsWith("[")).findFirst())
                .or(() -> usable.stream().findFirst());
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]"));
    }
}
