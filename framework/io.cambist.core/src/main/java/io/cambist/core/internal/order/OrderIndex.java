package io.cambist.core.internal.order;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cambist.api.model.ClientOrderId;

/**
 * The order manager's records: every order by client order id in creation order, the open ones by owner and by
 * account (oldest first), and a bound on how many finished orders stay in memory. Not thread-safe: used under the book
 * lock.
 */
final class OrderIndex {

    private final LinkedHashMap<ClientOrderId, OrderRecord> orders = new LinkedHashMap<>();
    private final Map<String, LinkedHashSet<OrderRecord>> openByOwner = new HashMap<>();
    private final Map<String, LinkedHashSet<OrderRecord>> openByAccount = new HashMap<>();
    private final ArrayDeque<OrderRecord> finished = new ArrayDeque<>();
    private int retainFinished = Integer.MAX_VALUE;

    void retainFinished(int max) {
        this.retainFinished = max;
    }

    OrderRecord get(ClientOrderId id) {
        return orders.get(id);
    }

    /** Adds or replaces a record. */
    void put(OrderRecord rec) {
        OrderRecord old = orders.put(rec.id, rec);
        if (old != null) {
            closed(old);
        }
        if (rec.status.isOpen()) {
            openByOwner.computeIfAbsent(ownerKey(rec.strategyId), k -> new LinkedHashSet<>()).add(rec);
            openByAccount.computeIfAbsent(rec.account, k -> new LinkedHashSet<>()).add(rec);
        }
    }

    /** A record is no longer open. */
    void closed(OrderRecord rec) {
        Set<OrderRecord> a = openByOwner.get(ownerKey(rec.strategyId));
        if (a != null) {
            a.remove(rec);
        }
        Set<OrderRecord> b = openByAccount.get(rec.account);
        if (b != null) {
            b.remove(rec);
        }
    }

    /** A record reached its end: when finished orders are bounded, the oldest beyond the bound are forgotten. */
    void finished(OrderRecord rec) {
        if (retainFinished == Integer.MAX_VALUE) {
            return;
        }
        finished.addLast(rec);
        while (finished.size() > retainFinished) {
            OrderRecord old = finished.pollFirst();
            orders.remove(old.id, old);
        }
    }

    /** Every record, oldest first. */
    Collection<OrderRecord> all() {
        return orders.values();
    }

    /** Forgets finished orders last changed before {@code horizon}. */
    void prune(long horizon) {
        for (Iterator<OrderRecord> it = orders.values().iterator(); it.hasNext();) {
            OrderRecord r = it.next();
            if (!r.status.isOpen() && r.updatedTime < horizon) {
                it.remove();
            }
        }
    }

    /** Open orders of an owner ({@code null}: operators), oldest first. */
    Set<OrderRecord> openOf(String strategyId) {
        Set<OrderRecord> set = openByOwner.get(ownerKey(strategyId));
        return set == null ? Set.of() : set;
    }

    /** Open orders of an account, oldest first. */
    Set<OrderRecord> openOfAccount(String account) {
        Set<OrderRecord> set = openByAccount.get(account);
        return set == null ? Set.of() : set;
    }

    /** A copy of every open order. */
    List<OrderRecord> open() {
        List<OrderRecord> list = new ArrayList<>();
        for (Set<OrderRecord> s : openByAccount.values()) {
            list.addAll(s);
        }
        return list;
    }

    private static String ownerKey(String strategyId) {
        return strategyId == null ? "" : strategyId;
    }
}
