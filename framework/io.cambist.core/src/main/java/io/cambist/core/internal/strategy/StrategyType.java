package io.cambist.core.internal.strategy;

import java.util.Objects;

/**
 * A strategy type as a bundle provides it.
 *
 * @param type       the short name ({@code smacross})
 * @param factoryPid the factory PID of its configurations
 * @param factory    makes its objects
 */
public record StrategyType(String type, String factoryPid, StrategyFactory factory) {

    public StrategyType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factoryPid, "factoryPid");
        Objects.requireNonNull(factory, "factory");
    }

    // identity semantics: two registrations of the same type are different types (old and new bundle)
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
