package io.cambist.core.internal.strategy;

import java.lang.reflect.Array;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.model.Instrument;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.Parameters;
import io.cambist.core.internal.risk.RiskLimits;

/**
 * A strategy instance's configuration, read from its factory configuration: reserved keys {@code instrument}
 * (required), {@code account} (default {@code paper}), {@code enabled} (default true), {@code exit.*} and
 * {@code risk.*}; every key except {@code service.*}, {@code felix.*} and {@code component.*} is a parameter.
 *
 * @param id               instance id: the configuration's name after {@code ~} in its PID, else the PID
 * @param configurationPid the configuration's PID
 * @param factoryPid       its factory PID (selects the strategy type)
 * @param account          venue account
 * @param instrument       instrument, or {@code null} when the configuration is invalid
 * @param parameters       all parameters
 * @param enabled          whether it should run
 * @param exits            exit rules from the {@code exit.*} parameters
 * @param problem          what is wrong with the configuration (the instance is FAILED with it), or {@code null}
 */
public record InstanceSettings(String id, String configurationPid, String factoryPid, String account,
        Instrument instrument, Parameters parameters, boolean enabled, ExitRules exits, String problem) {

    public static final String INSTRUMENT = "instrument";
    public static final String ACCOUNT = "account";
    public static final String ENABLED = "enabled";
    public static final String DEFAULT_ACCOUNT = "paper";

    /** The instance id a configuration PID gives. */
    public static String idOf(String pid) {
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 && tilde < pid.length() - 1 ? pid.substring(tilde + 1) : pid;
    }

    /** Reads a configuration; problems are reported in {@link #problem()}, never thrown. */
    public static InstanceSettings parse(String id, String pid, String factoryPid, Map<String, ?> properties) {
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("service.") || k.startsWith("felix.") || k.startsWith("component.") || e.getValue() == null) {
                continue;
            }
            values.put(k, text(e.getValue()));
        }
        Parameters p = Parameters.of(values);
        String account = p.string(ACCOUNT, DEFAULT_ACCOUNT);
        Instrument instrument = null;
        boolean enabled = true;
        ExitRules exits = ExitRules.NONE;
        String problem = null;
        try {
            instrument = Instrument.parse(p.string(INSTRUMENT));
        } catch (IllegalArgumentException e) {
            problem = "configuration " + pid + ": " + e.getMessage() + " (write it as BASE/QUOTE, e.g. BTC/USDT)";
        }
        try {
            enabled = p.bool(ENABLED, true);
            exits = ExitRules.from(p);
            RiskLimits.NONE.overriddenBy(p);
        } catch (IllegalArgumentException e) {
            problem = problem != null ? problem : "configuration " + pid + ": " + e.getMessage();
        }
        return new InstanceSettings(id, pid, factoryPid, account, instrument, p, enabled, exits, problem);
    }

    private static String text(Object v) {
        if (v.getClass().isArray()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Array.getLength(v); i++) {
                b.append(i == 0 ? "" : ",").append(Array.get(v, i));
            }
            return b.toString();
        }
        if (v instanceof Iterable<?> it) {
            StringBuilder b = new StringBuilder();
            for (Object o : it) {
                b.append(b.length() == 0 ? "" : ",").append(o);
            }
            return b.toString();
        }
        return v.toString();
    }

    /** True when only {@code enabled} differs. */
    public boolean sameExceptEnabled(InstanceSettings o) {
        return o != null && account.equals(o.account) && java.util.Objects.equals(instrument, o.instrument)
                && java.util.Objects.equals(problem, o.problem) && factoryPid.equals(o.factoryPid)
                && withoutEnabled(parameters).equals(withoutEnabled(o.parameters));
    }

    private static Map<String, String> withoutEnabled(Parameters p) {
        Map<String, String> m = new TreeMap<>(p.values());
        m.remove(ENABLED);
        return m;
    }
}
