package io.cambist.api.order;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;

/**
 * What a strategy (or an operator) asks for. Build one with the static factories and the {@code with...} methods; the
 * core fills in the account and a client order id when they are missing.
 *
 * @param account       the venue account, or {@code null} for the strategy's own account
 * @param instrument    what to trade
 * @param side          buy or sell
 * @param type          market, limit, stop market or stop limit
 * @param quantity      base quantity; {@code null} only for a market order sized by {@code quoteQuantity}
 * @param quoteQuantity quote amount to spend or receive (Binance {@code quoteOrderQty}); market orders only
 * @param limitPrice    limit price for LIMIT and STOP_LIMIT
 * @param stopPrice     trigger price for STOP_MARKET and STOP_LIMIT
 * @param timeInForce   for limit orders; GTC when {@code null}
 * @param clientOrderId the idempotency key, or {@code null} to let the core generate one
 * @param tag           a free label kept with the order, e.g. {@code exit:stopLoss} or {@code grid:level-3}
 */
public record OrderRequest(String account, Instrument instrument, Side side, OrderType type, BigDecimal quantity,
        BigDecimal quoteQuantity, BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce timeInForce,
        ClientOrderId clientOrderId, String tag) {

    public OrderRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (quantity == null && quoteQuantity == null) {
            throw new IllegalArgumentException("order needs a quantity (or a quote amount for a market order)");
        }
        if (quantity != null && quoteQuantity != null) {
            throw new IllegalArgumentException("order has both a quantity and a quote amount: give one");
        }
        if (quantity != null && quantity.signum() <= 0) {
            throw new IllegalArgumentException("order quantity " + quantity.toPlainString() + " must be positive");
        }
        if (quoteQuantity != null) {
            if (type != OrderType.MARKET) {
                throw new IllegalArgumentException("a quote amount is only valid for market orders");
            }
            if (quoteQuantity.signum() <= 0) {
                throw new IllegalArgumentException("order quote amount " + quoteQuantity.toPlainString() + " must be positive");
            }
        }
        if ((type == OrderType.LIMIT || type == OrderType.STOP_LIMIT) && (limitPrice == null || limitPrice.signum() <= 0)) {
            throw new IllegalArgumentException(type + " order needs a positive limit price");
        }
        if ((type == OrderType.STOP_MARKET || type == OrderType.STOP_LIMIT) && (stopPrice == null || stopPrice.signum() <= 0)) {
            throw new IllegalArgumentException(type + " order needs a positive stop price");
        }
        if (type == OrderType.MARKET) {
            limitPrice = null;
            stopPrice = null;
        }
        if (timeInForce == null) {
            timeInForce = type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        }
    }

    /** A market order for a base quantity. */
    public static OrderRequest market(Instrument instrument, Side side, BigDecimal quantity) {
        return new OrderRequest(null, instrument, side, OrderType.MARKET, quantity, null, null, null, null, null, null);
    }

    /** A market order sized by the quote amount to spend (buy) or receive (sell). */
    public static OrderRequest marketQuote(Instrument instrument, Side side, BigDecimal quoteAmount) {
        return new OrderRequest(null, instrument, side, OrderType.MARKET, null, quoteAmount, null, null, null, null, null);
    }

    /** A good-till-cancelled limit order. */
    public static OrderRequest limit(Instrument instrument, Side side, BigDecimal quantity, BigDecimal price) {
        return new OrderRequest(null, instrument, side, OrderType.LIMIT, quantity, null, price, null, TimeInForce.GTC, null, null);
    }

    /** A stop-market order that triggers when the stop price trades. */
    public static OrderRequest stopMarket(Instrument instrument, Side side, BigDecimal quantity, BigDecimal stopPrice) {
        return new OrderRequest(null, instrument, side, OrderType.STOP_MARKET, quantity, null, null, stopPrice, null, null, null);
    }

    public OrderRequest withAccount(String newAccount) {
        return new OrderRequest(newAccount, instrument, side, type, quantity, quoteQuantity, limitPrice, stopPrice,
                timeInForce, clientOrderId, tag);
    }

    public OrderRequest withClientOrderId(ClientOrderId id) {
        return new OrderRequest(account, instrument, side, type, quantity, quoteQuantity, limitPrice, stopPrice,
                timeInForce, id, tag);
    }

    public OrderRequest withTimeInForce(TimeInForce tif) {
        return new OrderRequest(account, instrument, side, type, quantity, quoteQuantity, limitPrice, stopPrice, tif,
                clientOrderId, tag);
    }

    public OrderRequest withTag(String newTag) {
        return new OrderRequest(account, instrument, side, type, quantity, quoteQuantity, limitPrice, stopPrice,
                timeInForce, clientOrderId, newTag);
    }

    public OrderRequest withQuantity(BigDecimal newQuantity) {
        return new OrderRequest(account, instrument, side, type, newQuantity, null, limitPrice, stopPrice, timeInForce,
                clientOrderId, tag);
    }
}
