package io.cambist.strategy.grid.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.StrategyContext;

/**
 * How a grid stops: its own stop-loss or take-profit bound cancels the grid's orders, sells the position and halts the
 * bot once the sell is done; an exit of the engine ({@code exit.*}) that sold the position, or that the grid sent
 * itself because its sells held the base ({@link ExitAssist}), halts it too.
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
        if (book.closing == null) {
            if (o.status() == OrderStatus.REJECTED) {
                Order sent = ExitAssist.retry(context, e);
                if (sent != null) {
                    beginExit(o, "the engine's " + ExitAssist.kind(o) + " exit (the grid's sells held the base: they were "
                            + "cancelled and the position sold)");
                    book.closingOrder = sent.clientOrderId();
                    if (sent.status() == OrderStatus.REJECTED) {
                        finishClose(sent);
                    }
                }
            } else if (o.status() == OrderStatus.FILLED) {
                beginExit(o, "the engine's " + ExitAssist.kind(o) + " exit sold the grid's position");
                for (Order open : context.openOrders()) {
                    context.cancel(open.clientOrderId());
                }
                finishClose(null);
            }
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
        return o.tag() != null && (o.tag().startsWith("close:") || o.tag().startsWith(ExitAssist.EXIT));
    }
}
