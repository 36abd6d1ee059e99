package io.cambist.core.internal.testing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * The SMA cross semantics of issue 4 item 8, for the engine's own tests (the real strategy bundle is another
 * module): at the close of candle i, with both averages defined at i-1 and i, buy with the whole quote balance on an
 * upward cross when flat, sell the whole position on a downward cross when long. Averages compared exactly.
 */
public final class TestSmaCross implements Strategy {

    private StrategyContext ctx;
    private int fast;
    private int slow;
    private BigDecimal[] ring;
    private int count;
    private BigDecimal fastSum = BigDecimal.ZERO;
    private BigDecimal slowSum = BigDecimal.ZERO;
    private int previous;
    private boolean havePrevious;

    @Override
    public void onStart(StrategyContext context) {
        ctx = context;
        fast = context.parameters().integer("fast", 10);
        slow = context.parameters().integer("slow", 30);
        if (fast <= 0 || slow <= 0) {
            throw new IllegalArgumentException("fast and slow periods must be positive");
        }
        if (fast >= slow) {
            throw new IllegalArgumentException("fast period " + fast + " must be below slow period " + slow);
        }
        ring = new BigDecimal[slow];
        context.savedState().ifPresent(this::restore);
        context.subscribe(Subscription.candles(context.instrument(), null));
    }

    @Override
    public void onCandle(Candle c) {
        BigDecimal close = c.close();
        int slot = count % slow;
        if (count >= slow) {
            slowSum = slowSum.subtract(ring[slot]);
        }
        if (count >= fast) {
            fastSum = fastSum.subtract(ring[(count - fast) % slow]);
        }
        ring[slot] = close;
        slowSum = slowSum.add(close);
        fastSum = fastSum.add(close);
        count++;
        if (count < slow) {
            return;
        }
        int cmp = fastSum.multiply(BigDecimal.valueOf(slow)).compareTo(slowSum.multiply(BigDecimal.valueOf(fast)));
        if (havePrevious) {
            BigDecimal held = ctx.position().quantity();
            if (held.signum() == 0 && previous <= 0 && cmp > 0 && ctx.openOrders().isEmpty()) {
                BigDecimal quote = ctx.balance(ctx.instrument().quote()).free();
                if (quote.signum() > 0) {
                    ctx.submit(OrderRequest.marketQuote(ctx.instrument(), Side.BUY, quote));
                }
            } else if (held.signum() > 0 && previous >= 0 && cmp < 0) {
                ctx.submit(OrderRequest.market(ctx.instrument(), Side.SELL, held));
            }
        }
        previous = cmp;
        havePrevious = true;
    }

    @Override
    public StrategySnapshot snapshot() {
        Map<String, String> m = new HashMap<>();
        m.put("count", Integer.toString(count));
        m.put("previous", Integer.toString(previous));
        m.put("havePrevious", Boolean.toString(havePrevious));
        int n = Math.min(count, slow);
        for (int k = 0; k < n; k++) {
            int idx = count - n + k;
            m.put("close." + k, ring[idx % slow].toPlainString());
        }
        return new StrategySnapshot(1, m);
    }

    private void restore(StrategySnapshot s) {
        int saved = Integer.parseInt(s.get("count"));
        int n = Math.min(saved, slow);
        count = saved - n;
        for (int k = 0; k < n; k++) {
            BigDecimal close = new BigDecimal(s.get("close." + k));
            int slot = count % slow;
            ring[slot] = close;
            slowSum = slowSum.add(close);
            count++;
        }
        for (int k = Math.max(0, n - fast); k < n; k++) {
            fastSum = fastSum.add(ring[(count - n + k) % slow]);
        }
        previous = Integer.parseInt(s.get("previous"));
        havePrevious = Boolean.parseBoolean(s.get("havePrevious"));
    }
}
