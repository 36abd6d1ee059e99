package io.cambist.core.internal.strategy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Subscription;

/**
 * The market data an instance receives: the streams its strategy asked for (delivered to the strategy) and the
 * streams on the bus, which also include what its exit rules watch. Bus subscriptions outlive a strategy object, so
 * events keep queueing through a hot swap; the strategy's own list starts empty with each new object.
 */
final class InstanceStreams {

    private final StrategyInstance owner;
    private final StrategyRunnerImpl runner;
    private final Set<Subscription> bus = new LinkedHashSet<>();
    private volatile Subscription[] strategy = new Subscription[0];

    InstanceStreams(StrategyInstance owner, StrategyRunnerImpl runner) {
        this.owner = owner;
        this.runner = runner;
    }

    /** True when the strategy subscribed to this event. */
    boolean wanted(MarketEvent m) {
        for (Subscription s : strategy) {
            if (s.matches(m)) {
                return true;
            }
        }
        return false;
    }

    /** A new strategy object: it subscribes afresh. */
    void resetStrategy() {
        strategy = new Subscription[0];
    }

    /** The strategy subscribes. */
    void subscribe(String account, Subscription s) {
        synchronized (this) {
            Subscription[] cur = strategy;
            if (!Arrays.asList(cur).contains(s)) {
                Subscription[] more = Arrays.copyOf(cur, cur.length + 1);
                more[cur.length] = s;
                strategy = more;
            }
        }
        onBus(account, s);
    }

    /** The exit rules watch the instrument's candles and tickers. */
    void exits(String account, Instrument instrument) {
        onBus(account, Subscription.candles(instrument, null));
        onBus(account, Subscription.of(instrument, MarketDataKind.TICKER));
    }

    private void onBus(String account, Subscription s) {
        synchronized (this) {
            if (!bus.add(s)) {
                return;
            }
        }
        runner.subscribe(account, s, owner);
    }

    /** Leaves every stream (new settings, or the configuration was deleted). */
    synchronized void clear(String account) {
        for (Subscription s : bus) {
            runner.unsubscribe(account, s, owner);
        }
        bus.clear();
        strategy = new Subscription[0];
    }
}
