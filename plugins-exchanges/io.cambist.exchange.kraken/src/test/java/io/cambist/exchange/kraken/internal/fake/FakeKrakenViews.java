package io.cambist.exchange.kraken.internal.fake;

import static io.cambist.exchange.kraken.internal.fake.FakeKrakenBook.qty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.exchange.kraken.internal.fake.FakeKrakenEngine.MyTrade;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenEngine.Order;
import io.cambist.exchange.kraken.internal.fake.FakeKrakenEngine.VenueError;

/** The fake venue's REST answers (the {@code result} part), shaped as Kraken's Spot REST reference documents them. */
final class FakeKrakenViews {

    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final FakeKrakenEngine engine;

    FakeKrakenViews(ObjectMapper json, FakeKrakenEngine engine) {
        this.json = json;
        this.engine = engine;
    }

    static String rfc3339(long millis) {
        return MICROS.format(Instant.ofEpochMilli(millis));
    }

    static String rfc3339Nanos(long millis) {
        return NANOS.format(Instant.ofEpochMilli(millis));
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3);
    }

    ObjectNode assetPairs() {
        ObjectNode r = json.createObjectNode();
        ObjectNode eth = r.putObject(FakeKrakenEngine.PAIR);
        eth.put("altname", FakeKrakenEngine.ALTNAME).put("wsname", "ETH/XBT").put("aclass_base", "currency")
                .put("base", "XETH").put("aclass_quote", "currency").put("quote", "XXBT").put("lot", "unit")
                .put("cost_decimals", 10).put("pair_decimals", FakeKrakenBook.PRICE_DECIMALS)
                .put("lot_decimals", FakeKrakenBook.QTY_DECIMALS).put("lot_multiplier", 1)
                .put("fee_volume_currency", "ZUSD").put("ordermin", FakeKrakenEngine.ORDERMIN.toPlainString())
                .put("costmin", FakeKrakenEngine.COSTMIN.toPlainString())
                .put("tick_size", FakeKrakenEngine.TICK.toPlainString()).put("status", "online");
        ObjectNode btc = r.putObject("XXBTZUSD");
        btc.put("altname", "XBTUSD").put("wsname", "XBT/USD").put("base", "XXBT").put("quote", "ZUSD")
                .put("pair_decimals", 1).put("lot_decimals", 8).put("ordermin", "0.0001").put("costmin", "0.5")
                .put("tick_size", "0.1").put("status", "online");
        return r;
    }

    ObjectNode balances() {
        ObjectNode r = json.createObjectNode();
        engine.balances.forEach((asset, b) -> r.putObject(asset).put("balance", b[0].setScale(10).toPlainString())
                .put("hold_trade", b[1].setScale(10).toPlainString()));
        return r;
    }

    ObjectNode order(Order o) {
        ObjectNode n = json.createObjectNode();
        n.putNull("refid");
        n.put("userref", 0);
        if (o.clOrdId != null) {
            n.put("cl_ord_id", o.clOrdId);
        }
        n.put("status", o.status);
        if (o.reason != null) {
            n.put("reason", o.reason);
        }
        n.put("opentm", seconds(o.opentm));
        if (o.closetm > 0) {
            n.put("closetm", seconds(o.closetm));
        }
        n.put("starttm", 0).put("expiretm", 0);
        String price = o.price == null ? "0" : FakeKrakenBook.price(o.price).toPlainString();
        n.putObject("descr").put("pair", FakeKrakenEngine.ALTNAME).put("type", o.side).put("ordertype", o.type)
                .put("price", price).put("price2", "0").put("leverage", "none")
                .put("order", o.side + " " + qty(o.vol).toPlainString() + " " + FakeKrakenEngine.ALTNAME + " @ "
                        + (o.price == null ? "market" : "limit " + price)).put("close", "");
        n.put("vol", qty(o.vol).toPlainString()).put("vol_exec", qty(o.volExec).toPlainString())
                .put("cost", o.cost.setScale(10, java.math.RoundingMode.DOWN).toPlainString())
                .put("fee", o.fee.setScale(10, java.math.RoundingMode.DOWN).toPlainString())
                .put("price", o.volExec.signum() == 0 ? "0.00000"
                        : o.cost.divide(o.volExec, MathContext.DECIMAL64).toPlainString())
                .put("stopprice", "0.00000").put("limitprice", "0.00000").put("misc", "")
                .put("oflags", o.post ? "fciq,post" : "fciq");
        ArrayNode trades = n.putArray("trades");
        o.trades.forEach(trades::add);
        return n;
    }

    ObjectNode queryOrders(Map<String, String> p) {
        ObjectNode r = json.createObjectNode();
        String txids = p.getOrDefault("txid", "");
        if (txids.isEmpty()) {
            throw new VenueError("EGeneral:Invalid arguments:txid");
        }
        for (String txid : txids.split(",")) {
            Order o = engine.orders.get(txid);
            if (o == null) {
                throw new VenueError("EOrder:Invalid order");
            }
            r.set(txid, order(o));
        }
        return r;
    }

    ObjectNode openOrders(Map<String, String> p) {
        ObjectNode r = json.createObjectNode();
        ObjectNode open = r.putObject("open");
        String cid = p.get("cl_ord_id");
        engine.orders.values().stream().filter(Order::open).filter(o -> cid == null || cid.equals(o.clOrdId))
                .forEach(o -> open.set(o.txid, order(o)));
        return r;
    }

    ObjectNode closedOrders(Map<String, String> p) {
        ObjectNode r = json.createObjectNode();
        ObjectNode closed = r.putObject("closed");
        String cid = p.get("cl_ord_id");
        int[] count = {0};
        engine.orders.values().stream().filter(o -> !o.open()).filter(o -> cid == null || cid.equals(o.clOrdId))
                .forEach(o -> {
                    closed.set(o.txid, order(o));
                    count[0]++;
                });
        r.put("count", count[0]);
        return r;
    }

    ObjectNode queryTrades(Map<String, String> p) {
        ObjectNode r = json.createObjectNode();
        for (String txid : p.getOrDefault("txid", "").split(",")) {
            MyTrade t = engine.myTrades.get(txid);
            if (t == null) {
                throw new VenueError("EGeneral:Invalid arguments:txid");
            }
            r.putObject(txid).put("ordertxid", t.ordertxid()).put("postxid", "TKH2SE-M7IF5-CFI7LT")
                    .put("pair", FakeKrakenEngine.PAIR).put("time", seconds(t.time())).put("type", t.type())
                    .put("ordertype", t.ordertype()).put("price", FakeKrakenBook.price(t.price()).toPlainString())
                    .put("cost", t.price().multiply(t.vol()).setScale(10, java.math.RoundingMode.DOWN).toPlainString())
                    .put("fee", t.fee().toPlainString()).put("vol", qty(t.vol()).toPlainString())
                    .put("margin", "0.0000000000").put("misc", "").put("trade_id", t.tradeId()).put("maker", t.maker());
        }
        return r;
    }

    /** The executions snapshot entries: every open order. */
    ArrayNode openOrderExecutions() {
        ArrayNode a = json.createArrayNode();
        engine.orders.values().stream().filter(Order::open).forEach(o -> a.add(engine.exec(o, "new",
                o.volExec.signum() > 0 ? "partially_filled" : "new")));
        return a;
    }
}
