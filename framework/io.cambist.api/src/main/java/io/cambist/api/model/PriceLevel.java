package io.cambist.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price level of an order book.
 *
 * @param price    the price
 * @param quantity total base quantity resting at that price
 */
public record PriceLevel(BigDecimal price, BigDecimal quantity) {

    public PriceLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
    }
}
