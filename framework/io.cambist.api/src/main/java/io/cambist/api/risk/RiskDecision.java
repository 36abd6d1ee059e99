package io.cambist.api.risk;

import java.math.BigDecimal;
import java.util.Objects;

/** A risk rule's answer. */
public sealed interface RiskDecision {

    /** The order may go. */
    RiskDecision ACCEPT = new Accept();

    /** Accept. */
    record Accept() implements RiskDecision {
    }

    /**
     * Refuse the order; the strategy receives a REJECTED event with {@code "<rule>: <reason>"}.
     *
     * @param rule   the rule's name
     * @param reason what was wrong, with numbers
     */
    record Reject(String rule, String reason) implements RiskDecision {
        public Reject {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Let the order go with a smaller base quantity.
     *
     * @param rule     the rule's name
     * @param quantity the allowed quantity, positive and below the requested one
     * @param reason   why
     */
    record Shrink(String rule, BigDecimal quantity, String reason) implements RiskDecision {
        public Shrink {
            Objects.requireNonNull(rule, "rule");
            if (quantity == null || quantity.signum() <= 0) {
                throw new IllegalArgumentException("a shrunk quantity must be positive; reject instead");
            }
        }
    }

    /**
     * Refuse the order and halt the instance (e.g. daily loss limit reached).
     *
     * @param rule   the rule's name
     * @param reason why
     */
    record Halt(String rule, String reason) implements RiskDecision {
        public Halt {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static RiskDecision reject(String rule, String reason) {
        return new Reject(rule, reason);
    }
}
