package io.cambist.testkit.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.Trade;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.testkit.strategy.ReplayResult.Action;
import io.cambist.testkit.strategy.ReplayResult.Delivery;
import io.cambist.testkit.strategy.ReplayResult.Submission;
import io.cambist.testkit.strategy.ReplayResult.Swap;

/**
 * Stands between the engine and the strategy under test: records what the strategy is given and what it does, and
 * replaces the strategy object at chosen candles the way the runner does on a hot swap (snapshot of the old object,
 * new object started with it and the core's open orders, no {@code onStop}) or on a restart after a crash (a new
 * object started with an older snapshot).
 */
final class RecordingStrategy implements Strategy {

    private final Supplier<? extends Strategy> factory;
    private final Map<Long, Integer> indexByOpenTime = new HashMap<>();
    private final Map<Integer, Integer> restartSnapshotFrom;
    private final Map<Integer, StrategySnapshot> staleSnapshots = new HashMap<>();
    private final Map<Integer, Boolean> swaps;

    final List<Submission> submissions = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();
    final List<Action> actions = new ArrayList<>();
    final List<Swap> swapsDone = new ArrayList<>();
    final List<Signal> signals = new ArrayList<>();
    final Position[] positions;
    final List<StrategySnapshot> snapshotsTaken = new ArrayList<>();

    private Strategy current;
    private StrategyContext engine;
    private int candle = -1;
    private int incarnation;
    private long seq;

    /**
     * @param factory             makes strategy objects
     * @param candles             the candles of the run (to number them)
     * @param swaps               candle index to {@code true} for a restart, {@code false} for a hot swap
     * @param restartSnapshotFrom for a restart at candle k: the candle whose snapshot the new object gets
     */
    RecordingStrategy(Supplier<? extends Strategy> factory, List<Candle> candles, Map<Integer, Boolean> swaps,
            Map<Integer, Integer> restartSnapshotFrom) {
        this.factory = factory;
        for (int i = 0; i < candles.size(); i++) {
            indexByOpenTime.put(candles.get(i).openTime(), i);
        }
        this.positions = new Position[candles.size()];
        this.swaps = swaps;
        this.restartSnapshotFrom = restartSnapshotFrom;
    }

    @Override
    public void onStart(StrategyContext context) {
        this.engine = context;
        this.current = factory.get();
        current.onStart(new RecordingContext(context, this, null, false));
    }

    @Override
    public void onCandle(Candle c) {
        Integer i = indexByOpenTime.get(c.openTime());
        candle = i == null ? candle + 1 : i;
        if (restartSnapshotFrom.containsValue(candle)) {
            staleSnapshots.put(candle, current.snapshot());
        }
        Boolean restart = swaps.get(candle);
        if (restart != null) {
            replaceObject(restart);
        }
        if (candle < positions.length) {
            positions[candle] = engine.position();
        }
        current.onCandle(c);
    }

    private void replaceObject(boolean restart) {
        StrategySnapshot handed = restart ? staleSnapshots.get(restartSnapshotFrom.get(candle)) : current.snapshot();
        List<Order> open = engine.openOrders();
        swapsDone.add(new Swap(candle, restart, handed, open));
        incarnation++;
        current = factory.get();
        current.onStart(new RecordingContext(engine, this, handed, true));
    }

    @Override
    public void onTicker(Ticker ticker) {
        current.onTicker(ticker);
    }

    @Override
    public void onTrade(Trade trade) {
        current.onTrade(trade);
    }

    @Override
    public void onOrderBook(OrderBook book) {
        current.onOrderBook(book);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        deliveries.add(new Delivery(++seq, candle, incarnation, event));
        current.onOrderEvent(event);
    }

    @Override
    public void onSignal(Signal signal) {
        signals.add(signal);
        current.onSignal(signal);
    }

    @Override
    public StrategySnapshot snapshot() {
        StrategySnapshot s = current == null ? StrategySnapshot.EMPTY : current.snapshot();
        snapshotsTaken.add(s);
        return s;
    }

    @Override
    public void onStop() {
        if (current != null) {
            current.onStop();
        }
    }

    /** The strategy object now in use. */
    Strategy current() {
        return current;
    }

    void submitted(OrderRequest request, Order result) {
        submissions.add(new Submission(++seq, candle, incarnation, request, result));
    }

    void cancelled(ClientOrderId id) {
        actions.add(new Action(++seq, candle, incarnation, "cancel", id.value()));
    }

    void closed(String reason) {
        actions.add(new Action(++seq, candle, incarnation, "closePosition", reason));
    }

    void halted(String reason) {
        actions.add(new Action(++seq, candle, incarnation, "halt", reason));
    }
}
