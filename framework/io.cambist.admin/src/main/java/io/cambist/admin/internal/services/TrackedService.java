package io.cambist.admin.internal.services;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** A {@link ServiceSource} backed by a {@link ServiceTracker}: no reference to the service outlives a call. */
public final class TrackedService<T> implements ServiceSource<T>, AutoCloseable {

    private final ServiceTracker<T, T> tracker;
    private final String name;
    private final String provider;

    public TrackedService(BundleContext context, Class<T> type, String name, String provider) {
        this.tracker = new ServiceTracker<>(context, type, null);
        this.name = name;
        this.provider = provider;
    }

    /** Starts tracking (fast; no waiting). */
    public TrackedService<T> open() {
        tracker.open();
        return this;
    }

    @Override
    public T get() {
        return tracker.getService();
    }

    @Override
    public List<T> all() {
        Map<ServiceReference<T>, T> tracked = tracker.getTracked();
        if (tracked.isEmpty()) {
            return List.of();
        }
        List<ServiceReference<T>> refs = new ArrayList<>(tracked.keySet());
        // ServiceReference ordering: higher ranking (then lower id) compares greater
        refs.sort(Collections.reverseOrder());
        List<T> result = new ArrayList<>(refs.size());
        for (ServiceReference<T> ref : refs) {
            T service = tracked.get(ref);
            if (service != null) {
                result.add(service);
            }
        }
        return result;
    }

    @Override
    public T await(long millis) {
        T service = tracker.getService();
        if (service != null || millis <= 0) {
            return service;
        }
        try {
            return tracker.waitForService(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public void close() {
        tracker.close();
    }

    @Override
    public String toString() {
        return name + " (" + provider + ")";
    }
}
