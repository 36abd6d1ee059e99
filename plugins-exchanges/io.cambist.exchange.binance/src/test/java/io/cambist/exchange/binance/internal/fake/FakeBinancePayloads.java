package io.cambist.exchange.binance.internal.fake;

import static io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.fmt;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.api.model.Timeframe;
import io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.MyTrade;
import io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.Order;

/** The fake venue's answers and events, field for field as Binance's rest-api.md and user-data-stream.md show them. */
final class FakeBinancePayloads {

    private final ObjectMapper json;

    FakeBinancePayloads(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode exchangeInfo(long serverTime, String symbol, BigDecimal tick, BigDecimal step, BigDecimal minQty,
            BigDecimal minNotional) {
        ObjectNode root = json.createObjectNode();
        root.put("timezone", "UTC");
        root.put("serverTime", serverTime);
        ArrayNode limits = root.putArray("rateLimits");
        limits.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
                .put("limit", 6000);
        limits.addObject().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10)
                .put("limit", 100);
        root.putArray("exchangeFilters");
        ArrayNode symbols = root.putArray("symbols");
        symbols.add(symbol(symbol, "ETH", "BTC", "TRADING", tick, step, minQty, minNotional));
        symbols.add(symbol("LTCBTC", "LTC", "BTC", "BREAK", tick, step, minQty, minNotional));
        return root;
    }

    private ObjectNode symbol(String name, String base, String quote, String status, BigDecimal tick, BigDecimal step,
            BigDecimal minQty, BigDecimal minNotional) {
        ObjectNode s = json.createObjectNode();
        s.put("symbol", name).put("status", status).put("baseAsset", base).put("baseAssetPrecision", 8)
                .put("quoteAsset", quote).put("quotePrecision", 8).put("quoteAssetPrecision", 8);
        ArrayNode types = s.putArray("orderTypes");
        types.add("LIMIT").add("LIMIT_MAKER").add("MARKET").add("STOP_LOSS_LIMIT").add("TAKE_PROFIT_LIMIT");
        s.put("icebergAllowed", true).put("ocoAllowed", true).put("quoteOrderQtyMarketAllowed", true)
                .put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false);
        ArrayNode filters = s.putArray("filters");
        filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", "0.00000100").put("maxPrice", "922327.00000000")
                .put("tickSize", fmt(tick));
        filters.addObject().put("filterType", "LOT_SIZE").put("minQty", fmt(minQty)).put("maxQty", "100000.00000000")
                .put("stepSize", fmt(step));
        filters.addObject().put("filterType", "ICEBERG_PARTS").put("limit", 10);
        filters.addObject().put("filterType", "MARKET_LOT_SIZE").put("minQty", "0.00000000").put("maxQty", "2703.20648368")
                .put("stepSize", "0.00000000");
        filters.addObject().put("filterType", "NOTIONAL").put("minNotional", fmt(minNotional)).put("applyMinToMarket", true)
                .put("maxNotional", "9000000.00000000").put("applyMaxToMarket", false).put("avgPriceMins", 5);
        filters.addObject().put("filterType", "MAX_NUM_ORDERS").put("maxNumOrders", 200);
        s.putArray("permissions").add("SPOT");
        return s;
    }

    ObjectNode order(String symbol, Order o, boolean placed) {
        ObjectNode n = json.createObjectNode();
        n.put("symbol", symbol).put("orderId", o.orderId).put("orderListId", -1).put("clientOrderId", o.clientOrderId)
                .put("price", fmt(o.price)).put("origQty", fmt(o.origQty)).put("executedQty", fmt(o.executed))
                .put("cummulativeQuoteQty", fmt(o.cumQuote)).put("status", o.status).put("timeInForce", o.timeInForce)
                .put("type", o.type).put("side", o.side);
        if (placed) {
            n.put("transactTime", o.updateTime).put("workingTime", o.time).put("selfTradePreventionMode", "NONE");
        } else {
            n.put("stopPrice", "0.00000000").put("icebergQty", "0.00000000").put("time", o.time)
                    .put("updateTime", o.updateTime).put("isWorking", true).put("origQuoteOrderQty", fmt(o.origQuoteQty));
        }
        return n;
    }

    ObjectNode report(String symbol, Order o, String exec, String status, MyTrade fill, String cancelId) {
        ObjectNode r = json.createObjectNode();
        r.put("e", "executionReport").put("E", System.currentTimeMillis()).put("s", symbol)
                .put("c", cancelId != null ? cancelId : o.clientOrderId).put("S", o.side).put("o", o.type)
                .put("f", o.timeInForce).put("q", fmt(o.origQty)).put("p", fmt(o.price)).put("P", "0.00000000")
                .put("F", "0.00000000").put("g", -1).put("C", cancelId != null ? o.clientOrderId : "").put("x", exec)
                .put("X", status).put("r", "NONE").put("i", o.orderId)
                .put("l", fill == null ? "0.00000000" : fmt(fill.qty())).put("z", fmt(o.executed))
                .put("L", fill == null ? "0.00000000" : fmt(fill.price()))
                .put("n", fill == null ? "0" : fmt(fill.commission()));
        if (fill == null) {
            r.putNull("N");
        } else {
            r.put("N", fill.asset());
        }
        r.put("T", o.updateTime).put("t", fill == null ? -1 : fill.id()).put("I", 8641984).put("w", o.open())
                .put("m", fill != null && fill.maker()).put("M", false).put("O", o.time).put("Z", fmt(o.cumQuote))
                .put("Y", fill == null ? "0.00000000" : fmt(fill.price().multiply(fill.qty())))
                .put("Q", fmt(o.origQuoteQty)).put("W", o.time).put("V", "NONE");
        return r;
    }

    ObjectNode kline(String symbol, Timeframe tf, long candleOpen, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c,
            boolean closed) {
        ObjectNode e = json.createObjectNode();
        e.put("e", "kline").put("E", System.currentTimeMillis()).put("s", symbol);
        ObjectNode k = e.putObject("k");
        k.put("t", candleOpen).put("T", candleOpen + tf.millis() - 1).put("s", symbol).put("i", tf.label())
                .put("f", 100).put("L", 200).put("o", fmt(o)).put("c", fmt(c)).put("h", fmt(h)).put("l", fmt(l))
                .put("v", "1000.00000000").put("n", 100).put("x", closed).put("q", "1.00000000").put("V", "500")
                .put("Q", "0.500").put("B", "123456");
        return e;
    }
}
