package io.cambist.security.nonce.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleContext;

/** Small fakes for the tests: a settable clock, configuration annotations and a bundle context. */
final class TestSupport {

    private TestSupport() {
    }

    /** A clock the test moves by hand. */
    static final class Clock implements LongSupplier {
        private final AtomicLong now;

        Clock(long start) {
            now = new AtomicLong(start);
        }

        @Override
        public long getAsLong() {
            return now.get();
        }

        long advance(long millis) {
            return now.addAndGet(millis);
        }
    }

    /** An instance of a configuration annotation: the given values, else each attribute's default. */
    static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            return method.getDefaultValue();
        }));
    }

    /** A bundle context that only answers framework properties. */
    static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
