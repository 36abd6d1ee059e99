package io.cambist.core.internal.order;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.core.internal.journal.JournalRecord.OrderSaved;

/** The core's mutable record of one order; changed only under the book lock, read through {@link #snapshot()}. */
final class OrderRecord {

    final ClientOrderId id;
    final String account;
    final String strategyId;
    final Instrument instrument;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final BigDecimal quoteQuantity;
    final BigDecimal limitPrice;
    final BigDecimal stopPrice;
    final String tag;
    final long createdTime;
    final Set<String> tradeIds = new LinkedHashSet<>();
    BigDecimal quantity;
    VenueOrderId venueOrderId;
    OrderStatus status;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal averagePrice;
    BigDecimal fees = BigDecimal.ZERO;
    String feeCurrency;
    String reason;
    long updatedTime;
    /** Handed to the connector in this run (orders restored from the journal are reconciled instead). */
    boolean sent;
    boolean cancelRequested;
    /** A venue answer was lost (network): the order is being verified by query, never re-sent. */
    boolean outcomeUnknown;
    private Order snapshot;

    OrderRecord(ClientOrderId id, String account, String strategyId, OrderRequest r, OrderStatus status, String reason,
            long now) {
        this.id = id;
        this.account = account;
        this.strategyId = strategyId;
        this.instrument = r.instrument();
        this.side = r.side();
        this.type = r.type();
        this.timeInForce = r.timeInForce();
        this.quantity = r.quantity();
        this.quoteQuantity = r.quoteQuantity();
        this.limitPrice = r.limitPrice();
        this.stopPrice = r.stopPrice();
        this.tag = r.tag();
        this.status = status;
        this.reason = reason;
        this.createdTime = now;
        this.updatedTime = now;
    }

    OrderRecord(Order o, List<String> trades) {
        this.id = o.clientOrderId();
        this.account = o.account();
        this.strategyId = o.strategyId();
        this.instrument = o.instrument();
        this.side = o.side();
        this.type = o.type();
        this.timeInForce = o.timeInForce();
        this.quoteQuantity = o.quoteQuantity();
        this.limitPrice = o.limitPrice();
        this.stopPrice = o.stopPrice();
        this.tag = o.tag();
        this.createdTime = o.createdTime();
        this.quantity = o.quantity();
        this.venueOrderId = o.venueOrderId();
        this.status = o.status();
        this.filled = o.filledQuantity();
        this.averagePrice = o.averagePrice();
        this.fees = o.fees();
        this.feeCurrency = o.feeCurrency();
        this.reason = o.reason();
        this.updatedTime = o.updatedTime();
        this.tradeIds.addAll(trades);
        this.snapshot = o;
    }

    /** The request to send to the venue. */
    OrderRequest request() {
        return new OrderRequest(account, instrument, side, type, quantity, quoteQuantity, limitPrice, stopPrice,
                timeInForce, id, tag);
    }

    /** Adds a fill's quantity, price and fee to the order. */
    void addFill(Fill fill) {
        BigDecimal newFilled = filled.add(fill.quantity());
        averagePrice = averagePrice == null ? fill.price()
                : averagePrice.multiply(filled).add(fill.price().multiply(fill.quantity()))
                        .divide(newFilled, MathContext.DECIMAL64);
        filled = newFilled;
        if (fill.fee().signum() != 0) {
            if (feeCurrency == null || feeCurrency.equals(fill.feeCurrency())) {
                feeCurrency = fill.feeCurrency();
                fees = fees.add(fill.fee());
            }
        }
        tradeIds.add(fill.tradeId());
        changed();
    }

    /** True when the filled quantity reached the ordered quantity. */
    boolean complete() {
        return quantity != null && filled.compareTo(quantity) >= 0;
    }

    void changed() {
        snapshot = null;
    }

    Order snapshot() {
        Order s = snapshot;
        if (s == null) {
            s = new Order(id, venueOrderId, account, strategyId, instrument, side, type, timeInForce, quantity,
                    quoteQuantity, limitPrice, stopPrice, status, filled, averagePrice, fees, feeCurrency, tag, reason,
                    createdTime, updatedTime);
            snapshot = s;
        }
        return s;
    }

    OrderSaved toRecord() {
        return new OrderSaved(snapshot(), new ArrayList<>(tradeIds));
    }
}
