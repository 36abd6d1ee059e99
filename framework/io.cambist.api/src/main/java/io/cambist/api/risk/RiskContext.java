package io.cambist.api.risk;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cambist.api.model.Instrument;
import io.cambist.api.portfolio.Position;

/** What a risk rule may know when it decides, provided by the core. */
@ProviderType
public interface RiskContext {

    /** The account-wide position in an instrument. */
    Optional<Position> accountPosition(String account, Instrument instrument);

    /** The position of a strategy instance (flat when it holds nothing). */
    Optional<Position> strategyPosition(String strategyId);

    /** Open orders of a strategy instance (or of operators when {@code null}). */
    int openOrders(String strategyId);

    /** Realized profit and loss of a strategy instance since 00:00 UTC of the clock's day, quote currency. */
    BigDecimal realizedPnlToday(String strategyId);

    /** The last known market price of an instrument on an account. */
    Optional<BigDecimal> lastPrice(String account, Instrument instrument);

    /** The framework clock, epoch milliseconds. */
    long now();
}
