package io.cambist.strategy.dca.internal;

import java.math.BigDecimal;
import java.util.Locale;

import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.StrategyContext;

/**
 * Lets the engine's exits ({@code exit.*}: stop loss, take profit, trailing stop) work on a bot whose own resting sell
 * orders hold the base the exit wants to sell. The engine decides the exit and sends a market sell of the whole
 * position; the venue refuses it for want of free base while the bot's sells lock it. The bot sees that refusal on
 * its order events, cancels its own orders (the account's lane cancels before it sends the next order) and sends the
 * same exit itself at once, with the engine's tag, so the exit still happens at the candle the engine chose.
 */
final class ExitAssist {

    static final String EXIT = "exit:";

    private ExitAssist() {
    }

    /** True for orders the engine's exit rules placed (or the bot placed on their behalf). */
    static boolean isExit(Order o) {
        return o.tag() != null && o.tag().startsWith(EXIT);
    }

    /** The exit's kind: {@code stopLoss}, {@code takeProfit} or {@code trailingStop}. */
    static String kind(Order o) {
        return o.tag().substring(EXIT.length());
    }

    /**
     * Sends the exit the venue refused, after cancelling the bot's open orders, when the refusal was for want of
     * balance while the bot's own sells were open.
     *
     * @return the exit order sent, or {@code null} when this refusal is not one to act on
     */
    static Order retry(StrategyContext context, OrderEvent event) {
        Order refused = event.order();
        if (refused.status() != OrderStatus.REJECTED || !isExit(refused) || refused.reason() == null
                || !refused.reason().toLowerCase(Locale.ROOT).contains("insufficient")) {
            return null;
        }
        boolean ownSells = context.openOrders().stream().anyMatch(o -> o.side() == Side.SELL && !isExit(o));
        if (!ownSells) {
            return null;
        }
        for (Order o : context.openOrders()) {
            context.cancel(o.clientOrderId());
        }
        BigDecimal held = context.position().quantity();
        InstrumentSpec spec = context.spec(context.instrument()).orElse(InstrumentSpec.unrestricted(context.instrument()));
        BigDecimal q = spec.roundQuantityDown(held);
        if (q.signum() <= 0) {
            return null;
        }
        return context.submit(OrderRequest.market(context.instrument(), Side.SELL, q).withTag(refused.tag()));
    }
}
