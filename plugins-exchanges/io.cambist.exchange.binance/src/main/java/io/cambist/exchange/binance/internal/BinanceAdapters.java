package io.cambist.exchange.binance.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.PriceLevel;
import io.cambist.api.model.Side;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.Trade;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.binance.internal.dto.BinanceBalance;
import io.cambist.exchange.binance.internal.dto.BinanceBookTicker;
import io.cambist.exchange.binance.internal.dto.BinanceExecutionReport;
import io.cambist.exchange.binance.internal.dto.BinanceFilter;
import io.cambist.exchange.binance.internal.dto.BinanceKline;
import io.cambist.exchange.binance.internal.dto.BinanceMyTrade;
import io.cambist.exchange.binance.internal.dto.BinanceOrder;
import io.cambist.exchange.binance.internal.dto.BinanceSymbol;
import io.cambist.exchange.binance.internal.dto.BinanceTradeEvent;

/** Pure mapping between Binance's DTOs and parameters and the {@code io.cambist.api} types. */
public final class BinanceAdapters {

    private BinanceAdapters() {
    }

    /** The instrument of a symbol, or empty when its asset codes are not valid currency codes. */
    public static Optional<Instrument> instrument(BinanceSymbol s) {
        try {
            return Optional.of(Instrument.of(s.baseAsset(), s.quoteAsset()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The trading rules of a symbol: PRICE_FILTER tick, LOT_SIZE step and bounds, (MIN_)NOTIONAL minimum. */
    public static InstrumentSpec spec(BinanceSymbol s, Instrument instrument) {
        BigDecimal tick = null;
        BigDecimal step = null;
        BigDecimal minQty = null;
        BigDecimal maxQty = null;
        BigDecimal minNotional = null;
        for (BinanceFilter f : s.filters()) {
            switch (f.filterType()) {
                case "PRICE_FILTER" -> tick = positiveOrNull(f.tickSize());
                case "LOT_SIZE" -> {
                    step = positiveOrNull(f.stepSize());
                    minQty = positiveOrNull(f.minQty());
                    maxQty = positiveOrNull(f.maxQty());
                }
                case "MIN_NOTIONAL", "NOTIONAL" -> {
                    BigDecimal n = positiveOrNull(f.minNotional());
                    if (n != null && (minNotional == null || n.compareTo(minNotional) > 0)) {
                        minNotional = n;
                    }
                }
                default -> {
                    // other filters (PERCENT_PRICE_BY_SIDE, MAX_NUM_ORDERS, ...) are left to the venue
                }
            }
        }
        return new InstrumentSpec(instrument, s.symbol(), strip(tick), strip(step), strip(minQty), strip(maxQty),
                strip(minNotional), "TRADING".equals(s.status()));
    }

    /** A balance. */
    public static Balance balance(BinanceBalance b) {
        return new Balance(b.asset(), zeroIfNull(b.free()), zeroIfNull(b.locked()));
    }

    /** Binance order status to ours; PENDING_CANCEL (unused by Binance) stays open as NEW. */
    public static OrderStatus status(String s) {
        return switch (s == null ? "" : s) {
            case "NEW", "PENDING_NEW", "PENDING_CANCEL" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED;
            default -> throw new IllegalArgumentException("unknown binance order status '" + s + "'");
        };
    }

    /** Binance order type to ours. */
    public static OrderType type(String t) {
        return switch (t == null ? "" : t) {
            case "LIMIT", "LIMIT_MAKER" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            case "STOP_LOSS", "TAKE_PROFIT" -> OrderType.STOP_MARKET;
            case "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT" -> OrderType.STOP_LIMIT;
            default -> throw new IllegalArgumentException("unknown binance order type '" + t + "'");
        };
    }

    /** {@code BUY} or {@code SELL}. */
    public static Side side(String s) {
        return switch (s == null ? "" : s) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new IllegalArgumentException("unknown binance side '" + s + "'");
        };
    }

    /**
     * An order answer. A cancel answer names our order in {@code origClientOrderId} (its {@code clientOrderId} is the
     * cancel request's own id).
     */
    public static VenueOrder order(BinanceOrder o, Instrument instrument) {
        String id = o.origClientOrderId() != null && !o.origClientOrderId().isEmpty() ? o.origClientOrderId()
                : o.clientOrderId();
        BigDecimal filled = zeroIfNull(o.executedQty());
        long time = o.updateTime() != null ? o.updateTime() : o.transactTime() != null ? o.transactTime()
                : o.time() != null ? o.time() : 0;
        return new VenueOrder(ClientOrderId.of(id), new VenueOrderId(Long.toString(o.orderId())), instrument,
                side(o.side()), type(o.type()), status(o.status()), positiveOrNull(o.origQty()), filled,
                average(o.cummulativeQuoteQty(), filled), positiveOrNull(o.price()), null, time);
    }

    /** One fill from {@code myTrades}. */
    public static Fill fill(BinanceMyTrade t, ClientOrderId id, Instrument instrument) {
        return new Fill(Long.toString(t.id()), id, new VenueOrderId(Long.toString(t.orderId())), instrument,
                t.buyer() ? Side.BUY : Side.SELL, t.price(), t.qty(), t.commission(), t.commissionAsset(),
                t.maker() ? Liquidity.MAKER : Liquidity.TAKER, t.time());
    }

    /**
     * An {@code executionReport}: the order after the event, and the fill when the event is a trade. For a cancel the
     * order is named by {@code C}, the original client order id.
     */
    public static ExecutionReport report(String account, BinanceExecutionReport e, Instrument instrument) {
        String id = e.origClientOrderId() != null && !e.origClientOrderId().isEmpty() ? e.origClientOrderId()
                : e.clientOrderId();
        ClientOrderId cid = ClientOrderId.of(id);
        VenueOrderId vid = new VenueOrderId(Long.toString(e.orderId()));
        Side side = side(e.side());
        BigDecimal filled = zeroIfNull(e.cumulativeQuantity());
        String reason = e.rejectReason() == null || "NONE".equals(e.rejectReason()) ? null : e.rejectReason();
        VenueOrder order = new VenueOrder(cid, vid, instrument, side, type(e.orderType()), status(e.status()),
                positiveOrNull(e.quantity()), filled, average(e.cumulativeQuote(), filled), positiveOrNull(e.price()),
                reason, e.transactionTime());
        Fill fill = null;
        if ("TRADE".equals(e.executionType()) && e.tradeId() >= 0) {
            fill = new Fill(Long.toString(e.tradeId()), cid, vid, instrument, side, e.lastPrice(), e.lastQuantity(),
                    e.commission(), e.commissionAsset(), e.maker() ? Liquidity.MAKER : Liquidity.TAKER,
                    e.transactionTime());
        }
        return new ExecutionReport(account, order, fill);
    }

    /** A public trade; the aggressor is the seller when the buyer was the maker. */
    public static Trade trade(String source, BinanceTradeEvent e, Instrument instrument) {
        return new Trade(source, instrument, Long.toString(e.tradeId()), e.price(), e.quantity(),
                e.buyerMaker() ? Side.SELL : Side.BUY, e.tradeTime());
    }

    /** Best bid and offer; spot bookTicker has no event time, so the receive time is used. */
    public static Ticker ticker(String source, BinanceBookTicker t, Instrument instrument, long time) {
        return new Ticker(source, instrument, positiveOrNull(t.bid()), positiveOrNull(t.bidQty()), positiveOrNull(t.ask()),
                positiveOrNull(t.askQty()), null, time);
    }

    /** A closed kline. */
    public static Candle candle(String source, BinanceKline k, Instrument instrument, Timeframe timeframe) {
        return new Candle(source, instrument, timeframe, k.openTime(), k.open(), k.high(), k.low(), k.close(), k.volume());
    }

    /** {@code [price, quantity]} pairs to price levels. */
    public static List<PriceLevel> levels(List<List<BigDecimal>> pairs) {
        List<PriceLevel> out = new ArrayList<>(pairs.size());
        for (List<BigDecimal> p : pairs) {
            out.add(new PriceLevel(p.get(0), p.get(1)));
        }
        return out;
    }

    /**
     * The parameters of {@code POST /api/v3/order} for a request (without newOrderRespType, recvWindow, timestamp).
     *
     * @throws InvalidOrderException for order types the connector does not send
     */
    public static Map<String, String> orderParams(OrderRequest r, String symbol) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("side", r.side().name());
        switch (r.type()) {
            case LIMIT -> {
                if (r.timeInForce() == TimeInForce.POST_ONLY) {
                    p.put("type", "LIMIT_MAKER");
                } else {
                    p.put("type", "LIMIT");
                    p.put("timeInForce", r.timeInForce().name());
                }
                p.put("quantity", plain(r.quantity()));
                p.put("price", plain(r.limitPrice()));
            }
            case MARKET -> {
                p.put("type", "MARKET");
                if (r.quantity() != null) {
                    p.put("quantity", plain(r.quantity()));
                } else {
                    p.put("quoteOrderQty", plain(r.quoteQuantity()));
                }
            }
            default -> throw new InvalidOrderException("the binance connector does not send " + r.type()
                    + " orders yet; use LIMIT or MARKET for " + symbol);
        }
        p.put("newClientOrderId", r.clientOrderId().value());
        return p;
    }

    /** The Binance symbol of an instrument when it is simply base + quote. */
    public static String symbolOf(Instrument i) {
        return (i.base() + i.quote()).toUpperCase(Locale.ROOT);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal average(BigDecimal quote, BigDecimal base) {
        if (quote == null || base == null || base.signum() <= 0 || quote.signum() <= 0) {
            return null;
        }
        return quote.divide(base, MathContext.DECIMAL64).stripTrailingZeros();
    }

    private static BigDecimal positiveOrNull(BigDecimal v) {
        return v == null || v.signum() <= 0 ? null : v;
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }
}
