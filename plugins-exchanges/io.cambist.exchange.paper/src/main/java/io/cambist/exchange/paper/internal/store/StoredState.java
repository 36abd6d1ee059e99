package io.cambist.exchange.paper.internal.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.order.Fill;
import io.cambist.exchange.paper.internal.engine.EngineOrder;

/** A paper account's state as rebuilt from its snapshot and journal: the last record of each thing wins. */
public final class StoredState {

    private AccountHeader header;
    private long nextOrder = 1;
    private long nextTrade = 1;
    private final Map<String, BigDecimal[]> balances = new TreeMap<>();
    private final Map<ClientOrderId, EngineOrder> orders = new LinkedHashMap<>();
    private final Map<String, Fill> fills = new LinkedHashMap<>();
    private long published;
    private Candle latest;

    /** Applies one record. */
    void apply(String record) {
        RecordReader r = new RecordReader(record);
        if (r.type() != 'A' && header == null) {
            throw r.bad("state does not start with the account header");
        }
        try {
            switch (r.type()) {
                case 'A':
                    header = StateCodec.readHeader(r);
                    break;
                case 'N':
                    nextOrder = r.number();
                    nextTrade = r.number();
                    break;
                case 'B':
                    balances.put(r.required(), new BigDecimal[] {r.decimal(), r.decimal()});
                    break;
                case 'O':
                    EngineOrder o = StateCodec.readOrder(r);
                    orders.put(o.terms().clientOrderId(), o);
                    break;
                case 'F':
                    Fill f = StateCodec.readFill(r, header.instrument());
                    fills.put(f.tradeId(), f);
                    break;
                case 'M':
                    published = r.number();
                    latest = StateCodec.readCandle(r, header.account(), header.instrument());
                    break;
                default:
                    throw r.bad("unknown record type");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("unreadable state record")) {
                throw e;
            }
            throw r.bad(String.valueOf(e.getMessage()));
        }
    }

    public AccountHeader header() {
        return header;
    }

    public long nextOrder() {
        return nextOrder;
    }

    public long nextTrade() {
        return nextTrade;
    }

    /** Balances by currency: {free, locked}. */
    public Map<String, BigDecimal[]> balances() {
        return balances;
    }

    public List<EngineOrder> orders() {
        return new ArrayList<>(orders.values());
    }

    public List<Fill> fills() {
        return new ArrayList<>(fills.values());
    }

    public long published() {
        return published;
    }

    public Candle latest() {
        return latest;
    }
}
