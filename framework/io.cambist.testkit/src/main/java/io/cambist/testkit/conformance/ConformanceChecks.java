package io.cambist.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.PriceLevel;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;

/** Assertions the conformance suite makes about books and order events; usable on their own in connector tests. */
public final class ConformanceChecks {

    private ConformanceChecks() {
    }

    /** A book is well formed: not crossed, bids strictly descending, asks strictly ascending, quantities positive. */
    public static void assertWellFormed(OrderBook book) {
        assertThat(book.crossed()).as("book %s is crossed: best bid %s, best ask %s", book.sequence(), book.bestBid(),
                book.bestAsk()).isFalse();
        assertOrdered(book.bids(), -1, "bids");
        assertOrdered(book.asks(), 1, "asks");
    }

    private static void assertOrdered(List<PriceLevel> levels, int direction, String side) {
        for (int i = 0; i < levels.size(); i++) {
            assertThat(levels.get(i).quantity().signum()).as("%s level %s has a positive quantity", side, i).isPositive();
            if (i > 0) {
                int cmp = levels.get(i).price().compareTo(levels.get(i - 1).price());
                assertThat(cmp).as("%s are sorted best first at level %s: %s", side, i, levels).isEqualTo(direction);
            }
        }
    }

    /**
     * True when the top {@code depth} levels of each side of the connector's book equal the venue's (prices and
     * quantities compared numerically). The connector's book must hold at least as many levels as compared.
     */
    public static boolean sameTop(OrderBook connector, OrderBook venue, int depth) {
        return sameLevels(connector.bids(), venue.bids(), depth) && sameLevels(connector.asks(), venue.asks(), depth);
    }

    private static boolean sameLevels(List<PriceLevel> ours, List<PriceLevel> theirs, int depth) {
        int n = Math.min(depth, theirs.size());
        if (ours.size() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (ours.get(i).price().compareTo(theirs.get(i).price()) != 0
                    || ours.get(i).quantity().compareTo(theirs.get(i).quantity()) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Order events are consistent: no trade id is reported twice, and per order every status change is a legal
     * transition, with a repeated status only when it carries a new fill (a repeated pure state event is a duplicate).
     */
    public static void assertOrderEventsConsistent(List<ExecutionReport> reports) {
        Map<String, Integer> tradeIds = new HashMap<>();
        Map<ClientOrderId, OrderStatus> last = new LinkedHashMap<>();
        for (ExecutionReport r : reports) {
            Fill fill = r.fill();
            if (fill != null) {
                int seen = tradeIds.merge(fill.tradeId(), 1, Integer::sum);
                assertThat(seen).as("fill with trade id %s is reported once (reports: %s)", fill.tradeId(), reports)
                        .isEqualTo(1);
                assertThat(fill.clientOrderId()).as("fill %s belongs to the order it is reported with", fill.tradeId())
                        .isEqualTo(r.order().clientOrderId());
            }
            OrderStatus previous = last.get(r.order().clientOrderId());
            OrderStatus now = r.order().status();
            if (previous != null) {
                if (previous == now) {
                    assertThat(fill).as("repeated %s event for %s without a fill is a duplicate", now,
                            r.order().clientOrderId()).isNotNull();
                } else {
                    assertThat(previous.canBecome(now)).as("order %s may go from %s to %s",
                            r.order().clientOrderId(), previous, now).isTrue();
                }
            }
            last.put(r.order().clientOrderId(), now);
        }
    }

    /** The summed quantity of the fills reported for one order. */
    public static BigDecimal filledQuantity(List<ExecutionReport> reports, ClientOrderId id) {
        return reports.stream().filter(r -> r.fill() != null && r.order().clientOrderId().equals(id))
                .map(r -> r.fill().quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
