package io.cambist.admin.internal.services;

import java.util.List;

import io.cambist.admin.internal.rest.ApiException;

/**
 * Where a resource gets one kind of service that may come and go (a bundle being updated). Resources never hold a
 * service for longer than one request.
 *
 * @param <T> the service type
 */
public interface ServiceSource<T> {

    /** The service now, or {@code null}. */
    T get();

    /** Every such service now, best first (highest ranking). */
    List<T> all();

    /** The service, waiting up to {@code millis} for one to appear; {@code null} when none came. */
    T await(long millis);

    /** What it is, e.g. {@code key ring}. */
    String name();

    /** Which bundle provides it, e.g. {@code the io.cambist.security.vault bundle}. */
    String provider();

    /** The service now, or a 503 naming it and its bundle. */
    default T require() {
        T service = get();
        if (service == null) {
            throw unavailable();
        }
        return service;
    }

    /** The 503 for this service. */
    default ApiException unavailable() {
        return ApiException.unavailable(name(), provider());
    }
}
