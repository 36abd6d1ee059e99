package io.cambist.core.internal.order;

import java.math.BigDecimal;
import java.util.Optional;

import io.cambist.api.model.Instrument;
import io.cambist.api.portfolio.Position;
import io.cambist.api.risk.RiskContext;
import io.cambist.core.internal.engine.EngineClock;
import io.cambist.core.internal.portfolio.PortfolioBook;

/** What risk rules may know, read from the order book and portfolio (called under the book lock). */
final class EngineRiskContext implements RiskContext {

    private final OrderManager orders;
    private final PortfolioBook portfolio;
    private final EngineClock clock;

    EngineRiskContext(OrderManager orders, PortfolioBook portfolio, EngineClock clock) {
        this.orders = orders;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    @Override
    public Optional<Position> accountPosition(String account, Instrument instrument) {
        return portfolio.position(account, instrument);
    }

    @Override
    public Optional<Position> strategyPosition(String strategyId) {
        return portfolio.strategyPosition(strategyId);
    }

    @Override
    public int openOrders(String strategyId) {
        return orders.openCount(strategyId);
    }

    @Override
    public BigDecimal realizedPnlToday(String strategyId) {
        return portfolio.realizedToday(strategyId, clock.now());
    }

    @Override
    public Optional<BigDecimal> lastPrice(String account, Instrument instrument) {
        return Optional.ofNullable(portfolio.prices().price(account, instrument));
    }

    @Override
    public long now() {
        return clock.now();
    }
}
