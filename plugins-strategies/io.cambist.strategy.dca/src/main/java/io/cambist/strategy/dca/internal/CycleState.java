package io.cambist.strategy.dca.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.strategy.StrategySnapshot;

/** The state of a safety-mode DCA bot: the current cycle's orders and money, and the results of the closed cycles. */
final class CycleState {

    enum Phase {
        /** No cycle: the next candle opens one. */
        IDLE,
        /** The base order is on its way. */
        BASE,
        /** The position is open: safety orders and the take profit are working. */
        OPEN,
        /** The cycle is over: its remaining orders are being cancelled. */
        ENDING,
        /** The stop loss fired: the position is being sold, then the bot halts. */
        CLOSING
    }

    static final int VERSION = 1;

    Phase phase = Phase.IDLE;
    int started;
    int completed;
    BigDecimal profit = BigDecimal.ZERO;
    ClientOrderId base;
    BigDecimal entry;
    final Map<Integer, ClientOrderId> safety = new TreeMap<>();
    int safetyFilled;
    ClientOrderId takeProfit;
    boolean takeProfitNeeded;
    BigDecimal spent = BigDecimal.ZERO;
    BigDecimal received = BigDecimal.ZERO;
    String closing;
    int refusals;
    long retryAt;

    /** Safety order number of an order of this cycle, or 0. */
    int safetyNumber(ClientOrderId id) {
        for (Map.Entry<Integer, ClientOrderId> e : safety.entrySet()) {
            if (e.getValue().equals(id)) {
                return e.getKey();
            }
        }
        return 0;
    }

    /** Forgets the cycle's orders and money (a new cycle starts from here). */
    void reset() {
        base = null;
        entry = null;
        safety.clear();
        safetyFilled = 0;
        takeProfit = null;
        takeProfitNeeded = false;
        spent = BigDecimal.ZERO;
        received = BigDecimal.ZERO;
    }

    StrategySnapshot snapshot() {
        Map<String, String> m = new TreeMap<>();
        m.put("mode", "safety");
        m.put("phase", phase.name());
        m.put("started", Integer.toString(started));
        m.put("cycles", Integer.toString(completed));
        m.put("profit", plain(profit));
        m.put("spent", plain(spent));
        m.put("received", plain(received));
        m.put("safetyFilled", Integer.toString(safetyFilled));
        m.put("takeProfitNeeded", Boolean.toString(takeProfitNeeded));
        put(m, "base", base == null ? null : base.value());
        put(m, "entry", entry == null ? null : plain(entry));
        put(m, "takeProfit", takeProfit == null ? null : takeProfit.value());
        put(m, "closing", closing);
        StringJoiner so = new StringJoiner(",");
        safety.forEach((k, id) -> so.add(k + ":" + id.value()));
        m.put("safety", so.toString());
        return new StrategySnapshot(VERSION, m);
    }

    /** Reads a snapshot; false when it is not a safety-mode snapshot of this version (nothing is changed then). */
    boolean restore(StrategySnapshot s) {
        if (s.version() != VERSION || !"safety".equals(s.get("mode"))) {
            return false;
        }
        try {
            phase = Phase.valueOf(s.get("phase"));
            started = Integer.parseInt(s.get("started"));
            completed = Integer.parseInt(s.get("cycles"));
            profit = new BigDecimal(s.get("profit"));
            spent = new BigDecimal(s.get("spent"));
            received = new BigDecimal(s.get("received"));
            safetyFilled = Integer.parseInt(s.get("safetyFilled"));
            takeProfitNeeded = Boolean.parseBoolean(s.get("takeProfitNeeded"));
            base = id(s.get("base"));
            entry = s.get("entry") == null ? null : new BigDecimal(s.get("entry"));
            takeProfit = id(s.get("takeProfit"));
            closing = s.get("closing");
            safety.clear();
            String so = s.get("safety");
            if (so != null && !so.isEmpty()) {
                for (String part : so.split(",")) {
                    int colon = part.indexOf(':');
                    safety.put(Integer.parseInt(part.substring(0, colon)), ClientOrderId.of(part.substring(colon + 1)));
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ClientOrderId id(String v) {
        return v == null ? null : ClientOrderId.of(v);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
