package io.cambist.strategy.smacross.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.strategy.Strategy;

/**
 * Feeds candles to a strategy through a {@link FakeContext}, filling its market orders at the next candle's open
 * with a taker fee charged in the quote currency (the paper venue's model), so its position and balance evolve.
 */
final class Replay {

    /** An order the strategy placed at the close of candle {@code signal}. */
    record Trade(int signal, Side side, BigDecimal quoteQuantity, BigDecimal quantity) {
    }

    FakeContext context;
    final BigDecimal fee;
    final List<Trade> trades = new ArrayList<>();
    private int index;

    Replay(FakeContext context, BigDecimal fee) {
        this.context = context;
        this.fee = fee;
    }

    /** Delivers candles {@code from} (inclusive) to {@code to}; a later call may continue with another strategy. */
    void run(Strategy strategy, List<Candle> candles, int from, int to) {
        index = from;
        for (int i = from; i < to; i++) {
            Candle c = candles.get(i);
            fillPending(c.open());
            int before = context.submitted.size();
            strategy.onCandle(c);
            for (int k = before; k < context.submitted.size(); k++) {
                var r = context.submitted.get(k);
                trades.add(new Trade(index, r.side(), r.quoteQuantity(), r.quantity()));
            }
            index++;
        }
    }

    private void fillPending(BigDecimal open) {
        String quote = context.instrument.quote();
        for (Order o : context.open) {
            BigDecimal q = context.balances.getOrDefault(quote, BigDecimal.ZERO);
            if (o.side() == Side.BUY) {
                BigDecimal qty = o.quoteQuantity().divide(open.multiply(BigDecimal.ONE.add(fee)), 18, RoundingMode.DOWN);
                context.balances.put(quote, q.subtract(o.quoteQuantity()));
                context.held = context.held.add(qty);
            } else {
                context.balances.put(quote, q.add(o.quantity().multiply(open).multiply(BigDecimal.ONE.subtract(fee))));
                context.held = context.held.subtract(o.quantity());
            }
        }
        context.open.clear();
    }
}
