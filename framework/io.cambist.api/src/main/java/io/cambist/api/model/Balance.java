package io.cambist.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much of one currency an account holds.
 *
 * @param currency upper case currency code
 * @param free     available for new orders
 * @param locked   reserved by open orders
 */
public record Balance(String currency, BigDecimal free, BigDecimal locked) {

    public Balance {
        currency = Currencies.check("balance", currency);
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }

    /** A balance with nothing locked. */
    public static Balance of(String currency, BigDecimal free) {
        return new Balance(currency, free, BigDecimal.ZERO);
    }

    /** Free plus locked. */
    public BigDecimal total() {
        return free.add(locked);
    }
}
