package io.cambist.core.internal.testing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.Strategy;
import io.cambist.core.internal.engine.Engine;
import io.cambist.core.internal.strategy.StrategyInstance;
import io.cambist.core.internal.strategy.StrategyType;

/** Shared set-ups for engine tests. */
public final class Fixtures {

    public static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");

    private Fixtures() {
    }

    public static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** A venue over {@code candles} with 1 BTC, 0.1 % fees. */
    public static TestVenue venue(List<Candle> candles) {
        return new TestVenue("paper", ETH_BTC, candles, Map.of("BTC", BigDecimal.ONE, "ETH", BigDecimal.ZERO),
                d("0.001"), d("0.001"));
    }

    /** A synchronous engine on the venue's clock with the venue bound and reconciled. */
    public static Engine inlineEngine(TestVenue venue) {
        Engine e = Engine.builder().backtest().clock(venue::time).build();
        e.bindConnector(venue.account(), venue);
        return e;
    }

    public static StrategyType type(String name, Supplier<? extends Strategy> objects) {
        return new StrategyType(name, "test." + name, objects::get);
    }

    /** Adds the type and a configuration {@code test.<type>~<id>} for ETH/BTC on {@code paper}. */
    public static StrategyInstance instance(Engine e, StrategyType t, String id, Map<String, String> extra) {
        e.runner().typeAdded(t);
        Map<String, Object> props = new HashMap<>();
        props.put("instrument", "ETH/BTC");
        props.put("account", "paper");
        props.put("service.pid", t.factoryPid() + "~" + id);
        props.putAll(extra);
        return e.runner().configure(t.factoryPid() + "~" + id, t.factoryPid(), props);
    }

    /** The statuses of the order events in a recorded list, as "STATUS<-PREVIOUS" strings. */
    public static List<String> transitions(List<Object> events) {
        return events.stream().filter(OrderEvent.class::isInstance).map(OrderEvent.class::cast)
                .map(e -> e.status() + "<-" + (e.previous() == null ? "null" : e.previous().name())
                        + (e.isFill() ? "+fill" : ""))
                .toList();
    }

    public static boolean terminal(OrderStatus s) {
        return s.isTerminal();
    }
}
