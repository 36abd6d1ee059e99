package io.cambist.core.internal.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskContext;
import io.cambist.api.risk.RiskDecision;
import io.cambist.api.risk.RiskRule;
import io.cambist.api.strategy.Parameters;

/**
 * Passes every order intent through the core's four rules and every {@link RiskRule} service. A shrink applies and
 * the shrunk order goes on through the remaining rules; the first reject or halt ends the check. A rule that throws
 * refuses the order (fail closed).
 */
public final class RiskEngine {

    /** The outcome: the (possibly shrunk) intent, or the refusal. */
    public record Verdict(OrderIntent intent, RiskDecision refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private final Logger logger = LoggerFactory.getLogger(RiskEngine.class);
    private final List<RiskRule> builtIn;
    private final List<RiskRule> external = new CopyOnWriteArrayList<>();
    private volatile RiskRule[] rules;
    private volatile RiskLimits global = RiskLimits.NONE;

    /**
     * @param instanceParameters an instance's parameters (for its {@code risk.*} overrides), or {@code null} when the
     *                           id is unknown or {@code null}
     */
    public RiskEngine(Function<String, Parameters> instanceParameters) {
        LimitsSource source = id -> limitsOf(id, id == null ? null : instanceParameters.apply(id));
        this.builtIn = List.of(new MaxOrderNotionalRule(source), new MaxPositionRule(source),
                new MaxOpenOrdersRule(source), new DailyLossRule(source));
        rebuild();
    }

    private record Cached(RiskLimits global, Parameters parameters, RiskLimits limits) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Global limits with an instance's overrides, parsed once per configuration. */
    private RiskLimits limitsOf(String id, Parameters p) {
        RiskLimits g = global;
        if (id == null || p == null) {
            return g;
        }
        Cached c = cache.get(id);
        if (c == null || c.global != g || c.parameters != p) {
            c = new Cached(g, p, g.overriddenBy(p));
            cache.put(id, c);
        }
        return c.limits;
    }

    /** The limits set by the global configuration. */
    public RiskLimits global() {
        return global;
    }

    public void global(RiskLimits limits) {
        this.global = limits == null ? RiskLimits.NONE : limits;
    }

    public void addRule(RiskRule rule) {
        external.add(rule);
        rebuild();
    }

    public void removeRule(RiskRule rule) {
        external.remove(rule);
        rebuild();
    }

    private void rebuild() {
        List<RiskRule> all = new ArrayList<>(builtIn);
        all.addAll(external);
        rules = all.toArray(new RiskRule[0]);
    }

    /** Names of the rules in force, in order. */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        for (RiskRule r : rules) {
            names.add(r.name());
        }
        return names;
    }

    /** Checks an intent against every rule. */
    public Verdict check(OrderIntent intent, RiskContext context) {
        OrderIntent current = intent;
        for (RiskRule rule : rules) {
            RiskDecision d;
            try {
                d = rule.check(current, context);
            } catch (RuntimeException e) {
                logger.warn("risk rule {} failed; the order is refused", safeName(rule), e);
                return new Verdict(current, RiskDecision.reject(safeName(rule), "rule failed: " + e));
            }
            if (d == null || d instanceof RiskDecision.Accept) {
                continue;
            }
            if (d instanceof RiskDecision.Shrink s) {
                var request = current.request();
                boolean smaller = request.quantity() == null || s.quantity().compareTo(request.quantity()) < 0;
                if (smaller) {
                    current = new OrderIntent(current.strategyId(), current.account(),
                            request.withQuantity(s.quantity()), current.referencePrice());
                    logger.info("risk rule {} shrank order {} to {}: {}", s.rule(), request.clientOrderId(),
                            s.quantity().toPlainString(), s.reason());
                }
                continue;
            }
            return new Verdict(current, d);
        }
        return new Verdict(current, null);
    }

    private static String safeName(RiskRule rule) {
        try {
            return rule.name();
        } catch (RuntimeException e) {
            return rule.getClass().getName();
        }
    }
}
