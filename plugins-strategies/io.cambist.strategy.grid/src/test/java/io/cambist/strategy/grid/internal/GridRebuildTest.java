package io.cambist.strategy.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.StrategySnapshot;

/** Rebuilding a grid from its open orders and a snapshot that may be older than they are. */
class GridRebuildTest {

    private static final Instrument I = Instrument.of("ETH", "BTC");
    private static final BigDecimal[] LEVELS = {new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3"),
        new BigDecimal("4")};

    private static Order order(String id, Side side, String price, String tag, OrderStatus status, String filled) {
        return new Order(ClientOrderId.of(id), null, "paper", "g", I, side, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("0.5"), null, new BigDecimal(price), null, status, new BigDecimal(filled),
                new BigDecimal(filled).signum() > 0 ? new BigDecimal(price) : null, null, null, tag, null, 0, 0);
    }

    @Test
    void openGridOrdersTakeBackTheirGridsAndEverythingElseIsCancelled() {
        GridBook book = new GridBook(LEVELS);
        Order buy0 = order("a", Side.BUY, "1", "grid:b0", OrderStatus.NEW, "0");
        Order sell1 = order("b", Side.SELL, "3", "grid:s1", OrderStatus.NEW, "0");
        Order duplicate = order("c", Side.BUY, "1", "grid:b0", OrderStatus.NEW, "0");
        Order wrongPrice = order("d", Side.BUY, "2.5", "grid:b2", OrderStatus.NEW, "0");
        Order foreign = order("e", Side.BUY, "3", "manual", OrderStatus.NEW, "0");
        GridRebuild.Result r = GridRebuild.rebuild(book, List.of(buy0, sell1, duplicate, wrongPrice, foreign),
                Optional.empty(), id -> Optional.empty());
        assertThat(r.claimed()).isEqualTo(2);
        assertThat(r.cancel()).containsExactly(duplicate, wrongPrice, foreign);
        assertThat(book.slots[0].state).isEqualTo(GridSlot.State.BUYING);
        assertThat(book.slots[1].state).isEqualTo(GridSlot.State.SELLING);
        assertThat(book.slots[1].held).isEqualByComparingTo("0.5");
        assertThat(book.slots[1].cost).as("unknown without a snapshot").isNull();
        assertThat(book.slots[2].state).isEqualTo(GridSlot.State.IDLE);
        assertThat(book.slotOf(ClientOrderId.of("b"))).isSameAs(book.slots[1]);
        assertThat(book.initialised).isTrue();
    }

    @Test
    void aFillTheOldIncarnationNeverActedOnIsHandedBack() {
        GridBook before = new GridBook(LEVELS);
        before.initialised = true;
        before.cycles = 4;
        before.profit = new BigDecimal("0.25");
        before.work(before.slots[0], GridSlot.State.BUYING, ClientOrderId.of("a"));
        before.work(before.slots[1], GridSlot.State.SELLING, ClientOrderId.of("b"));
        before.slots[1].held = new BigDecimal("0.5");
        before.slots[1].cost = new BigDecimal("2");
        before.slots[1].buyFee = new BigDecimal("0.001");
        StrategySnapshot saved = before.snapshot();

        Map<ClientOrderId, Order> known = new HashMap<>();
        Order filled = order("a", Side.BUY, "1", "grid:b0", OrderStatus.FILLED, "0.5");
        known.put(filled.clientOrderId(), filled);
        Order sellStillOpen = order("b", Side.SELL, "3", "grid:s1", OrderStatus.NEW, "0");

        GridBook after = new GridBook(LEVELS);
        GridRebuild.Result r = GridRebuild.rebuild(after, List.of(sellStillOpen), Optional.of(saved),
                id -> Optional.ofNullable(known.get(id)));
        assertThat(r.fromSnapshot()).isTrue();
        assertThat(r.missed()).singleElement().satisfies(m -> {
            assertThat(m.slot().index).isZero();
            assertThat(m.order()).isEqualTo(filled);
        });
        assertThat(after.slots[1].cost).as("the same sell the snapshot saw keeps its buy price").isEqualByComparingTo("2");
        assertThat(after.cycles).isEqualTo(4);
        assertThat(after.profit).isEqualByComparingTo("0.25");
    }

    @Test
    void aSnapshotOfAnotherLayoutIsIgnored() {
        GridBook other = new GridBook(new BigDecimal[] {BigDecimal.ONE, BigDecimal.TEN});
        other.cycles = 9;
        GridBook book = new GridBook(LEVELS);
        GridRebuild.Result r = GridRebuild.rebuild(book, List.of(), Optional.of(other.snapshot()), id -> Optional.empty());
        assertThat(r.fromSnapshot()).isFalse();
        assertThat(book.cycles).isZero();
        assertThat(book.initialised).isFalse();
    }
}
