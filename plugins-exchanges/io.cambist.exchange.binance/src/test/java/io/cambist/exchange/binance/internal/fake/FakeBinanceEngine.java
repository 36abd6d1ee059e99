package io.cambist.exchange.binance.internal.fake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.PriceLevel;
import io.cambist.api.model.Timeframe;

/**
 * The state of the fake Binance venue: one symbol's book (synthetic liquidity plus the account's resting orders), a
 * tiny matching engine, balances and fills. Every operation returns the stream messages it caused, for the venue to
 * publish in order. Not thread-safe: the venue calls it under one lock.
 * <p>
 * Longer than most classes on purpose: the book, the orders and the matching change together in one step (one
 * depth update per step); balances and payload rendering live in {@link FakeBinanceAccount} and
 * {@link FakeBinancePayloads}.
 */
final class FakeBinanceEngine {

    /** A message for a stream ({@code ethbtc@trade}, ...) or for the user data stream ({@link #USER}). */
    record Out(String stream, ObjectNode data) {
    }

    /** An error answer. */
    static final class VenueError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int http;
        final int code;

        VenueError(int http, int code, String msg) {
            super(msg);
            this.http = http;
            this.code = code;
        }
    }

    static final String USER = "!user";
    static final BigDecimal FEE = new BigDecimal("0.001");

    static final class Level {
        BigDecimal synthetic = BigDecimal.ZERO;
        final List<Order> own = new ArrayList<>();

        BigDecimal total() {
            BigDecimal t = synthetic;
            for (Order o : own) {
                t = t.add(o.origQty.subtract(o.executed));
            }
            return t;
        }
    }

    static final class Order {
        long orderId;
        String clientOrderId;
        String side;
        String type;
        String timeInForce;
        BigDecimal price = BigDecimal.ZERO;
        BigDecimal origQty = BigDecimal.ZERO;
        BigDecimal origQuoteQty = BigDecimal.ZERO;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal cumQuote = BigDecimal.ZERO;
        String status = "NEW";
        long time;
        long updateTime;

        boolean open() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }
    }

    record MyTrade(long id, long orderId, BigDecimal price, BigDecimal qty, BigDecimal commission, String asset,
            long time, boolean buyer, boolean maker) {
    }

    final String symbol = "ETHBTC";
    final Instrument instrument = Instrument.of("ETH", "BTC");
    final BigDecimal tick = new BigDecimal("0.000001");
    final BigDecimal step = new BigDecimal("0.001");
    final BigDecimal minQty = new BigDecimal("0.001");
    final BigDecimal minNotional = new BigDecimal("0.0001");

    private final ObjectMapper json;
    private final FakeBinancePayloads payloads;
    private final Random random = new Random(42);
    private final TreeMap<BigDecimal, Level> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, Level> asks = new TreeMap<>();
    private final FakeBinanceAccount wallet;
    private final Map<Long, Order> orders = new LinkedHashMap<>();
    private final List<MyTrade> myTrades = new ArrayList<>();
    private final Map<BigDecimal, Boolean> changedBids = new LinkedHashMap<>();
    private final Map<BigDecimal, Boolean> changedAsks = new LinkedHashMap<>();
    private long updateId = 1_000;
    private long tradeId = 5_000;
    private long orderIds = 100;
    private long activity;
    private long candleOpen;

    FakeBinanceEngine(ObjectMapper json) {
        this.json = json;
        this.payloads = new FakeBinancePayloads(json);
        for (int i = 0; i < 20; i++) {
            level(bids, new BigDecimal("0.049990").subtract(new BigDecimal("0.000010").multiply(BigDecimal.valueOf(i))))
                    .synthetic = randomQty();
            level(asks, new BigDecimal("0.050010").add(new BigDecimal("0.000010").multiply(BigDecimal.valueOf(i))))
                    .synthetic = randomQty();
        }
        this.wallet = new FakeBinanceAccount(json);
    }

    private BigDecimal randomQty() {
        return BigDecimal.valueOf(1000 + random.nextInt(19_000), 3);
    }

    private static Level level(TreeMap<BigDecimal, Level> side, BigDecimal price) {
        return side.computeIfAbsent(price.setScale(6, RoundingMode.UNNECESSARY), p -> new Level());
    }

    static String fmt(BigDecimal v) {
        return v.setScale(8, RoundingMode.DOWN).toPlainString();
    }

    long now() {
        return System.currentTimeMillis();
    }

    // ---- REST views ----

    ObjectNode exchangeInfo(long serverTime) {
        return payloads.exchangeInfo(serverTime, symbol, tick, step, minQty, minNotional);
    }

    private ObjectNode orderJson(Order o, boolean placed) {
        return payloads.order(symbol, o, placed);
    }

    private ObjectNode report(Order o, String exec, String status, MyTrade fill, String cancelId) {
        return payloads.report(symbol, o, exec, status, fill, cancelId);
    }

    private ObjectNode kline(Timeframe tf, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, boolean closed) {
        return payloads.kline(symbol, tf, candleOpen, o, h, l, c, closed);
    }

    ObjectNode depth(String sym, int limit) {
        requireSymbol(sym);
        ObjectNode root = json.createObjectNode();
        root.put("lastUpdateId", updateId);
        writeLevels(root.putArray("bids"), bids, limit);
        writeLevels(root.putArray("asks"), asks, limit);
        return root;
    }

    private static void writeLevels(ArrayNode out, TreeMap<BigDecimal, Level> side, int limit) {
        int n = 0;
        for (Map.Entry<BigDecimal, Level> e : side.entrySet()) {
            if (n++ == limit) {
                break;
            }
            out.addArray().add(fmt(e.getKey())).add(fmt(e.getValue().total()));
        }
    }

    OrderBook book(int depth) {
        return new OrderBook("venue", instrument, updateId, top(bids, depth), top(asks, depth), now());
    }

    private static List<PriceLevel> top(TreeMap<BigDecimal, Level> side, int depth) {
        List<PriceLevel> out = new ArrayList<>();
        for (Map.Entry<BigDecimal, Level> e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new PriceLevel(e.getKey(), e.getValue().total()));
        }
        return out;
    }

    ObjectNode account() {
        return wallet.account();
    }

    private void requireSymbol(String sym) {
        if (!symbol.equals(sym)) {
            throw new VenueError(400, -1121, "Invalid symbol.");
        }
    }

    // ---- orders ----

    ObjectNode newOrder(Map<String, String> p, List<Out> out) {
        requireSymbol(p.get("symbol"));
        String side = p.get("side");
        String type = p.get("type");
        String cid = p.getOrDefault("newClientOrderId", "auto" + orderIds);
        if (!"BUY".equals(side) && !"SELL".equals(side)) {
            throw new VenueError(400, -1102, "Mandatory parameter 'side' was not sent, was empty/null, or malformed.");
        }
        for (Order o : orders.values()) {
            if (o.open() && o.clientOrderId.equals(cid)) {
                throw new VenueError(400, -2010, "Duplicate order sent.");
            }
        }
        Order o = new Order();
        o.orderId = ++orderIds;
        o.clientOrderId = cid;
        o.side = side;
        o.type = type;
        o.time = now();
        o.updateTime = o.time;
        boolean buy = side.equals("BUY");
        switch (type) {
            case "LIMIT", "LIMIT_MAKER" -> {
                o.price = decimal(p, "price");
                o.origQty = decimal(p, "quantity");
                o.timeInForce = type.equals("LIMIT_MAKER") ? "GTC" : p.getOrDefault("timeInForce", "");
                if (type.equals("LIMIT") && !List.of("GTC", "IOC", "FOK").contains(o.timeInForce)) {
                    throw new VenueError(400, -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
                }
                checkFilters(o.price, o.origQty);
                BigDecimal best = buy ? (asks.isEmpty() ? null : asks.firstKey()) : (bids.isEmpty() ? null : bids.firstKey());
                boolean crosses = best != null && (buy ? o.price.compareTo(best) >= 0 : o.price.compareTo(best) <= 0);
                if (type.equals("LIMIT_MAKER") && crosses) {
                    throw new VenueError(400, -2010, "Order would immediately match and take.");
                }
                wallet.reserve(buy, o.price.multiply(o.origQty), o.origQty);
            }
            case "MARKET" -> {
                o.timeInForce = "GTC";
                if (p.containsKey("quantity")) {
                    o.origQty = decimal(p, "quantity");
                    checkFilters(null, o.origQty);
                } else if (p.containsKey("quoteOrderQty")) {
                    o.origQuoteQty = decimal(p, "quoteOrderQty");
                    if (o.origQuoteQty.compareTo(minNotional) < 0) {
                        throw new VenueError(400, -1013, "Filter failure: NOTIONAL");
                    }
                } else {
                    throw new VenueError(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
                }
                BigDecimal cost = o.origQuoteQty.signum() > 0 ? o.origQuoteQty
                        : (buy ? o.origQty.multiply(asks.isEmpty() ? BigDecimal.ONE : asks.lastKey()) : o.origQty);
                wallet.reserve(buy, buy ? cost : null, buy ? null : o.origQty.signum() > 0 ? o.origQty : BigDecimal.ZERO);
            }
            default -> throw new VenueError(400, -1116, "Invalid orderType.");
        }
        orders.put(o.orderId, o);
        List<Out> trades = new ArrayList<>();
        take(o, trades);
        out.add(new Out(USER, report(o, "NEW", "NEW", null, null)));
        out.addAll(trades);
        finish(o, out);
        flushDepth(out);
        return orderJson(o, true);
    }

    private void finish(Order o, List<Out> out) {
        boolean buy = o.side.equals("BUY");
        boolean complete = o.origQty.signum() > 0 && o.executed.compareTo(o.origQty) >= 0;
        if (complete) {
            return;
        }
        if (o.type.equals("MARKET") || "IOC".equals(o.timeInForce) || "FOK".equals(o.timeInForce)) {
            o.status = "EXPIRED";
            out.add(new Out(USER, report(o, "EXPIRED", "EXPIRED", null, null)));
            return;
        }
        wallet.lock(buy, o);
        level(buy ? bids : asks, o.price).own.add(o);
        changed(buy, o.price);
    }

    // matching against synthetic liquidity on the other side: plan the fills, then execute them in price order
    private void take(Order o, List<Out> out) {
        boolean buy = o.side.equals("BUY");
        TreeMap<BigDecimal, Level> other = buy ? asks : bids;
        boolean byQuote = o.origQuoteQty.signum() > 0;
        if ("FOK".equals(o.timeInForce) && available(o, other).compareTo(o.origQty) < 0) {
            return;
        }
        List<BigDecimal[]> plan = new ArrayList<>();
        BigDecimal quoteLeft = o.origQuoteQty;
        BigDecimal planned = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, Level> e : other.entrySet()) {
            BigDecimal price = e.getKey();
            if (o.type.startsWith("LIMIT") && (buy ? price.compareTo(o.price) > 0 : price.compareTo(o.price) < 0)) {
                break;
            }
            BigDecimal want = byQuote ? quoteLeft.divide(price, 3, RoundingMode.DOWN) : o.origQty.subtract(planned);
            if (want.signum() <= 0) {
                break;
            }
            BigDecimal qty = want.min(e.getValue().synthetic);
            if (qty.signum() > 0) {
                plan.add(new BigDecimal[] {price, qty});
                planned = planned.add(qty);
                quoteLeft = quoteLeft.subtract(qty.multiply(price));
            }
        }
        if (byQuote) {
            o.origQty = planned;
        }
        for (BigDecimal[] fill : plan) {
            Level level = other.get(fill[0]);
            level.synthetic = level.synthetic.subtract(fill[1]);
            if (level.total().signum() == 0) {
                other.remove(fill[0]);
            }
            changed(!buy, fill[0]);
            execute(o, fill[0], fill[1], false, out);
        }
    }

    private BigDecimal available(Order o, TreeMap<BigDecimal, Level> other) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean buy = o.side.equals("BUY");
        for (Map.Entry<BigDecimal, Level> e : other.entrySet()) {
            if (buy ? e.getKey().compareTo(o.price) > 0 : e.getKey().compareTo(o.price) < 0) {
                break;
            }
            sum = sum.add(e.getValue().synthetic);
        }
        return sum;
    }

    private void execute(Order o, BigDecimal price, BigDecimal qty, boolean maker, List<Out> out) {
        boolean buy = o.side.equals("BUY");
        long id = ++tradeId;
        o.executed = o.executed.add(qty);
        o.cumQuote = o.cumQuote.add(price.multiply(qty));
        o.updateTime = now();
        boolean complete = o.origQty.signum() > 0 && o.executed.compareTo(o.origQty) >= 0;
        o.status = complete ? "FILLED" : "PARTIALLY_FILLED";
        BigDecimal commission = buy ? qty.multiply(FEE) : price.multiply(qty).multiply(FEE);
        String asset = buy ? "ETH" : "BTC";
        wallet.settle(buy, price, qty, commission, maker, o);
        MyTrade t = new MyTrade(id, o.orderId, price, qty, commission, asset, o.updateTime, buy, maker);
        myTrades.add(t);
        out.add(new Out(USER, report(o, "TRADE", o.status, t, null)));
        ObjectNode trade = json.createObjectNode();
        trade.put("e", "trade").put("E", now()).put("s", symbol).put("t", id).put("p", fmt(price)).put("q", fmt(qty))
                .put("T", o.updateTime).put("m", maker == buy).put("M", true);
        out.add(new Out(stream("@trade"), trade));
    }

    ObjectNode cancel(String sym, String cid, List<Out> out) {
        requireSymbol(sym);
        Order o = find(cid);
        if (o == null || !o.open()) {
            throw new VenueError(400, -2011, "Unknown order sent.");
        }
        boolean buy = o.side.equals("BUY");
        Level level = (buy ? bids : asks).get(o.price.setScale(6, RoundingMode.UNNECESSARY));
        if (level != null) {
            level.own.remove(o);
            wallet.unlock(buy, o);
            if (level.total().signum() == 0) {
                (buy ? bids : asks).remove(o.price.setScale(6, RoundingMode.UNNECESSARY));
            }
            changed(buy, o.price);
        }
        o.status = "CANCELED";
        o.updateTime = now();
        String cancelId = "cancel" + (++orderIds);
        out.add(new Out(USER, report(o, "CANCELED", "CANCELED", null, cancelId)));
        flushDepth(out);
        ObjectNode answer = orderJson(o, false);
        answer.put("origClientOrderId", o.clientOrderId);
        answer.put("clientOrderId", cancelId);
        answer.put("transactTime", o.updateTime);
        return answer;
    }

    ObjectNode query(String sym, String cid) {
        requireSymbol(sym);
        Order o = find(cid);
        if (o == null) {
            throw new VenueError(400, -2013, "Order does not exist.");
        }
        return orderJson(o, false);
    }

    ArrayNode openOrders() {
        ArrayNode list = json.createArrayNode();
        orders.values().stream().filter(Order::open).forEach(o -> list.add(orderJson(o, false)));
        return list;
    }

    ArrayNode myTrades(String sym, long orderId) {
        requireSymbol(sym);
        ArrayNode list = json.createArrayNode();
        for (MyTrade t : myTrades) {
            if (t.orderId() == orderId) {
                list.addObject().put("symbol", symbol).put("id", t.id()).put("orderId", t.orderId()).put("orderListId", -1)
                        .put("price", fmt(t.price())).put("qty", fmt(t.qty())).put("quoteQty", fmt(t.price().multiply(t.qty())))
                        .put("commission", fmt(t.commission())).put("commissionAsset", t.asset()).put("time", t.time())
                        .put("isBuyer", t.buyer()).put("isMaker", t.maker()).put("isBestMatch", true);
            }
        }
        return list;
    }

    private Order find(String cid) {
        Order found = null;
        for (Order o : orders.values()) {
            if (o.clientOrderId.equals(cid)) {
                found = o;
            }
        }
        return found;
    }

    /** A counterparty takes the whole remaining quantity of a resting order at its price. */
    void fillResting(String cid, List<Out> out) {
        Order o = find(cid);
        if (o == null || !o.open()) {
            throw new IllegalStateException("no resting order " + cid + " at the fake venue");
        }
        boolean buy = o.side.equals("BUY");
        BigDecimal key = o.price.setScale(6, RoundingMode.UNNECESSARY);
        Level level = (buy ? bids : asks).get(key);
        BigDecimal qty = o.origQty.subtract(o.executed);
        level.own.remove(o);
        if (level.total().signum() == 0) {
            (buy ? bids : asks).remove(key);
        }
        changed(buy, o.price);
        execute(o, o.price, qty, true, out);
        flushDepth(out);
    }

    private static BigDecimal decimal(Map<String, String> p, String name) {
        String v = p.get(name);
        try {
            return new BigDecimal(v);
        } catch (RuntimeException e) {
            throw new VenueError(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
    }

    private void checkFilters(BigDecimal price, BigDecimal qty) {
        if (price != null && (price.signum() <= 0 || price.remainder(tick).signum() != 0)) {
            throw new VenueError(400, -1013, "Filter failure: PRICE_FILTER");
        }
        if (qty.compareTo(minQty) < 0 || qty.remainder(step).signum() != 0) {
            throw new VenueError(400, -1013, "Filter failure: LOT_SIZE");
        }
        if (price != null && price.multiply(qty).compareTo(minNotional) < 0) {
            throw new VenueError(400, -1013, "Filter failure: NOTIONAL");
        }
    }

    // ---- market activity ----

    /** Moves the market: two levels change, a public trade prints at the best bid, the top of book is published. */
    void marketActivity(List<Out> out) {
        activity++;
        List<BigDecimal> bidPrices = new ArrayList<>(bids.keySet());
        List<BigDecimal> askPrices = new ArrayList<>(asks.keySet());
        BigDecimal b = bidPrices.get((int) ((activity * 3) % Math.min(10, bidPrices.size())));
        BigDecimal a = askPrices.get((int) ((activity * 7) % Math.min(10, askPrices.size())));
        bids.get(b).synthetic = randomQty();
        asks.get(a).synthetic = randomQty();
        changed(true, b);
        changed(false, a);
        if (activity % 4 == 0) {
            BigDecimal deepBid = bids.lastKey().subtract(new BigDecimal("0.000010"));
            level(bids, deepBid).synthetic = randomQty();
            changed(true, deepBid);
            BigDecimal deepAsk = asks.lastKey().add(new BigDecimal("0.000010"));
            level(asks, deepAsk).synthetic = randomQty();
            changed(false, deepAsk);
        }
        BigDecimal best = bids.firstKey();
        Level top = bids.get(best);
        BigDecimal qty = top.synthetic.divide(BigDecimal.valueOf(10), 3, RoundingMode.DOWN).max(minQty);
        if (top.synthetic.compareTo(qty) > 0) {
            top.synthetic = top.synthetic.subtract(qty);
            changed(true, best);
            ObjectNode trade = json.createObjectNode();
            trade.put("e", "trade").put("E", now()).put("s", symbol).put("t", ++tradeId).put("p", fmt(best))
                    .put("q", fmt(qty)).put("T", now()).put("m", true).put("M", true);
            out.add(new Out(stream("@trade"), trade));
        }
        flushDepth(out);
    }

    /** Publishes a partial then a closed kline of the given width. */
    void closeCandle(Timeframe tf, List<Out> out) {
        if (candleOpen == 0) {
            candleOpen = now() / tf.millis() * tf.millis() - 100 * tf.millis();
        }
        BigDecimal mid = bids.firstKey().add(asks.firstKey()).divide(BigDecimal.valueOf(2), 7, RoundingMode.HALF_UP);
        BigDecimal open = mid.subtract(tick.multiply(BigDecimal.valueOf(random.nextInt(5))));
        BigDecimal close = mid.add(tick.multiply(BigDecimal.valueOf(random.nextInt(5))));
        BigDecimal high = open.max(close).add(tick.multiply(BigDecimal.valueOf(3)));
        BigDecimal low = open.min(close).subtract(tick.multiply(BigDecimal.valueOf(3)));
        out.add(new Out(stream("@kline_" + tf.label()), kline(tf, open, high, low, close, false)));
        out.add(new Out(stream("@kline_" + tf.label()), kline(tf, open, high, low, close, true)));
        candleOpen += tf.millis();
    }

    private void changed(boolean bid, BigDecimal price) {
        (bid ? changedBids : changedAsks).put(price.setScale(6, RoundingMode.UNNECESSARY), Boolean.TRUE);
    }

    // one depth diff (and a bookTicker) for everything changed since the last flush
    private void flushDepth(List<Out> out) {
        int changes = changedBids.size() + changedAsks.size();
        if (changes == 0) {
            return;
        }
        long first = updateId + 1;
        updateId += changes;
        ObjectNode d = json.createObjectNode();
        d.put("e", "depthUpdate").put("E", now()).put("s", symbol).put("U", first).put("u", updateId);
        diff(d.putArray("b"), bids, changedBids);
        diff(d.putArray("a"), asks, changedAsks);
        changedBids.clear();
        changedAsks.clear();
        out.add(new Out(stream("@depth@100ms"), d));
        ObjectNode t = json.createObjectNode();
        t.put("u", updateId).put("s", symbol).put("b", fmt(bids.firstKey())).put("B", fmt(bids.firstEntry().getValue().total()))
                .put("a", fmt(asks.firstKey())).put("A", fmt(asks.firstEntry().getValue().total()));
        out.add(new Out(stream("@bookTicker"), t));
    }

    private static void diff(ArrayNode out, TreeMap<BigDecimal, Level> side, Map<BigDecimal, Boolean> changed) {
        for (BigDecimal price : changed.keySet()) {
            Level l = side.get(price);
            out.addArray().add(fmt(price)).add(l == null ? "0.00000000" : fmt(l.total()));
        }
    }

    String stream(String suffix) {
        return symbol.toLowerCase(Locale.ROOT) + suffix;
    }
}
