package io.cambist.exchange.paper.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a {@link PaperConfiguration} the way DS does: the given values, else the annotation's defaults. */
final class Configs {

    private Configs() {
    }

    static PaperConfiguration paper(Map<String, Object> values) {
        return (PaperConfiguration) Proxy.newProxyInstance(PaperConfiguration.class.getClassLoader(),
                new Class<?>[] {PaperConfiguration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return PaperConfiguration.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "PaperConfiguration" + values
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                    }
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }
}
