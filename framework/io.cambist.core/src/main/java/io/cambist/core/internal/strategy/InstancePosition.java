package io.cambist.core.internal.strategy;

import java.math.BigDecimal;

import io.cambist.api.portfolio.Position;
import io.cambist.core.internal.portfolio.PortfolioBook;
import io.cambist.core.internal.portfolio.PositionState;
import io.cambist.core.internal.portfolio.PriceCell;

/**
 * An instance's position as its strategy reads it, cheaply: the position state and the price cell are looked up once,
 * and the same {@link Position} is returned while nothing changed (strategies tend to ask on every candle).
 */
final class InstancePosition {

    private final String id;
    private final PortfolioBook portfolio;
    private volatile InstanceSettings settings;
    private volatile PositionState state;
    private volatile PriceCell price;
    private volatile Position last;

    InstancePosition(String id, PortfolioBook portfolio, InstanceSettings settings) {
        this.id = id;
        this.portfolio = portfolio;
        this.settings = settings;
    }

    /** The account or instrument changed. */
    void rebind(InstanceSettings next) {
        settings = next;
        state = null;
        price = null;
        last = null;
    }

    PositionState state() {
        PositionState ps = state;
        if (ps == null) {
            InstanceSettings st = settings;
            ps = portfolio.strategyPosition(id, st.account(), st.instrument());
            state = ps;
        }
        return ps;
    }

    Position position() {
        PositionState ps = state();
        PriceCell cell = price;
        if (cell == null) {
            InstanceSettings st = settings;
            cell = portfolio.prices().cell(st.account(), st.instrument());
            price = cell;
        }
        BigDecimal p = cell.price();
        PositionState.Core core = ps.core();
        Position pos = last;
        if (pos != null && pos.lastPrice() == p && pos.quantity() == core.quantity() && pos.realizedPnl() == core.realized()
                && pos.averageEntryPrice() == core.average()) {
            return pos;
        }
        pos = ps.toPosition(p);
        last = pos;
        return pos;
    }
}
