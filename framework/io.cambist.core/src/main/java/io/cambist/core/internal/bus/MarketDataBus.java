package io.cambist.core.internal.bus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.Trade;
import io.cambist.core.internal.portfolio.LastPrices;
import io.cambist.core.internal.portfolio.PriceCell;

/**
 * The market data bus: routes each event a connector publishes to the instances subscribed to its account,
 * instrument and kind, and records the last price. The hot path is lock-free: a per-kind cache of the last route
 * (compared by identity) avoids a map lookup per event, and a route's subscribers are an immutable array replaced on
 * change.
 */
public final class MarketDataBus {

    private final LastPrices prices;
    private final ConcurrentHashMap<RouteKey, Route> routes = new ConcurrentHashMap<>();
    private final CacheLine[] cache = new CacheLine[MarketDataKind.values().length];

    private record RouteKey(String account, Instrument instrument, MarketDataKind kind) {
    }

    private record Entry(MarketSubscriber subscriber, Subscription[] subscriptions) {
        boolean matches(MarketEvent e) {
            for (Subscription s : subscriptions) {
                if (s.matches(e)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Route {
        final PriceCell price;
        volatile Entry[] entries = new Entry[0];

        Route(PriceCell price) {
            this.price = price;
        }
    }

    /** An immutable cache entry (safe to publish racily: all fields final). */
    private record CacheLine(String account, Instrument instrument, Route route) {
    }

    public MarketDataBus(LastPrices prices) {
        this.prices = prices;
    }

    /** Publishes an event from {@code account}'s feed. */
    public void publish(String account, MarketEvent event) {
        int k = event.kind().ordinal();
        CacheLine line = cache[k];
        Route route;
        if (line != null && line.account == account && line.instrument == event.instrument()) {
            route = line.route;
        } else {
            route = route(account, event.instrument(), event.kind());
            cache[k] = new CacheLine(account, event.instrument(), route);
        }
        route.price.set(priceOf(event), event.time());
        for (Entry e : route.entries) {
            if (e.matches(event)) {
                e.subscriber.offerMarket(event);
            }
        }
    }

    private Route route(String account, Instrument instrument, MarketDataKind kind) {
        return routes.computeIfAbsent(new RouteKey(account, instrument, kind),
                k -> new Route(prices.cell(account, instrument)));
    }

    private static BigDecimal priceOf(MarketEvent e) {
        if (e instanceof Candle c) {
            return c.close();
        }
        if (e instanceof Ticker t) {
            return t.price();
        }
        if (e instanceof Trade t) {
            return t.price();
        }
        return ((OrderBook) e).mid();
    }

    /** Adds a subscription of {@code subscriber}; false when it already had it. */
    public boolean subscribe(String account, Subscription s, MarketSubscriber subscriber) {
        Route route = route(account, s.instrument(), s.kind());
        synchronized (route) {
            Entry[] old = route.entries;
            List<Entry> list = new ArrayList<>(List.of(old));
            for (int i = 0; i < list.size(); i++) {
                Entry e = list.get(i);
                if (e.subscriber == subscriber) {
                    for (Subscription have : e.subscriptions) {
                        if (have.equals(s)) {
                            return false;
                        }
                    }
                    Subscription[] more = java.util.Arrays.copyOf(e.subscriptions, e.subscriptions.length + 1);
                    more[more.length - 1] = s;
                    list.set(i, new Entry(subscriber, more));
                    route.entries = list.toArray(new Entry[0]);
                    return true;
                }
            }
            list.add(new Entry(subscriber, new Subscription[] {s}));
            route.entries = list.toArray(new Entry[0]);
            return true;
        }
    }

    /** Removes a subscription of {@code subscriber}. */
    public void unsubscribe(String account, Subscription s, MarketSubscriber subscriber) {
        Route route = routes.get(new RouteKey(account, s.instrument(), s.kind()));
        if (route == null) {
            return;
        }
        synchronized (route) {
            List<Entry> list = new ArrayList<>();
            for (Entry e : route.entries) {
                if (e.subscriber != subscriber) {
                    list.add(e);
                    continue;
                }
                List<Subscription> keep = new ArrayList<>();
                for (Subscription have : e.subscriptions) {
                    if (!have.equals(s)) {
                        keep.add(have);
                    }
                }
                if (!keep.isEmpty()) {
                    list.add(new Entry(subscriber, keep.toArray(new Subscription[0])));
                }
            }
            route.entries = list.toArray(new Entry[0]);
        }
    }
}
