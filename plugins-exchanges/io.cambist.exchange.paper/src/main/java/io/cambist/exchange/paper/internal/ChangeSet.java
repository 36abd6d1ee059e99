package io.cambist.exchange.paper.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.cambist.api.order.Fill;
import io.cambist.exchange.paper.internal.engine.ChangeTracker;
import io.cambist.exchange.paper.internal.engine.EngineOrder;

/** What changed in a paper account since its last journal entry. */
final class ChangeSet implements ChangeTracker {

    final Set<EngineOrder> orders = new LinkedHashSet<>();
    final List<Fill> fills = new ArrayList<>();
    final Set<String> balances = new TreeSet<>();

    @Override
    public void order(EngineOrder order) {
        orders.add(order);
    }

    @Override
    public void fill(Fill fill) {
        fills.add(fill);
    }

    @Override
    public void balance(String currency) {
        balances.add(currency);
    }

    boolean any() {
        return !orders.isEmpty() || !fills.isEmpty() || !balances.isEmpty();
    }

    void clear() {
        orders.clear();
        fills.clear();
        balances.clear();
    }
}
