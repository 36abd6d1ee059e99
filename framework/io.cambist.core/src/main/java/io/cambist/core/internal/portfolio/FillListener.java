package io.cambist.core.internal.portfolio;

import java.math.BigDecimal;

import io.cambist.api.order.Fill;

/** Told about every fill the portfolio applies (backtest trade lists, tests). Called under the book lock. */
@FunctionalInterface
public interface FillListener {

    /**
     * @param account    the account
     * @param strategyId the owning instance, or {@code null}
     * @param fill       the fill
     * @param quoteFee   its fee in the quote currency
     * @param tag        the order's tag, or {@code null}
     */
    void onFill(String account, String strategyId, Fill fill, BigDecimal quoteFee, String tag);
}
