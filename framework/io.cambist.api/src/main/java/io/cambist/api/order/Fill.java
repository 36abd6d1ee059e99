package io.cambist.api.order;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.Side;
import io.cambist.api.model.VenueOrderId;

/**
 * One execution of an order at the venue. {@code tradeId} is unique per venue account, so a fill reported twice (by
 * the stream and again by reconciliation) is counted once.
 *
 * @param tradeId       the venue's trade/execution id
 * @param clientOrderId the order it belongs to
 * @param venueOrderId  the venue's order id, or {@code null}
 * @param instrument    what was traded
 * @param side          buy or sell
 * @param price         execution price
 * @param quantity      base quantity executed
 * @param fee           fee charged for this fill
 * @param feeCurrency   currency of the fee
 * @param liquidity     maker or taker, or {@code null} when the venue does not say
 * @param time          execution time, epoch milliseconds
 */
public record Fill(String tradeId, ClientOrderId clientOrderId, VenueOrderId venueOrderId, Instrument instrument,
        Side side, BigDecimal price, BigDecimal quantity, BigDecimal fee, String feeCurrency, Liquidity liquidity,
        long time) {

    public Fill {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        fee = fee == null ? BigDecimal.ZERO : fee;
    }

    /** Price × quantity. */
    public BigDecimal notional() {
        return price.multiply(quantity);
    }
}
