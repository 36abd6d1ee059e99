package io.cambist.admin.internal.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

import io.cambist.api.model.Instrument;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.api.strategy.TradingMode;

/**
 * A strategy runner that behaves like the core's as far as the admin API can see: one instance per strategy
 * configuration (fed by {@link FakeConfigurationAdmin}'s listener), STOPPED when {@code enabled=false}.
 */
public final class FakeRunner implements StrategyRunner {

    private final Map<String, StrategyStatus> instances = new TreeMap<>();
    private final Map<String, StrategySnapshot> saved = new TreeMap<>();
    public final List<String> calls = new ArrayList<>();

    /** What {@link #savedState} answers for an instance. */
    public synchronized void save(String id, StrategySnapshot snapshot) {
        saved.put(id, snapshot);
    }

    @Override
    public synchronized Optional<StrategySnapshot> savedState(String id) {
        return Optional.ofNullable(saved.get(id));
    }

    /** Follows the configurations of one strategy type. */
    public void follow(FakeConfigurationAdmin cm, String factoryPid, String type) {
        cm.listener = c -> {
            if (!factoryPid.equals(c.getFactoryPid())) {
                return;
            }
            String id = c.getPid().substring(c.getPid().indexOf('~') + 1);
            Dictionary<String, Object> p = c.getProperties();
            synchronized (this) {
                if (p == null) {
                    instances.remove(id);
                    return;
                }
                Map<String, String> params = new TreeMap<>();
                for (String k : Collections.list(p.keys())) {
                    if (!k.startsWith("service.")) {
                        params.put(k, String.valueOf(p.get(k)));
                    }
                }
                boolean enabled = !"false".equals(String.valueOf(p.get("enabled")));
                put(status(id, type, c.getPid(), params.get("account"), Instrument.parse(params.get("instrument")),
                        enabled ? StrategyState.RUNNING : StrategyState.STOPPED, null, params));
            }
        };
    }

    public synchronized void put(StrategyStatus s) {
        instances.put(s.id(), s);
    }

    public static StrategyStatus status(String id, String type, String pid, String account, Instrument instrument,
            StrategyState state, String reason, Map<String, String> parameters) {
        Position position = new Position(account, id, instrument, new BigDecimal("0.5"), new BigDecimal("0.0321"),
                new BigDecimal("0.0012"), new BigDecimal("-0.00005"), new BigDecimal("0.0001"), new BigDecimal("0.0320"));
        return new StrategyStatus(id, type, pid, account, instrument, TradingMode.PAPER, state, reason, parameters, position, 2,
                0, 1024, false, 0, 42, 1_000L);
    }

    @Override
    public synchronized List<StrategyStatus> instances() {
        return List.copyOf(instances.values());
    }

    @Override
    public synchronized Optional<StrategyStatus> instance(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    @Override
    public List<String> types() {
        return List.of("grid");
    }

    @Override
    public synchronized StrategyStatus pause(String id) {
        calls.add("pause " + id);
        return set(id, StrategyState.PAUSED, null);
    }

    @Override
    public synchronized StrategyStatus resume(String id) {
        calls.add("resume " + id);
        return set(id, StrategyState.RUNNING, null);
    }

    @Override
    public synchronized StrategyStatus halt(String id, String reason) {
        calls.add("halt " + id + ": " + reason);
        return set(id, StrategyState.HALTED, reason);
    }

    @Override
    public synchronized List<StrategyStatus> haltAll(String reason) {
        calls.add("haltAll: " + reason);
        List<StrategyStatus> out = new ArrayList<>();
        for (String id : List.copyOf(instances.keySet())) {
            out.add(set(id, StrategyState.HALTED, reason));
        }
        return out;
    }

    @Override
    public void deliver(String id, Signal signal) {
        throw new UnsupportedOperationException();
    }

    private StrategyStatus set(String id, StrategyState state, String reason) {
        StrategyStatus s = instances.get(id);
        if (s == null) {
            throw new NoSuchElementException("no instance " + id);
        }
        StrategyStatus n = status(s.id(), s.type(), s.configurationPid(), s.account(), s.instrument(), state, reason,
                s.parameters());
        instances.put(id, n);
        return n;
    }
}
