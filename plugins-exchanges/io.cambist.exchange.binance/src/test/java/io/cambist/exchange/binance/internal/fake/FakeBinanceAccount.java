package io.cambist.exchange.binance.internal.fake;

import static io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.fmt;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.Order;
import io.cambist.exchange.binance.internal.fake.FakeBinanceEngine.VenueError;

/**
 * The fake account's balances: free and locked per asset, funds locked while an order rests, fills settled with a
 * 0.1 % commission in the asset received, and -2010 when an order cannot be paid for.
 */
final class FakeBinanceAccount {

    private final ObjectMapper json;
    private final Map<String, BigDecimal[]> balances = new TreeMap<>();

    FakeBinanceAccount(ObjectMapper json) {
        this.json = json;
        balances.put("BTC", new BigDecimal[] {new BigDecimal("10"), BigDecimal.ZERO});
        balances.put("ETH", new BigDecimal[] {new BigDecimal("100"), BigDecimal.ZERO});
        balances.put("BNB", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    ObjectNode account() {
        ObjectNode root = json.createObjectNode();
        root.put("makerCommission", 10).put("takerCommission", 10).put("canTrade", true).put("canWithdraw", true)
                .put("canDeposit", true).put("updateTime", System.currentTimeMillis()).put("accountType", "SPOT");
        ArrayNode list = root.putArray("balances");
        balances.forEach((asset, b) -> list.addObject().put("asset", asset).put("free", fmt(b[0])).put("locked", fmt(b[1])));
        root.putArray("permissions").add("SPOT");
        return root;
    }

    void settle(boolean buy, BigDecimal price, BigDecimal qty, BigDecimal commission, boolean maker, Order o) {
        BigDecimal[] base = balances.get("ETH");
        BigDecimal[] quote = balances.get("BTC");
        BigDecimal notional = price.multiply(qty);
        if (buy) {
            if (maker) {
                quote[1] = quote[1].subtract(o.price.multiply(qty));
            } else {
                quote[0] = quote[0].subtract(notional);
            }
            base[0] = base[0].add(qty).subtract(commission);
        } else {
            if (maker) {
                base[1] = base[1].subtract(qty);
            } else {
                base[0] = base[0].subtract(qty);
            }
            quote[0] = quote[0].add(notional).subtract(commission);
        }
    }

    void reserve(boolean buy, BigDecimal quoteAmount, BigDecimal baseAmount) {
        BigDecimal[] b = balances.get(buy ? "BTC" : "ETH");
        BigDecimal need = buy ? quoteAmount : baseAmount;
        if (need != null && b[0].compareTo(need) < 0) {
            throw new VenueError(400, -2010, "Account has insufficient balance for requested action.");
        }
    }

    void lock(boolean buy, Order o) {
        BigDecimal[] b = balances.get(buy ? "BTC" : "ETH");
        BigDecimal amount = buy ? o.price.multiply(o.origQty.subtract(o.executed)) : o.origQty.subtract(o.executed);
        b[0] = b[0].subtract(amount);
        b[1] = b[1].add(amount);
    }

    void unlock(boolean buy, Order o) {
        BigDecimal[] b = balances.get(buy ? "BTC" : "ETH");
        BigDecimal amount = buy ? o.price.multiply(o.origQty.subtract(o.executed)) : o.origQty.subtract(o.executed);
        b[1] = b[1].subtract(amount);
        b[0] = b[0].add(amount);
    }
}
