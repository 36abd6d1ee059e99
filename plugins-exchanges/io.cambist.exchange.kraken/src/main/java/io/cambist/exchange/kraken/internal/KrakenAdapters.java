package io.cambist.exchange.kraken.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
import io.cambist.api.model.Side;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.Trade;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.kraken.internal.KrakenInstruments.Rules;
import io.cambist.exchange.kraken.internal.dto.KrakenAssetPair;
import io.cambist.exchange.kraken.internal.dto.KrakenBalance;
import io.cambist.exchange.kraken.internal.dto.KrakenExecution;
import io.cambist.exchange.kraken.internal.dto.KrakenFee;
import io.cambist.exchange.kraken.internal.dto.KrakenOhlc;
import io.cambist.exchange.kraken.internal.dto.KrakenOrderInfo;
import io.cambist.exchange.kraken.internal.dto.KrakenTicker;
import io.cambist.exchange.kraken.internal.dto.KrakenTrade;
import io.cambist.exchange.kraken.internal.dto.KrakenTradeInfo;

/** Pure mapping between Kraken's DTOs and parameters and the {@code io.cambist.api} types. */
public final class KrakenAdapters {

    private KrakenAdapters() {
    }

    /** The currency code WebSocket v2 uses for a Kraken asset name: {@code XBT} is {@code BTC}, {@code XDG} is {@code DOGE}. */
    public static String v2Asset(String asset) {
        String a = asset.toUpperCase(Locale.ROOT);
        return switch (a) {
            case "XBT" -> "BTC";
            case "XDG" -> "DOGE";
            default -> a;
        };
    }

    /**
     * The rules of an AssetPairs entry: tick from {@code tick_size} (else {@code 10^-pair_decimals}), lot step
     * {@code 10^-lot_decimals}, minimum quantity {@code ordermin}, minimum notional {@code costmin}. Empty for pairs
     * without a WebSocket name (dark pools) or with codes that are not currency codes.
     */
    public static Optional<Rules> rules(String id, KrakenAssetPair p) {
        if (p == null || p.wsname() == null || p.wsname().indexOf('/') <= 0) {
            return Optional.empty();
        }
        String[] parts = p.wsname().split("/");
        Instrument instrument;
        try {
            instrument = Instrument.of(v2Asset(parts[0]), v2Asset(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        BigDecimal tick = p.tickSize() != null && p.tickSize().signum() > 0 ? p.tickSize().stripTrailingZeros()
                : BigDecimal.ONE.movePointLeft(p.pairDecimals());
        BigDecimal step = BigDecimal.ONE.movePointLeft(p.lotDecimals());
        String status = p.status() == null ? "online" : p.status();
        boolean trading = switch (status) {
            case "online", "limit_only", "post_only" -> true;
            default -> false;
        };
        InstrumentSpec spec = new InstrumentSpec(instrument, p.altname() == null ? id : p.altname(), tick, step,
                positive(p.ordermin()), null, positive(p.costmin()), trading);
        return Optional.of(new Rules(id, p.altname() == null ? id : p.altname(),
                instrument.base() + "/" + instrument.quote(), instrument, spec, p.pairDecimals(), p.lotDecimals(), status));
    }

    /** A BalanceEx entry: what open orders hold is locked, the rest is free. */
    public static Balance balance(String currency, KrakenBalance b) {
        BigDecimal total = b.balance() == null ? BigDecimal.ZERO : b.balance();
        BigDecimal held = b.holdTrade() == null ? BigDecimal.ZERO : b.holdTrade();
        return new Balance(currency, total.subtract(held).max(BigDecimal.ZERO), held);
    }

    /** {@code buy} or {@code sell}. */
    public static Side side(String s) {
        return switch (s == null ? "" : s) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new IllegalArgumentException("unknown kraken side '" + s + "'");
        };
    }

    /** Kraken's order type to ours. */
    public static OrderType type(String t) {
        return switch (t == null ? "" : t) {
            case "limit", "iceberg" -> OrderType.LIMIT;
            case "market" -> OrderType.MARKET;
            case "stop-loss", "take-profit", "trailing-stop" -> OrderType.STOP_MARKET;
            case "stop-loss-limit", "take-profit-limit", "trailing-stop-limit" -> OrderType.STOP_LIMIT;
            default -> throw new IllegalArgumentException("unknown kraken order type '" + t + "'");
        };
    }

    /**
     * A REST order status to ours: {@code pending} and {@code open} are working (partially filled once something
     * executed), {@code closed} is filled (expired when an IOC or market remainder went unfilled), {@code canceled}
     * and {@code expired} are what they say.
     */
    public static OrderStatus status(String status, BigDecimal vol, BigDecimal volExec) {
        boolean some = volExec != null && volExec.signum() > 0;
        return switch (status == null ? "" : status) {
            case "pending", "open" -> some ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            case "closed" -> vol == null || vol.signum() == 0 || (volExec != null && volExec.compareTo(vol) >= 0)
                    ? OrderStatus.FILLED : OrderStatus.EXPIRED;
            case "canceled" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            default -> throw new IllegalArgumentException("unknown kraken order status '" + status + "'");
        };
    }

    /** An executions channel {@code order_status} to ours ({@code null} when absent). */
    public static OrderStatus streamStatus(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "pending_new" -> OrderStatus.PENDING_NEW;
            case "new" -> OrderStatus.NEW;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            default -> throw new IllegalArgumentException("unknown kraken order_status '" + s + "'");
        };
    }

    /** An order from QueryOrders, OpenOrders or ClosedOrders; {@code fallbackId} when Kraken did not echo a cl_ord_id. */
    public static VenueOrder order(String txid, KrakenOrderInfo o, Instrument instrument, ClientOrderId fallbackId) {
        ClientOrderId id = o.clOrdId() != null && !o.clOrdId().isEmpty() ? ClientOrderId.of(o.clOrdId()) : fallbackId;
        if (id == null) {
            throw new IllegalArgumentException("kraken order " + txid + " has no cl_ord_id");
        }
        BigDecimal filled = zeroIfNull(o.volExec());
        OrderType type = o.descr() == null ? null : type(o.descr().ordertype());
        BigDecimal limit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT ? decimal(o.descr().price()) : null;
        BigDecimal time = o.closetm() != null && o.closetm().signum() > 0 ? o.closetm() : o.opentm();
        return new VenueOrder(id, new VenueOrderId(txid), instrument, o.descr() == null ? null : side(o.descr().type()),
                type, status(o.status(), o.vol(), filled), positiveOrNull(o.vol()), filled,
                filled.signum() > 0 ? positiveOrNull(o.price()) : null, positiveOrNull(limit),
                o.reason() == null || o.reason().isEmpty() ? null : o.reason(), millis(time));
    }

    /** One own trade from QueryTrades; Kraken charges spot fees in the quote currency unless told otherwise. */
    public static Fill fill(String tradeTxid, KrakenTradeInfo t, ClientOrderId id, Instrument instrument) {
        return new Fill(tradeTxid, id, t.ordertxid() == null ? null : new VenueOrderId(t.ordertxid()), instrument,
                side(t.type()), t.price(), t.vol(), t.fee(), instrument.quote(),
                t.maker() == null ? null : t.maker() ? Liquidity.MAKER : Liquidity.TAKER, millis(t.time()));
    }

    /**
     * An executions channel event as an execution report. Fields the event leaves out (Kraken sends only what changed)
     * are taken from {@code known}, the order as last reported. A {@code trade} event carries the fill, identified by
     * its {@code exec_id}.
     *
     * @param currency maps the fee asset to a currency code
     */
    public static ExecutionReport report(String account, KrakenExecution e, VenueOrder known,
            Function<String, Optional<String>> currency, long fallbackTime) {
        Side side = e.side() != null ? side(e.side()) : known.side();
        OrderType type = e.orderType() != null ? type(e.orderType()) : known.type();
        BigDecimal qty = e.orderQty() != null ? positiveOrNull(e.orderQty()) : known.quantity();
        BigDecimal filled = e.cumQty() != null ? e.cumQty() : known.filledQuantity();
        BigDecimal avg = e.avgPrice() != null && e.avgPrice().signum() > 0 ? e.avgPrice() : known.averagePrice();
        BigDecimal limit = e.limitPrice() != null ? positiveOrNull(e.limitPrice()) : known.limitPrice();
        OrderStatus status = streamStatus(e.orderStatus());
        if (status == null) {
            status = switch (e.execType() == null ? "" : e.execType()) {
                case "canceled" -> OrderStatus.CANCELED;
                case "expired" -> OrderStatus.EXPIRED;
                case "filled" -> OrderStatus.FILLED;
                case "trade" -> qty != null && filled != null && filled.compareTo(qty) >= 0 ? OrderStatus.FILLED
                        : OrderStatus.PARTIALLY_FILLED;
                default -> known.status();
            };
        }
        long time = time(e.timestamp(), fallbackTime);
        VenueOrderId vid = e.orderId() != null ? new VenueOrderId(e.orderId()) : known.venueOrderId();
        String reason = e.reason() != null && !e.reason().isEmpty() ? e.reason() : known.reason();
        VenueOrder order = new VenueOrder(known.clientOrderId(), vid, known.instrument(), side, type, status, qty, filled,
                avg, limit, reason, time);
        Fill fill = null;
        if ("trade".equals(e.execType())) {
            if (e.execId() == null || e.lastQty() == null || e.lastPrice() == null || side == null) {
                throw new IllegalArgumentException("kraken trade event for order " + e.orderId()
                        + " lacks exec_id, last_qty, last_price or side");
            }
            BigDecimal fee = BigDecimal.ZERO;
            String feeCurrency = known.instrument().quote();
            for (KrakenFee f : e.fees()) {
                if (f.qty() != null) {
                    fee = fee.add(f.qty());
                }
                if (f.asset() != null) {
                    feeCurrency = currency.apply(f.asset()).orElse(feeCurrency);
                }
            }
            Liquidity liquidity = "m".equals(e.liquidityInd()) ? Liquidity.MAKER
                    : "t".equals(e.liquidityInd()) ? Liquidity.TAKER : null;
            fill = new Fill(e.execId(), known.clientOrderId(), vid, known.instrument(), side, e.lastPrice(), e.lastQty(),
                    fee, feeCurrency, liquidity, time);
        }
        return new ExecutionReport(account, order, fill);
    }

    /** The order as we know it before any venue update: what the event itself says, or what was placed. */
    public static VenueOrder initial(ClientOrderId id, Instrument instrument, KrakenExecution e) {
        return new VenueOrder(id, e.orderId() == null ? null : new VenueOrderId(e.orderId()), instrument,
                e.side() == null ? null : side(e.side()), e.orderType() == null ? null : type(e.orderType()),
                OrderStatus.PENDING_NEW, positiveOrNull(e.orderQty()), BigDecimal.ZERO, null,
                positiveOrNull(e.limitPrice()), null, 0);
    }

    /** A public trade; Kraken's {@code side} is the taker's. */
    public static Trade trade(String source, KrakenTrade t, Instrument instrument, long fallbackTime) {
        return new Trade(source, instrument, Long.toString(t.tradeId()), t.price(), t.qty(), side(t.side()),
                time(t.timestamp(), fallbackTime));
    }

    /** Best bid and offer with the last trade price. */
    public static Ticker ticker(String source, KrakenTicker t, Instrument instrument, long fallbackTime) {
        return new Ticker(source, instrument, positiveOrNull(t.bid()), positiveOrNull(t.bidQty()), positiveOrNull(t.ask()),
                positiveOrNull(t.askQty()), positiveOrNull(t.last()), time(t.timestamp(), fallbackTime));
    }

    /** A completed candle. */
    public static Candle candle(String source, KrakenOhlc o, Instrument instrument, Timeframe timeframe) {
        return new Candle(source, instrument, timeframe, time(o.intervalBegin(), 0), o.open(), o.high(), o.low(),
                o.close(), o.volume() == null ? BigDecimal.ZERO : o.volume());
    }

    /** The {@code interval} (minutes) of Kraken's ohlc channel for a candle width; {@code null} means 1 minute. */
    public static int interval(Timeframe timeframe) {
        Timeframe t = timeframe == null ? Timeframe.M1 : timeframe;
        return switch (t) {
            case M1 -> 1;
            case M5 -> 5;
            case M15 -> 15;
            case M30 -> 30;
            case H1 -> 60;
            case H4 -> 240;
            case D1 -> 1440;
            case W1 -> 10080;
            default -> throw new InvalidOrderException("kraken has no " + t.label() + " candles; use 1m, 5m, 15m, 30m, "
                    + "1h, 4h, 1d or 1w");
        };
    }

    /** The candle width of a Kraken ohlc {@code interval} in minutes. */
    public static Optional<Timeframe> timeframe(int intervalMinutes) {
        return Timeframe.ofMillis(intervalMinutes * 60_000L);
    }

    /**
     * The form parameters of {@code POST /0/private/AddOrder} for a checked request (without the nonce): post-only is
     * {@code oflags=post}, IOC is {@code timeinforce=IOC}; the client order id goes out as {@code cl_ord_id}.
     */
    public static Map<String, String> orderParams(OrderRequest r, Rules rules) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ordertype", r.type() == OrderType.MARKET ? "market" : "limit");
        p.put("type", r.side() == Side.BUY ? "buy" : "sell");
        p.put("volume", plain(r.quantity()));
        p.put("pair", rules.altname());
        if (r.type() == OrderType.LIMIT) {
            p.put("price", plain(r.limitPrice()));
            if (r.timeInForce() == TimeInForce.POST_ONLY) {
                p.put("oflags", "post");
            } else if (r.timeInForce() == TimeInForce.IOC) {
                p.put("timeinforce", "IOC");
            }
        }
        p.put("cl_ord_id", r.clientOrderId().value());
        return p;
    }

    /** Epoch milliseconds of an RFC 3339 time, or the fallback when it is absent or unreadable. */
    public static long time(String rfc3339, long fallback) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return fallback;
        }
        try {
            return Instant.parse(rfc3339).toEpochMilli();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** Epoch milliseconds of a unix time in seconds with a fraction ({@code 1688583840.8648}). */
    public static long millis(BigDecimal unixSeconds) {
        return unixSeconds == null ? 0 : unixSeconds.movePointRight(3).longValue();
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal positiveOrNull(BigDecimal v) {
        return v == null || v.signum() <= 0 ? null : v;
    }

    private static BigDecimal positive(BigDecimal v) {
        return v == null || v.signum() <= 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
