package io.cambist.core.internal.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strategy types bundles provide, by factory PID. Several registrations of one factory PID can exist for a moment
 * (an old and a new bundle); the first one registered is the active one, and when it goes the next takes over.
 */
final class StrategyTypes {

    private final Map<String, List<StrategyType>> byPid = new HashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** Adds a registration; returns true when it is the active one of its factory PID. */
    synchronized boolean add(StrategyType t) {
        List<StrategyType> list = byPid.computeIfAbsent(t.factoryPid(), k -> new ArrayList<>());
        list.add(t);
        names.put(t.factoryPid(), t.type());
        return list.size() == 1;
    }

    /**
     * Removes a registration.
     *
     * @return the registration that takes over, empty when none does; {@code null} when {@code t} was not registered
     */
    synchronized Optional<StrategyType> remove(StrategyType t) {
        List<StrategyType> list = byPid.get(t.factoryPid());
        if (list == null || !list.remove(t)) {
            return null;
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The active registration of a factory PID, or {@code null}. */
    synchronized StrategyType active(String factoryPid) {
        List<StrategyType> list = byPid.get(factoryPid);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** The active registration of a type name. */
    synchronized Optional<StrategyType> named(String name) {
        for (List<StrategyType> list : byPid.values()) {
            if (!list.isEmpty() && list.get(0).type().equals(name)) {
                return Optional.of(list.get(0));
            }
        }
        return Optional.empty();
    }

    /** The type name last seen for a factory PID, or {@code null}. */
    String nameOf(String factoryPid) {
        return names.get(factoryPid);
    }

    /** The names of the available types, sorted. */
    synchronized List<String> available() {
        TreeSet<String> set = new TreeSet<>();
        for (List<StrategyType> list : byPid.values()) {
            if (!list.isEmpty()) {
                set.add(list.get(0).type());
            }
        }
        return new ArrayList<>(set);
    }
}
