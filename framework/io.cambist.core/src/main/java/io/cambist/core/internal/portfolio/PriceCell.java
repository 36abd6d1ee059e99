package io.cambist.core.internal.portfolio;

import java.math.BigDecimal;

/**
 * The last known price of one instrument on one account. Written by the market data bus on every event without
 * locking (a reader may see the previous price, never a torn one: BigDecimal is immutable).
 */
public final class PriceCell {

    private BigDecimal price;
    private long time;

    /** The last price, or {@code null}. */
    public BigDecimal price() {
        return price;
    }

    /** When it was seen, epoch milliseconds. */
    public long time() {
        return time;
    }

    /** Records a price. */
    public void set(BigDecimal newPrice, long newTime) {
        if (newPrice != null) {
            price = newPrice;
            time = newTime;
        }
    }
}
