package io.cambist.strategy.grid.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * The grid's state: its prices, one {@link GridSlot} per grid, the results so far (completed cycles and realised grid
 * profit), and whether it is being closed. Written to and read from the instance's snapshot, so that a new incarnation
 * (hot swap, restart) carries on where the old one stopped.
 */
final class GridBook {

    static final int VERSION = 1;
    static final String LEVELS = "levels";
    static final String SLOT = "slot.";
    static final String CYCLES = "cycles";
    static final String PROFIT = "profit";
    static final String INITIALISED = "initialised";
    static final String PENDING_INIT = "pendingInit";
    static final String CLOSING = "closing";
    private static final String NONE = "-";

    final BigDecimal[] levels;
    final GridSlot[] slots;
    private final Map<ClientOrderId, GridSlot> byOrder = new HashMap<>();
    int cycles;
    BigDecimal profit = BigDecimal.ZERO;
    boolean initialised;
    ClientOrderId pendingInit;
    String closing;
    /** The order that closes the position (closing sell or exit), once known; not saved (found among open orders). */
    ClientOrderId closingOrder;

    GridBook(BigDecimal[] levels) {
        this.levels = levels;
        this.slots = new GridSlot[levels.length - 1];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new GridSlot(i);
        }
    }

    /** The price a grid buys at. */
    BigDecimal buyPrice(int slot) {
        return levels[slot];
    }

    /** The price a grid sells at: one level up. */
    BigDecimal sellPrice(int slot) {
        return levels[slot + 1];
    }

    /** The grid working this order, or {@code null}. */
    GridSlot slotOf(ClientOrderId order) {
        return byOrder.get(order);
    }

    void work(GridSlot slot, GridSlot.State state, ClientOrderId order) {
        if (slot.order != null) {
            byOrder.remove(slot.order);
        }
        slot.working(state, order);
        byOrder.put(order, slot);
    }

    void idle(GridSlot slot) {
        if (slot.order != null) {
            byOrder.remove(slot.order);
        }
        slot.idle();
    }

    /** Base held by all grids (sold, or to be sold, one level up). */
    BigDecimal held() {
        BigDecimal sum = BigDecimal.ZERO;
        for (GridSlot s : slots) {
            if (s.holds()) {
                sum = sum.add(s.held);
            }
        }
        return sum;
    }

    /** Number of grids with a working order. */
    int working() {
        int n = 0;
        for (GridSlot s : slots) {
            if (s.state != GridSlot.State.IDLE) {
                n++;
            }
        }
        return n;
    }

    /** The prices as one text, to recognise a saved state of the same layout. */
    String layout() {
        StringJoiner j = new StringJoiner(",");
        for (BigDecimal p : levels) {
            j.add(p.toPlainString());
        }
        return j.toString();
    }

    StrategySnapshot snapshot() {
        Map<String, String> m = new TreeMap<>();
        m.put(LEVELS, layout());
        m.put(CYCLES, Integer.toString(cycles));
        m.put(PROFIT, profit.stripTrailingZeros().toPlainString());
        m.put(INITIALISED, Boolean.toString(initialised));
        if (pendingInit != null) {
            m.put(PENDING_INIT, pendingInit.value());
        }
        if (closing != null) {
            m.put(CLOSING, closing);
        }
        for (GridSlot s : slots) {
            m.put(SLOT + s.index, s.state + "|" + text(s.order == null ? null : s.order.value()) + "|" + text(s.held) + "|"
                    + text(s.cost) + "|" + text(s.buyFee));
        }
        return new StrategySnapshot(VERSION, m);
    }

    /** A grid as a snapshot saved it. */
    record SavedSlot(GridSlot.State state, ClientOrderId order, BigDecimal held, BigDecimal cost, BigDecimal buyFee) {
    }

    /** Reads a saved grid; {@code null} when the snapshot has none for it or it cannot be read. */
    static SavedSlot saved(StrategySnapshot s, int index) {
        String v = s.get(SLOT + index);
        if (v == null) {
            return null;
        }
        String[] f = v.split("\\|", -1);
        if (f.length != 5) {
            return null;
        }
        try {
            return new SavedSlot(GridSlot.State.valueOf(f[0]), f[1].equals(NONE) ? null : ClientOrderId.of(f[1]),
                    decimal(f[2]), decimal(f[3]), decimal(f[4]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String t) {
        return t.equals(NONE) ? null : new BigDecimal(t);
    }

    private static String text(Object v) {
        if (v == null) {
            return NONE;
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }
}
