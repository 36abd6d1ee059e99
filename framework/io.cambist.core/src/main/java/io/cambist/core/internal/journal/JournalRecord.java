package io.cambist.core.internal.journal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import io.cambist.api.model.Instrument;
import io.cambist.api.order.Fill;
import io.cambist.api.order.Order;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.StrategySnapshot;

/** What the engine writes to its journal; replaying the records in order rebuilds its state. */
public sealed interface JournalRecord {

    /**
     * An order's full state: written (and fsynced) before a new order leaves for its venue, then after every change.
     *
     * @param order    the order
     * @param tradeIds the venue trade ids already applied to it (fills are deduplicated by them)
     */
    record OrderSaved(Order order, List<String> tradeIds) implements JournalRecord {
        public OrderSaved {
            Objects.requireNonNull(order, "order");
            tradeIds = List.copyOf(tradeIds);
        }
    }

    /**
     * A fill applied to positions and balances.
     *
     * @param account    the account
     * @param strategyId the owning instance, or {@code null}
     * @param fill       the fill
     * @param quoteFee   its fee valued in the quote currency when it was applied
     */
    record FillApplied(String account, String strategyId, Fill fill, BigDecimal quoteFee) implements JournalRecord {
        public FillApplied {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(fill, "fill");
            Objects.requireNonNull(quoteFee, "quoteFee");
        }
    }

    /** The last state snapshot of a strategy instance. */
    record SnapshotSaved(String instanceId, StrategySnapshot snapshot) implements JournalRecord {
        public SnapshotSaved {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /**
     * The exit rules of an instance and their state.
     *
     * @param instanceId the instance
     * @param rules      the rules in force, or {@code null} when they come from the {@code exit.*} parameters
     * @param armed      whether the trailing stop is armed
     * @param highest    the highest price since it armed, or {@code null}
     */
    record ExitSaved(String instanceId, ExitRules rules, boolean armed, BigDecimal highest) implements JournalRecord {
        public ExitSaved {
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }

    /** An instance's configuration was deleted: forget its snapshot and exit state. */
    record InstanceRemoved(String instanceId) implements JournalRecord {
        public InstanceRemoved {
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }

    /**
     * A position, written by checkpoints (later fills are replayed on top of it).
     *
     * @param account            the account
     * @param strategyId         the instance, or {@code null} for the account-wide position
     * @param instrument         the instrument
     * @param quantity           signed base quantity
     * @param average            average entry price, or {@code null} when flat
     * @param realized           realized P&amp;L after fees
     * @param fees               fees paid
     * @param day                the UTC day (epoch day) of the last fill
     * @param realizedAtDayStart realized P&amp;L when that day began
     */
    record PositionSaved(String account, String strategyId, Instrument instrument, BigDecimal quantity,
            BigDecimal average, BigDecimal realized, BigDecimal fees, long day, BigDecimal realizedAtDayStart)
            implements JournalRecord {
        public PositionSaved {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(instrument, "instrument");
        }
    }

    /** The epoch of the client order ids of a run (ids stay unique across restarts). */
    record IdEpoch(long epoch) implements JournalRecord {
    }
}
