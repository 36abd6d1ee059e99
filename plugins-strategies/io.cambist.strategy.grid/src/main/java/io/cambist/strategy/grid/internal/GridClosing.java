package io.cambist.strategy.grid.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.StrategyContext;

/**
 * How a grid stops: its own stop-loss or take-profit bound cancels the grid's orders, sells the position and halts the
 * bot once the sell is done. An exit of the engine ({@code exit.*}) stops the grid from placing orders as soon as it
 * appears (the engine has cancelled the grid's orders and refuses new ones while it sells) and halts the bot once it
 * has sold the position; an exit that fails is retried by the engine at the next candle while the grid stays idle.
 */
final class GridClosing {

    private final Logger logger = LoggerFactory.getLogger(GridClosing.class);
    private final StrategyContext context;
    private final GridBook book;
    private final InstrumentSpec spec;

    GridClosing(StrategyContext context, GridBook book, InstrumentSpec spec) {
        this.context = context;
        this.book = book;
        this.spec = spec;
    }

    /** Cancels everything, sells the position and halts once the sell is done. */
    void close(String kind, String reason) {
        book.closing = reason;
        for (GridSlot s : book.slots) {
            book.idle(s);
        }
        logger.info("grid {}: {}; cancelling the grid's orders, selling its position and stopping", context.instanceId(),
                reason);
        String tag = kind == null ? "grid" : "grid-" + kind;
        context.closePosition(tag);
        book.closingOrder = context.openOrders().stream().filter(GridClosing::closing).map(Order::clientOrderId)
                .findFirst().orElse(null);
        if (spec.roundQuantityDown(context.position().quantity()).signum() <= 0) {
            context.halt(reason);
        }
    }

    void onOrderEvent(OrderEvent e) {
        Order o = e.order();
        Optional<String> exit = ExitRules.exitKind(o.tag());
        if (exit.isPresent()) {
            if (book.closing == null) {
                beginExit(o, "the engine's " + exit.get() + " exit is selling the grid's position");
            }
            if (o.status() == OrderStatus.FILLED) {
                book.closing = "the engine's " + exit.get() + " exit sold the grid's position at "
                        + o.averagePrice().toPlainString();
                finishClose(null);
            } else if (o.status().isTerminal()) {
                logger.warn("grid {}: the engine's {} exit ended {}{}; the grid stays idle and the engine tries again at "
                        + "the next candle", context.instanceId(), exit.get(), o.status(),
                        o.reason() == null ? "" : " (" + o.reason() + ")");
            }
            return;
        }
        if (book.closing == null) {
            return;
        }
        boolean ours = book.closingOrder != null ? book.closingOrder.equals(o.clientOrderId())
                : o.tag() != null && o.tag().startsWith("close:");
        if (ours && o.status().isTerminal()) {
            finishClose(o);
        }
    }

    private void beginExit(Order exit, String reason) {
        book.closing = reason;
        for (GridSlot s : book.slots) {
            book.idle(s);
        }
        logger.info("grid {}: {} (order {}); the grid stops", context.instanceId(), reason, exit.clientOrderId());
    }

    private void finishClose(Order sell) {
        String why = book.closing;
        if (sell != null && sell.status() != OrderStatus.FILLED) {
            why += " (the closing sell ended " + sell.status() + (sell.reason() == null ? "" : ": " + sell.reason())
                    + "; check the position)";
        }
        context.halt(why);
    }

    static boolean closing(Order o) {
        return o.tag() != null && (o.tag().startsWith("close:") || ExitRules.exitKind(o.tag()).isPresent());
    }
}
