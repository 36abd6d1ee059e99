package io.cambist.exchange.paper.internal.engine;

import java.math.BigDecimal;
import java.math.MathContext;

import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.OrderStatus;

/** One order inside the matching engine: what was asked, how far it got, and what it holds locked. */
public final class EngineOrder {

    /** What was asked (immutable). */
    public record Terms(long sequence, ClientOrderId clientOrderId, VenueOrderId venueOrderId, Side side, OrderType type,
            TimeInForce timeInForce, BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal limitPrice,
            BigDecimal stopPrice, long createdTime) {
    }

    private final Terms terms;
    OrderStatus status;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal filledNotional = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    String reason;
    long updatedTime;
    boolean triggered;
    BigDecimal locked = BigDecimal.ZERO;
    /** The average fill price, computed once per fill (null until needed); an exact division costs microseconds. */
    private BigDecimal average;

    EngineOrder(Terms terms, OrderStatus status) {
        this.terms = terms;
        this.status = status;
        this.updatedTime = terms.createdTime();
    }

    /** Rebuilds an order from stored state. */
    public static EngineOrder restore(Terms terms, OrderStatus status, BigDecimal filled, BigDecimal filledNotional,
            BigDecimal fees, String reason, long updatedTime, boolean triggered, BigDecimal locked) {
        EngineOrder o = new EngineOrder(terms, status);
        o.filled = filled;
        o.filledNotional = filledNotional;
        o.fees = fees;
        o.reason = reason;
        o.updatedTime = updatedTime;
        o.triggered = triggered;
        o.locked = locked;
        return o;
    }

    public Terms terms() {
        return terms;
    }

    public OrderStatus status() {
        return status;
    }

    public BigDecimal filled() {
        return filled;
    }

    public BigDecimal filledNotional() {
        return filledNotional;
    }

    public BigDecimal fees() {
        return fees;
    }

    public String reason() {
        return reason;
    }

    public long updatedTime() {
        return updatedTime;
    }

    public boolean triggered() {
        return triggered;
    }

    public BigDecimal locked() {
        return locked;
    }

    /** Adds a fill of {@code qty} at {@code price} ({@code notional} = qty × price). */
    void addFill(BigDecimal qty, BigDecimal price, BigDecimal notional) {
        boolean first = filled.signum() == 0;
        filled = filled.add(qty);
        filledNotional = filledNotional.add(notional);
        // one fill: the average is its price, without dividing; later fills divide once, when the average is asked for
        average = first ? price.stripTrailingZeros() : null;
    }

    /** The average fill price, or null before the first fill. */
    BigDecimal average() {
        if (filled.signum() <= 0) {
            return null;
        }
        if (average == null) {
            BigDecimal a;
            try {
                a = filledNotional.divide(filled);
            } catch (ArithmeticException nonTerminating) {
                a = filledNotional.divide(filled, MathContext.DECIMAL128);
            }
            average = a.stripTrailingZeros();
        }
        return average;
    }

    /** Base quantity still to fill, or {@code null} for an unfilled order sized by quote amount. */
    BigDecimal remaining() {
        return terms.quantity() == null ? null : terms.quantity().subtract(filled);
    }

    /** The order as the venue reports it. */
    public VenueOrder view(Instrument instrument) {
        BigDecimal quantity = terms.quantity();
        if (quantity == null && status.isTerminal() && filled.signum() > 0) {
            quantity = filled;
        }
        return new VenueOrder(terms.clientOrderId(), terms.venueOrderId(), instrument, terms.side(), terms.type(), status,
                quantity, filled, average(), terms.limitPrice(), reason, updatedTime);
    }
}
