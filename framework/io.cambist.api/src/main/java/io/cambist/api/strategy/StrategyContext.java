package io.cambist.api.strategy;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.portfolio.Position;

/**
 * Everything a strategy instance may touch, provided by the core. Orders go through risk rules, the journal and the
 * venue; the strategy never sees a venue, a key or another instance's orders.
 */
@ProviderType
public interface StrategyContext {

    /** This instance's id (unique in the container). */
    String instanceId();

    /** This instance's strategy type. */
    String type();

    /** Whether this is a backtest, paper trading or live trading; strategies should not need to ask. */
    TradingMode mode();

    /** The venue account the instance trades on. */
    String account();

    /** The instrument the instance was configured for. */
    Instrument instrument();

    /** The instance's parameters from its configuration (or {@code --set} in a backtest). */
    Parameters parameters();

    /** The state the previous incarnation of this instance saved, after a hot swap or restart. */
    Optional<StrategySnapshot> savedState();

    /** The time of the framework's clock, epoch milliseconds (candle time in backtests). */
    long now();

    /** Subscribes this instance to a market data stream of its account. Idempotent. */
    void subscribe(Subscription subscription);

    /**
     * Submits an order for this instance on its account.
     *
     * @return the order accepted ({@code PENDING_NEW}) or refused ({@code REJECTED} with the rule's reason); the
     *         outcome at the venue arrives as order events
     */
    Order submit(OrderRequest request);

    /** Cancels one of this instance's orders. */
    Order cancel(ClientOrderId clientOrderId);

    /** This instance's orders that may still trade, oldest first. */
    List<Order> openOrders();

    /** One of this instance's orders. */
    Optional<Order> order(ClientOrderId clientOrderId);

    /** A fresh client order id, for strategies that want to know the id before submitting. */
    ClientOrderId newClientOrderId();

    /** The trading rules of an instrument on this instance's account. */
    Optional<InstrumentSpec> spec(Instrument instrument);

    /** A balance of this instance's account. */
    Balance balance(String currency);

    /** The position this instance holds in its instrument. */
    Position position();

    /**
     * Sets the exit rules the engine enforces on this instance's position (replacing the ones from the
     * {@code exit.*} parameters). They survive restarts and hot swaps.
     */
    void setExits(ExitRules rules);

    /** The exit rules in force. */
    ExitRules exits();

    /** Closes the position with a market order and cancels the instance's open orders. */
    void closePosition(String reason);

    /** Stops this instance (state HALTED with the reason) after cancelling its open orders. */
    void halt(String reason);
}
