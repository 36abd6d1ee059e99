package io.cambist.core.internal.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.core.internal.journal.JournalRecord;
import io.cambist.core.internal.journal.JournalRecord.ExitSaved;
import io.cambist.core.internal.journal.JournalRecord.InstanceRemoved;
import io.cambist.core.internal.journal.JournalRecord.SnapshotSaved;
import io.cambist.core.internal.order.OrderManager;

/**
 * What survives an instance across restarts: its last snapshot and its exit state, by instance id. Kept under the
 * book lock and journaled through the order manager, so checkpoints see a consistent picture.
 */
final class SavedStates {

    private final OrderManager orders;
    private final Map<String, StrategySnapshot> snapshots = new HashMap<>();
    private final Map<String, ExitSaved> exits = new HashMap<>();

    SavedStates(OrderManager orders) {
        this.orders = orders;
    }

    void snapshot(String id, StrategySnapshot snap) {
        synchronized (orders.lock()) {
            snapshots.put(id, snap);
            orders.journal(new SnapshotSaved(id, snap));
        }
    }

    void exit(ExitSaved record) {
        synchronized (orders.lock()) {
            exits.put(record.instanceId(), record);
            orders.journal(record);
        }
    }

    /** Restores what was saved for {@code inst} (called while it is created). */
    void restoreInto(StrategyInstance inst) {
        synchronized (orders.lock()) {
            StrategySnapshot snap = snapshots.get(inst.id());
            if (snap != null) {
                inst.restoreSnapshot(snap);
            }
            ExitSaved exit = exits.get(inst.id());
            if (exit != null) {
                inst.exitTracker().restore(exit);
            }
        }
    }

    /** Forgets an instance whose configuration was deleted. */
    void forget(String id) {
        synchronized (orders.lock()) {
            snapshots.remove(id);
            exits.remove(id);
            orders.journal(new InstanceRemoved(id));
        }
    }

    void replay(JournalRecord record) {
        synchronized (orders.lock()) {
            if (record instanceof SnapshotSaved r) {
                snapshots.put(r.instanceId(), r.snapshot());
            } else if (record instanceof ExitSaved r) {
                exits.put(r.instanceId(), r);
            } else if (record instanceof InstanceRemoved r) {
                snapshots.remove(r.instanceId());
                exits.remove(r.instanceId());
            }
        }
    }

    /** For a checkpoint (called under the book lock). */
    List<JournalRecord> records() {
        List<JournalRecord> list = new ArrayList<>();
        snapshots.forEach((id, s) -> list.add(new SnapshotSaved(id, s)));
        list.addAll(exits.values());
        return list;
    }
}
