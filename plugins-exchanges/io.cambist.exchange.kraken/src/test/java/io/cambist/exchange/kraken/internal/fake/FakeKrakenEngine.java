package io.cambist.exchange.kraken.internal.fake;

import static io.cambist.exchange.kraken.internal.fake.FakeKrakenBook.qty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.PriceLevel;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenBook.Level;

/**
 * The state of the fake Kraken venue: one pair's book, a small matching engine, balances, own trades and candles.
 * Every operation returns the stream messages it caused ({@link Out}); book changes are read from {@link #book} by
 * the venue afterwards. Not thread-safe: the venue calls it under one lock.
 * <p>
 * Longer than most classes on purpose: orders, matching and balances change together in one step; the book lives in
 * {@link FakeKrakenBook}, the REST views in {@link FakeKrakenViews}.
 */
final class FakeKrakenEngine {

    /** What happened: an executions event, a public trade, a ticker or a candle update. */
    enum Kind { EXEC, TRADE, TICKER, OHLC }

    record Out(Kind kind, ObjectNode data) {
    }

    /** A Kraken error answer. */
    static final class VenueError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VenueError(String error) {
            super(error);
        }
    }

    static final class Order {
        String txid;
        String clOrdId;
        String side;
        String type;
        String tif = "GTC";
        boolean post;
        BigDecimal price;
        BigDecimal vol = BigDecimal.ZERO;
        BigDecimal volExec = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        String status = "pending";
        String reason;
        long opentm;
        long closetm;
        final List<String> trades = new ArrayList<>();

        boolean open() {
            return status.equals("pending") || status.equals("open");
        }

        boolean buy() {
            return side.equals("buy");
        }
    }

    record MyTrade(String txid, String ordertxid, String type, String ordertype, BigDecimal price, BigDecimal vol,
            BigDecimal fee, long time, long tradeId, boolean maker) {
    }

    static final String PAIR = "XETHXXBT";
    static final String ALTNAME = "ETHXBT";
    static final String SYMBOL = "ETH/BTC";
    static final BigDecimal TICK = new BigDecimal("0.00001");
    static final BigDecimal ORDERMIN = new BigDecimal("0.002");
    static final BigDecimal COSTMIN = new BigDecimal("0.00002");
    static final BigDecimal MAKER_FEE = new BigDecimal("0.0016");
    static final BigDecimal TAKER_FEE = new BigDecimal("0.0026");

    final Instrument instrument = Instrument.of("ETH", "BTC");
    final FakeKrakenBook book = new FakeKrakenBook();
    final Map<String, Order> orders = new LinkedHashMap<>();
    final Map<String, MyTrade> myTrades = new LinkedHashMap<>();
    final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();

    private final ObjectMapper json;
    private final Random random = new Random(7);
    private long ids = 1000;
    private long publicTradeId = 4_665_900;
    private long activity;
    private BigDecimal last = new BigDecimal("0.05000");
    private final Map<Integer, long[]> candleBegin = new LinkedHashMap<>();
    private final Map<Integer, BigDecimal[]> candle = new LinkedHashMap<>();
    private final Map<Integer, List<ObjectNode>> history = new LinkedHashMap<>();

    FakeKrakenEngine(ObjectMapper json) {
        this.json = json;
        for (int i = 0; i < 20; i++) {
            book.level(true, new BigDecimal("0.04999").subtract(TICK.multiply(BigDecimal.valueOf(i)))).synthetic = randomQty();
            book.level(false, new BigDecimal("0.05001").add(TICK.multiply(BigDecimal.valueOf(i)))).synthetic = randomQty();
        }
        balances.put("XXBT", new BigDecimal[] {new BigDecimal("10"), BigDecimal.ZERO});
        balances.put("XETH", new BigDecimal[] {new BigDecimal("100"), BigDecimal.ZERO});
        balances.put("ZUSD", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private BigDecimal randomQty() {
        return BigDecimal.valueOf(1000 + random.nextInt(19_000), 3);
    }

    long now() {
        return System.currentTimeMillis();
    }

    /** An id shaped like Kraken's ({@code OUF4EM-FRGI2-MQMWZD}), unique in the venue. */
    private String id(char prefix) {
        long n = ++ids;
        return prefix + pad(n, 5) + "-" + pad(n * 7919 % 60_466_176L, 5) + "-" + pad(n * 104_729 % 2_176_782_336L, 6);
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v, 36).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    // ---- orders ----

    ObjectNode addOrder(Map<String, String> p, List<Out> out) {
        String pair = p.get("pair");
        if (!PAIR.equals(pair) && !ALTNAME.equals(pair)) {
            throw new VenueError("EQuery:Unknown asset pair");
        }
        Order o = new Order();
        o.side = p.get("type");
        o.type = p.get("ordertype");
        if (!"buy".equals(o.side) && !"sell".equals(o.side)) {
            throw new VenueError("EGeneral:Invalid arguments:type");
        }
        if (!"limit".equals(o.type) && !"market".equals(o.type)) {
            throw new VenueError("EGeneral:Invalid arguments:ordertype");
        }
        o.vol = decimal(p.get("volume"), "volume");
        if (o.vol.stripTrailingZeros().scale() > FakeKrakenBook.QTY_DECIMALS) {
            throw new VenueError("EGeneral:Invalid arguments:volume");
        }
        if (o.vol.compareTo(ORDERMIN) < 0) {
            throw new VenueError("EOrder:Order minimum not met");
        }
        o.clOrdId = p.get("cl_ord_id");
        if (o.clOrdId != null) {
            if (o.clOrdId.length() > 18 && !o.clOrdId.matches("[0-9a-fA-F-]{32,36}")) {
                throw new VenueError("EGeneral:Invalid arguments:cl_ord_id");
            }
            if (orders.values().stream().anyMatch(x -> x.open() && o.clOrdId.equals(x.clOrdId))) {
                throw new VenueError("EOrder:Duplicate order");
            }
        }
        o.post = p.getOrDefault("oflags", "").contains("post");
        o.tif = p.getOrDefault("timeinforce", "GTC");
        boolean buy = o.buy();
        if (o.type.equals("limit")) {
            o.price = decimal(p.get("price"), "price");
            if (o.price.signum() <= 0 || o.price.remainder(TICK).signum() != 0) {
                throw new VenueError("EOrder:Tick size check failed");
            }
            if (o.price.multiply(o.vol).compareTo(COSTMIN) < 0) {
                throw new VenueError("EOrder:Cost minimum not met");
            }
            BigDecimal best = buy ? (book.asks.isEmpty() ? null : book.asks.firstKey())
                    : (book.bids.isEmpty() ? null : book.bids.firstKey());
            boolean crosses = best != null && (buy ? o.price.compareTo(best) >= 0 : o.price.compareTo(best) <= 0);
            if (o.post && crosses) {
                throw new VenueError("EOrder:Post only order");
            }
            need(buy, buy ? o.price.multiply(o.vol) : o.vol);
        } else {
            need(buy, buy ? o.vol.multiply(book.asks.isEmpty() ? BigDecimal.ONE : book.asks.lastKey()) : o.vol);
        }
        o.txid = id('O');
        o.opentm = now();
        orders.put(o.txid, o);
        out.add(new Out(Kind.EXEC, exec(o, "pending_new", "pending_new")));
        o.status = "open";
        out.add(new Out(Kind.EXEC, exec(o, "new", "new")));
        take(o, out);
        boolean complete = o.volExec.compareTo(o.vol) >= 0;
        if (complete) {
            close(o, "closed", null, out);
        } else if (o.type.equals("market") || "IOC".equals(o.tif)) {
            close(o, "expired", "Insufficient liquidity", out);
        } else {
            lock(o);
            book.level(buy, o.price).own.add(o);
        }
        ObjectNode result = json.createObjectNode();
        result.putObject("descr").put("order", o.side + " " + qty(o.vol).toPlainString() + " " + ALTNAME + " @ "
                + (o.type.equals("limit") ? "limit " + FakeKrakenBook.price(o.price).toPlainString() : "market"));
        result.putArray("txid").add(o.txid);
        return result;
    }

    // taker fills against synthetic liquidity on the other side, in price order
    private void take(Order o, List<Out> out) {
        boolean buy = o.buy();
        var other = buy ? book.asks : book.bids;
        List<BigDecimal[]> plan = new ArrayList<>();
        BigDecimal planned = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, Level> e : other.entrySet()) {
            BigDecimal price = e.getKey();
            if (o.type.equals("limit") && (buy ? price.compareTo(o.price) > 0 : price.compareTo(o.price) < 0)) {
                break;
            }
            BigDecimal want = o.vol.subtract(planned);
            if (want.signum() <= 0) {
                break;
            }
            BigDecimal q = want.min(e.getValue().synthetic);
            if (q.signum() > 0) {
                plan.add(new BigDecimal[] {price, q});
                planned = planned.add(q);
            }
        }
        for (BigDecimal[] f : plan) {
            Level level = other.get(f[0]);
            level.synthetic = level.synthetic.subtract(f[1]);
            book.prune(!buy, f[0]);
            execute(o, f[0], f[1], false, out);
        }
    }

    private void execute(Order o, BigDecimal price, BigDecimal q, boolean maker, List<Out> out) {
        boolean buy = o.buy();
        BigDecimal notional = price.multiply(q);
        BigDecimal fee = notional.multiply(maker ? MAKER_FEE : TAKER_FEE).setScale(10, RoundingMode.HALF_UP);
        o.volExec = o.volExec.add(q);
        o.cost = o.cost.add(notional);
        o.fee = o.fee.add(fee);
        BigDecimal[] base = balances.get("XETH");
        BigDecimal[] quote = balances.get("XXBT");
        if (buy) {
            if (maker) {
                quote[1] = quote[1].subtract(o.price.multiply(q));
            }
            quote[0] = quote[0].subtract(notional).subtract(fee);
            base[0] = base[0].add(q);
        } else {
            if (maker) {
                base[1] = base[1].subtract(q);
            }
            base[0] = base[0].subtract(q);
            quote[0] = quote[0].add(notional).subtract(fee);
        }
        long time = now();
        MyTrade t = new MyTrade(id('T'), o.txid, o.side, o.type, price, q, fee, time, ++publicTradeId, maker);
        myTrades.put(t.txid(), t);
        o.trades.add(t.txid());
        boolean complete = o.volExec.compareTo(o.vol) >= 0;
        ObjectNode e = exec(o, "trade", complete ? "filled" : "partially_filled");
        e.put("exec_id", t.txid()).put("trade_id", t.tradeId()).put("last_qty", qty(q)).put("last_price", price)
                .put("cost", notional).put("liquidity_ind", maker ? "m" : "t");
        e.putArray("fees").addObject().put("asset", "BTC").put("qty", fee);
        out.add(new Out(Kind.EXEC, e));
        last = price;
        out.add(new Out(Kind.TRADE, publicTrade(price, q, maker ? (buy ? "sell" : "buy") : o.side,
                maker ? "limit" : o.type, t.tradeId())));
    }

    private void close(Order o, String status, String reason, List<Out> out) {
        o.status = status;
        o.reason = reason;
        o.closetm = now();
        String exec = switch (status) {
            case "closed" -> "filled";
            case "canceled" -> "canceled";
            default -> "expired";
        };
        ObjectNode e = json.createObjectNode();
        e.put("timestamp", FakeKrakenViews.rfc3339(o.closetm)).put("order_status", exec).put("exec_type", exec)
                .put("cum_qty", qty(o.volExec)).put("cum_cost", o.cost);
        if (o.volExec.signum() > 0) {
            e.put("avg_price", o.cost.divide(o.volExec, MathContext.DECIMAL64));
        }
        if (o.clOrdId != null) {
            e.put("cl_ord_id", o.clOrdId);
        }
        e.put("order_id", o.txid).put("exec_id", id('L'));
        if (reason != null) {
            e.put("reason", reason);
        }
        out.add(new Out(Kind.EXEC, e));
    }

    ObjectNode cancel(Map<String, String> p, List<Out> out) {
        String cid = p.get("cl_ord_id");
        String txid = p.get("txid");
        Order o = orders.values().stream().filter(x -> x.open() && ((cid != null && cid.equals(x.clOrdId))
                || (txid != null && txid.equals(x.txid)))).findFirst().orElse(null);
        if (o == null) {
            throw new VenueError("EOrder:Unknown order");
        }
        Level level = (o.buy() ? book.bids : book.asks).get(FakeKrakenBook.price(o.price));
        if (level != null) {
            level.own.remove(o);
            book.prune(o.buy(), o.price);
        }
        unlock(o);
        close(o, "canceled", "User requested", out);
        return json.createObjectNode().put("count", 1);
    }

    /** A counterparty takes the whole remaining quantity of a resting order at its price. */
    void fillResting(String clOrdId, List<Out> out) {
        Order o = orders.values().stream().filter(x -> x.open() && clOrdId.equals(x.clOrdId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no resting order " + clOrdId + " at the fake venue"));
        Level level = (o.buy() ? book.bids : book.asks).get(FakeKrakenBook.price(o.price));
        BigDecimal q = o.vol.subtract(o.volExec);
        level.own.remove(o);
        execute(o, o.price, q, true, out);
        book.prune(o.buy(), o.price);
        close(o, "closed", null, out);
    }

    private void need(boolean buy, BigDecimal amount) {
        BigDecimal[] b = balances.get(buy ? "XXBT" : "XETH");
        if (b[0].subtract(b[1]).compareTo(amount) < 0) {
            throw new VenueError("EOrder:Insufficient funds");
        }
    }

    private void lock(Order o) {
        BigDecimal[] b = balances.get(o.buy() ? "XXBT" : "XETH");
        b[1] = b[1].add(o.buy() ? o.price.multiply(o.vol.subtract(o.volExec)) : o.vol.subtract(o.volExec));
    }

    private void unlock(Order o) {
        BigDecimal[] b = balances.get(o.buy() ? "XXBT" : "XETH");
        b[1] = b[1].subtract(o.buy() ? o.price.multiply(o.vol.subtract(o.volExec)) : o.vol.subtract(o.volExec));
    }

    private static BigDecimal decimal(String v, String name) {
        try {
            return new BigDecimal(v);
        } catch (RuntimeException e) {
            throw new VenueError("EGeneral:Invalid arguments:" + name);
        }
    }

    /** An executions event with the order's full state. */
    ObjectNode exec(Order o, String execType, String status) {
        ObjectNode e = json.createObjectNode();
        e.put("order_id", o.txid);
        if (o.clOrdId != null) {
            e.put("cl_ord_id", o.clOrdId);
        }
        e.put("symbol", SYMBOL).put("order_qty", qty(o.vol)).put("cum_cost", o.cost).put("cum_qty", qty(o.volExec));
        if (o.volExec.signum() > 0) {
            e.put("avg_price", o.cost.divide(o.volExec, MathContext.DECIMAL64));
        }
        e.put("time_in_force", o.tif).put("exec_type", execType).put("side", o.side).put("order_type", o.type)
                .put("order_userref", 0);
        if (o.price != null) {
            e.put("limit_price", FakeKrakenBook.price(o.price));
        }
        e.put("order_status", status).put("post_only", o.post).put("timestamp", FakeKrakenViews.rfc3339(now()))
                .put("exec_id", id('L'));
        return e;
    }

    // ---- market ----

    private ObjectNode publicTrade(BigDecimal price, BigDecimal q, String takerSide, String ordType, long tradeId) {
        return json.createObjectNode().put("symbol", SYMBOL).put("side", takerSide).put("price", FakeKrakenBook.price(price))
                .put("qty", qty(q)).put("ord_type", ordType).put("trade_id", tradeId)
                .put("timestamp", FakeKrakenViews.rfc3339(now()));
    }

    /** Moves the market: two top-10 levels change, sometimes deeper ones too, and a public trade prints at the bid. */
    void marketActivity(List<Out> out) {
        activity++;
        List<BigDecimal> bidPrices = new ArrayList<>(book.bids.keySet());
        List<BigDecimal> askPrices = new ArrayList<>(book.asks.keySet());
        book.bids.get(bidPrices.get((int) ((activity * 3) % Math.min(10, bidPrices.size())))).synthetic = randomQty();
        book.asks.get(askPrices.get((int) ((activity * 7) % Math.min(10, askPrices.size())))).synthetic = randomQty();
        if (activity % 4 == 0) {
            book.level(true, book.bids.lastKey().subtract(TICK)).synthetic = randomQty();
            book.level(false, book.asks.lastKey().add(TICK)).synthetic = randomQty();
        }
        BigDecimal best = book.bids.firstKey();
        Level top = book.bids.get(best);
        BigDecimal q = top.synthetic.divide(BigDecimal.TEN, 3, RoundingMode.DOWN).max(ORDERMIN);
        if (top.synthetic.compareTo(q) > 0) {
            top.synthetic = top.synthetic.subtract(q);
            last = best;
            out.add(new Out(Kind.TRADE, publicTrade(best, q, "sell", "market", ++publicTradeId)));
        }
    }

    /** Publishes the current candle's last updates and the first update of the next interval, which closes it. */
    void closeCandle(int interval, List<Out> out) {
        long width = interval * 60_000L;
        BigDecimal[] c = currentCandle(interval);
        BigDecimal mid = mid();
        c[1] = c[1].max(mid.add(TICK));
        c[2] = c[2].min(mid.subtract(TICK));
        c[3] = mid;
        c[4] = c[4].add(new BigDecimal("0.5"));
        out.add(new Out(Kind.OHLC, ohlc(interval, candleBegin.get(interval)[0], c)));
        c[3] = mid.add(TICK);
        c[1] = c[1].max(c[3]);
        ObjectNode closed = ohlc(interval, candleBegin.get(interval)[0], c);
        out.add(new Out(Kind.OHLC, closed));
        List<ObjectNode> past = history.computeIfAbsent(interval, k -> new ArrayList<>());
        past.add(closed);
        if (past.size() > 10) {
            past.remove(0);
        }
        candleBegin.get(interval)[0] += width;
        BigDecimal open = c[3];
        candle.put(interval, new BigDecimal[] {open, open, open, open, new BigDecimal("0.1")});
        out.add(new Out(Kind.OHLC, ohlc(interval, candleBegin.get(interval)[0], candle.get(interval))));
    }

    /** The ohlc snapshot: the last closed candles (up to 10) and the current one. */
    ArrayNode ohlcSnapshot(int interval) {
        BigDecimal[] c = currentCandle(interval);
        long begin = candleBegin.get(interval)[0];
        ArrayNode a = json.createArrayNode();
        List<ObjectNode> past = history.getOrDefault(interval, List.of());
        if (past.isEmpty()) {
            a.add(ohlc(interval, begin - interval * 60_000L, new BigDecimal[] {c[0], c[1], c[2], c[0], BigDecimal.ONE}));
        }
        past.forEach(a::add);
        a.add(ohlc(interval, begin, c));
        return a;
    }

    private BigDecimal[] currentCandle(int interval) {
        long width = interval * 60_000L;
        candleBegin.computeIfAbsent(interval, k -> new long[] {now() / width * width - 100 * width});
        return candle.computeIfAbsent(interval, k -> {
            BigDecimal m = mid();
            return new BigDecimal[] {m, m, m, m, BigDecimal.ONE};
        });
    }

    private ObjectNode ohlc(int interval, long begin, BigDecimal[] c) {
        return json.createObjectNode().put("symbol", SYMBOL).put("open", c[0]).put("high", c[1]).put("low", c[2])
                .put("close", c[3]).put("trades", 3).put("volume", c[4]).put("vwap", c[3])
                .put("interval_begin", FakeKrakenViews.rfc3339Nanos(begin)).put("interval", interval)
                .put("timestamp", FakeKrakenViews.rfc3339(now()));
    }

    BigDecimal mid() {
        return book.bids.firstKey().add(book.asks.firstKey()).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_UP)
                .setScale(5, RoundingMode.DOWN);
    }

    /** The ticker as the bbo trigger publishes it. */
    ObjectNode ticker() {
        Map.Entry<BigDecimal, Level> bid = book.bids.firstEntry();
        Map.Entry<BigDecimal, Level> ask = book.asks.firstEntry();
        return json.createObjectNode().put("symbol", SYMBOL).put("bid", bid.getKey()).put("bid_qty", qty(bid.getValue().total()))
                .put("ask", ask.getKey()).put("ask_qty", qty(ask.getValue().total())).put("last", FakeKrakenBook.price(last))
                .put("volume", new BigDecimal("1523.87642000")).put("vwap", FakeKrakenBook.price(last))
                .put("low", new BigDecimal("0.04900")).put("high", new BigDecimal("0.05100")).put("change", new BigDecimal("0.00010"))
                .put("change_pct", new BigDecimal("0.20")).put("timestamp", FakeKrakenViews.rfc3339(now()));
    }

    /** The venue's own view of its book, for the conformance suite. */
    OrderBook view(int depth) {
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        book.window(depth).bids().forEach((p, q) -> bids.add(new PriceLevel(p, q)));
        book.window(depth).asks().forEach((p, q) -> asks.add(new PriceLevel(p, q)));
        return new OrderBook("venue", instrument, activity, bids, asks, now());
    }
}
