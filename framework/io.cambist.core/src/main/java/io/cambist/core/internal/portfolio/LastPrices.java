package io.cambist.core.internal.portfolio;

import java.math.BigDecimal;
import java.util.concurrent.ConcurrentHashMap;

import io.cambist.api.model.Instrument;

/** Last prices by account and instrument, fed by the market data bus and by fills. */
public final class LastPrices {

    private final ConcurrentHashMap<AccountInstrument, PriceCell> cells = new ConcurrentHashMap<>();

    /** The cell for an account and instrument, created on first use. */
    public PriceCell cell(String account, Instrument instrument) {
        return cells.computeIfAbsent(new AccountInstrument(account, instrument), k -> new PriceCell());
    }

    /** The last price, or {@code null}. */
    public BigDecimal price(String account, Instrument instrument) {
        PriceCell c = cells.get(new AccountInstrument(account, instrument));
        return c == null ? null : c.price();
    }
}
