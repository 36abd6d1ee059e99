package io.cambist.api.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cambist.api.model.Balance;
import io.cambist.api.model.Instrument;

/** Read-only view of balances and positions, maintained by the core from fills and venue balances. */
@ProviderType
public interface Portfolio {

    /** Account ids with known balances, sorted. */
    List<String> accounts();

    /** Balances of one account, sorted by currency. */
    List<Balance> balances(String account);

    /** One balance; a zero balance when the account holds none of the currency. */
    Balance balance(String account, String currency);

    /** The account-wide position in an instrument. */
    Optional<Position> position(String account, Instrument instrument);

    /** The position a strategy instance built. */
    Optional<Position> strategyPosition(String strategyId);

    /** All account-wide non-flat positions. */
    List<Position> positions();

    /**
     * The account's value in one currency: every balance converted at the last known price.
     *
     * @return the equity, or empty when a balance cannot be converted (no price known for it)
     */
    Optional<BigDecimal> equity(String account, String currency);
}
