package io.cambist.strategy.grid.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * Rebuilds a grid after a restart or a hot swap from the instance's open orders (the truth, kept by the core) and the
 * saved snapshot (which may be older than the orders after a crash): each open grid order takes back its grid; an
 * order that does not fit the grid, or a second order for the same grid, is to be cancelled; a grid the snapshot knew
 * whose order has finished since is handed back with that order, so that a fill the old incarnation never acted on is
 * acted on now. Nothing is placed twice: grids that end up with no order are filled in at the next candle from what
 * the position holds.
 */
final class GridRebuild {

    /** A grid whose order finished while nobody was looking. */
    record Missed(GridSlot slot, Order order) {
    }

    /**
     * What the rebuild found.
     *
     * @param cancel  orders to cancel (foreign to the grid, or duplicates)
     * @param missed  finished orders still to act on
     * @param claimed grids that got an open order back
     * @param fromSnapshot whether the snapshot was used
     */
    record Result(List<Order> cancel, List<Missed> missed, int claimed, boolean fromSnapshot) {
    }

    private GridRebuild() {
    }

    static Result rebuild(GridBook book, List<Order> open, Optional<StrategySnapshot> saved,
            Function<ClientOrderId, Optional<Order>> lookup) {
        StrategySnapshot s = saved.filter(x -> x.version() == GridBook.VERSION)
                .filter(x -> book.layout().equals(x.get(GridBook.LEVELS))).orElse(null);
        List<Order> cancel = new ArrayList<>();
        int claimed = 0;
        for (Order o : open) {
            String tag = o.tag() == null ? "" : o.tag();
            if (tag.equals(GridStrategy.TAG_INIT)) {
                book.pendingInit = o.clientOrderId();
                continue;
            }
            if (tag.startsWith("close:") || tag.startsWith("exit:")) {
                book.closingOrder = o.clientOrderId();
                book.closing = s != null && s.get(GridBook.CLOSING) != null ? s.get(GridBook.CLOSING)
                        : "closing (found order " + o.clientOrderId() + " " + tag + " open after a restart)";
                continue;
            }
            GridSlot slot = slotFor(book, o, tag);
            if (slot == null || slot.state != GridSlot.State.IDLE) {
                cancel.add(o);
                continue;
            }
            if (o.side() == Side.BUY) {
                book.work(slot, GridSlot.State.BUYING, o.clientOrderId());
            } else {
                book.work(slot, GridSlot.State.SELLING, o.clientOrderId());
                slot.held = o.remainingQuantity();
                GridBook.SavedSlot was = s == null ? null : GridBook.saved(s, slot.index);
                // the buy price is known only for the very order the snapshot saw; a later sell's cycle is not counted
                if (was != null && o.clientOrderId().equals(was.order()) && was.cost() != null) {
                    slot.cost = was.cost();
                    slot.buyFee = was.buyFee();
                }
            }
            claimed++;
        }
        List<Missed> missed = new ArrayList<>();
        if (s != null) {
            book.cycles = integer(s.get(GridBook.CYCLES));
            book.profit = decimal(s.get(GridBook.PROFIT));
            book.initialised = Boolean.parseBoolean(s.get(GridBook.INITIALISED)) || claimed > 0;
            if (book.closing == null && s.get(GridBook.CLOSING) != null) {
                book.closing = s.get(GridBook.CLOSING);
            }
            if (book.pendingInit == null && s.get(GridBook.PENDING_INIT) != null) {
                lookup.apply(ClientOrderId.of(s.get(GridBook.PENDING_INIT))).filter(Order::isOpen)
                        .ifPresent(o -> book.pendingInit = o.clientOrderId());
            }
            for (GridSlot slot : book.slots) {
                GridBook.SavedSlot was = GridBook.saved(s, slot.index);
                if (slot.state != GridSlot.State.IDLE || was == null) {
                    continue;
                }
                if (was.held() != null) {
                    slot.held = was.held();
                    slot.cost = was.cost();
                    slot.buyFee = was.buyFee();
                }
                Optional<Order> finished = was.order() == null ? Optional.empty() : lookup.apply(was.order());
                if (finished.isPresent() && !finished.get().isOpen()) {
                    missed.add(new Missed(slot, finished.get()));
                }
            }
        } else {
            book.initialised = claimed > 0;
        }
        return new Result(cancel, missed, claimed, s != null);
    }

    /** The grid an open order belongs to, by its tag and price, or {@code null}. */
    private static GridSlot slotFor(GridBook book, Order o, String tag) {
        if (o.type() != OrderType.LIMIT || o.limitPrice() == null || !tag.startsWith(GridStrategy.TAG_PREFIX)
                || tag.length() < GridStrategy.TAG_PREFIX.length() + 2) {
            return null;
        }
        char kind = tag.charAt(GridStrategy.TAG_PREFIX.length());
        int index;
        try {
            index = Integer.parseInt(tag.substring(GridStrategy.TAG_PREFIX.length() + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (index < 0 || index >= book.slots.length) {
            return null;
        }
        boolean buy = kind == 'b' && o.side() == Side.BUY && o.limitPrice().compareTo(book.buyPrice(index)) == 0;
        boolean sell = kind == 's' && o.side() == Side.SELL && o.limitPrice().compareTo(book.sellPrice(index)) == 0;
        return buy || sell ? book.slots[index] : null;
    }

    /** True when a finished order filled something. */
    static boolean filledAny(Order o) {
        return o.status() == OrderStatus.FILLED || o.filledQuantity().signum() > 0;
    }

    private static int integer(String v) {
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BigDecimal decimal(String v) {
        try {
            return v == null ? BigDecimal.ZERO : new BigDecimal(v);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
