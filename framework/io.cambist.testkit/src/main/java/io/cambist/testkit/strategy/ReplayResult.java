package io.cambist.testkit.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * Everything a replay produced: the engine's {@link BacktestReport}, the candles, and a record of every order the
 * strategy submitted, every order event it was given (the engine's exit orders included), every cancel, close and
 * halt it asked for, its position at each candle and every object swap. Candle indexes are positions in
 * {@link #candles()}; an index of -1 means "before the first candle".
 */
public final class ReplayResult {

    /**
     * An order the strategy submitted.
     *
     * @param seq         position in the run's sequence of submissions, deliveries and actions (shared counter), so
     *                    a test can tell what the strategy did in reaction to what
     * @param candle      index of the candle being handled when it was submitted
     * @param incarnation 0 for the first strategy object, +1 after every swap or restart
     * @param request     what it asked for
     * @param order       what the engine answered (PENDING_NEW or REJECTED)
     */
    public record Submission(long seq, int candle, int incarnation, OrderRequest request, Order order) {
    }

    /**
     * An order event delivered to the strategy.
     *
     * @param seq         position in the run's shared sequence
     * @param candle      index of the last candle delivered before it
     * @param incarnation which strategy object got it
     * @param event       the event
     */
    public record Delivery(long seq, int candle, int incarnation, OrderEvent event) {
    }

    /**
     * Something else the strategy asked its context for.
     *
     * @param seq         position in the run's shared sequence
     * @param candle      index of the candle being handled
     * @param incarnation which strategy object asked
     * @param what        {@code cancel}, {@code closePosition} or {@code halt}
     * @param detail      the client order id or the reason
     */
    public record Action(long seq, int candle, int incarnation, String what, String detail) {
    }

    /**
     * A strategy object replaced before a candle was delivered.
     *
     * @param candle     the candle the new object got first
     * @param restart    true for a restart with an older snapshot, false for a hot swap
     * @param snapshot   the snapshot the new object was given
     * @param openOrders the instance's open orders at that moment
     */
    public record Swap(int candle, boolean restart, StrategySnapshot snapshot, List<Order> openOrders) {
    }

    private final BacktestReport report;
    private final List<Candle> candles;
    private final RecordingStrategy recorder;
    private final StrategySnapshot finalSnapshot;

    ReplayResult(BacktestReport report, List<Candle> candles, RecordingStrategy recorder, StrategySnapshot finalSnapshot) {
        this.report = report;
        this.candles = List.copyOf(candles);
        this.recorder = recorder;
        this.finalSnapshot = finalSnapshot;
    }

    /** The engine's report: trades, balances, equity, metrics, and the failure if the strategy threw. */
    public BacktestReport report() {
        return report;
    }

    /** Every candle of the market, in order. */
    public List<Candle> candles() {
        return candles;
    }

    /** Orders the strategy submitted, in order. */
    public List<Submission> submissions() {
        return Collections.unmodifiableList(recorder.submissions);
    }

    /** Order events the strategy was given, in order. */
    public List<Delivery> deliveries() {
        return Collections.unmodifiableList(recorder.deliveries);
    }

    /** Cancels, closes and halts the strategy asked for, in order. */
    public List<Action> actions() {
        return Collections.unmodifiableList(recorder.actions);
    }

    /** Object swaps and restarts, in order. */
    public List<Swap> swaps() {
        return Collections.unmodifiableList(recorder.swapsDone);
    }

    /** Signals delivered to the strategy. */
    public List<Signal> signals() {
        return Collections.unmodifiableList(recorder.signals);
    }

    /** The strategy's snapshot when the run ended (taken after the engine stopped it). */
    public StrategySnapshot finalSnapshot() {
        return finalSnapshot;
    }

    /** The instance's position when candle {@code index} was delivered (after that candle's fills), if delivered. */
    public Optional<Position> positionAt(int index) {
        return index >= 0 && index < recorder.positions.length ? Optional.ofNullable(recorder.positions[index])
                : Optional.empty();
    }

    /** The positions at every candle ({@code null} where the strategy was not given the candle). */
    public List<Position> positions() {
        return Collections.unmodifiableList(Arrays.asList(recorder.positions));
    }

    /** Every order known from submissions and events, in the state of its last event, in order of appearance. */
    public Map<ClientOrderId, Order> orders() {
        Map<ClientOrderId, Order> out = new LinkedHashMap<>();
        for (Submission s : recorder.submissions) {
            out.putIfAbsent(s.order().clientOrderId(), s.order());
        }
        for (Delivery d : recorder.deliveries) {
            out.put(d.event().order().clientOrderId(), d.event().order());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The orders whose tag starts with {@code prefix}, in their last known state. */
    public List<Order> ordersTagged(String prefix) {
        List<Order> out = new ArrayList<>();
        for (Order o : orders().values()) {
            if (o.tag() != null && o.tag().startsWith(prefix)) {
                out.add(o);
            }
        }
        return out;
    }

    /** The orders the strategy submitted after {@code seq} (in reaction to it and later), in order. */
    public List<Submission> submissionsAfter(long seq) {
        List<Submission> out = new ArrayList<>();
        for (Submission s : recorder.submissions) {
            if (s.seq() > seq) {
                out.add(s);
            }
        }
        return out;
    }

    /** The deliveries that carry a fill, in order. */
    public List<Delivery> fills() {
        List<Delivery> out = new ArrayList<>();
        for (Delivery d : recorder.deliveries) {
            if (d.event().isFill()) {
                out.add(d);
            }
        }
        return out;
    }

    /** The index of the candle with this open time, or -1. */
    public int indexOfOpenTime(long openTime) {
        for (int i = 0; i < candles.size(); i++) {
            if (candles.get(i).openTime() == openTime) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the candle with this close time, or -1. */
    public int indexOfCloseTime(long closeTime) {
        for (int i = 0; i < candles.size(); i++) {
            if (candles.get(i).time() == closeTime) {
                return i;
            }
        }
        return -1;
    }
}
