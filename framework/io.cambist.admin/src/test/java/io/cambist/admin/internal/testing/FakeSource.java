package io.cambist.admin.internal.testing;

import java.util.ArrayList;
import java.util.List;

import io.cambist.admin.internal.services.ServiceSource;

/** A service source whose service a test sets and clears; {@link #await} really waits for {@link #set}. */
public final class FakeSource<T> implements ServiceSource<T> {

    private final String name;
    private final String provider;
    private final List<T> services = new ArrayList<>();

    public FakeSource(String name, String provider) {
        this.name = name;
        this.provider = provider;
    }

    public static <T> FakeSource<T> of(String name, T service) {
        FakeSource<T> s = new FakeSource<>(name, "the test bundle");
        if (service != null) {
            s.set(service);
        }
        return s;
    }

    public synchronized FakeSource<T> set(T service) {
        services.clear();
        services.add(service);
        notifyAll();
        return this;
    }

    public synchronized FakeSource<T> add(T service) {
        services.add(service);
        notifyAll();
        return this;
    }

    public synchronized FakeSource<T> clear() {
        services.clear();
        return this;
    }

    @Override
    public synchronized T get() {
        return services.isEmpty() ? null : services.get(0);
    }

    @Override
    public synchronized List<T> all() {
        return List.copyOf(services);
    }

    @Override
    public synchronized T await(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (services.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return services.get(0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String provider() {
        return provider;
    }
}
