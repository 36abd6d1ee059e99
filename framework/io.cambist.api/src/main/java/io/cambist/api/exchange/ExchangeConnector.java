package io.cambist.api.exchange;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;

/**
 * One venue account, provided by an exchange bundle as a service (one component per account configuration, whose
 * {@code account} attribute names the account). The core binds every connector, calls {@link #connect}, and from then
 * on routes that account's orders and subscriptions to it.
 * <p>
 * Request methods block until the venue answers and are called from the framework's executors, never from a strategy
 * thread. Venue errors are thrown as {@link ExchangeException} subtypes. A connector must not read raw secrets; it
 * signs through {@link io.cambist.api.security.Signer} with the key alias of its configuration.
 */
@ConsumerType
public interface ExchangeConnector {

    /**
     * Optional service property: the account id (unique in the container), for service filters. When a connector does
     * not publish it, the core uses {@link #account()}.
     */
    String ACCOUNT = "cambist.account";

    /** Service property: the venue name, e.g. {@code binance}. */
    String VENUE = "cambist.venue";

    /** The account id, e.g. {@code binance-main}. */
    String account();

    /** The venue name, e.g. {@code binance}, {@code kraken}, {@code paper}. */
    String venue();

    /** What the connector supports. */
    Set<Capability> capabilities();

    /** The current connection state. */
    ConnectionStatus status();

    /**
     * Starts the connector's streams and hands it the core's callbacks. Returns quickly; connection work runs on
     * {@link VenueListener#scheduler()}. Called once per binding; a connector that is disconnected and connected again
     * must resubscribe what it was asked for.
     */
    void connect(VenueListener listener);

    /** Stops streams and cancels scheduled work. Open orders stay at the venue. */
    void disconnect();

    /** The instruments the venue lists for this account, with their trading rules. */
    List<InstrumentSpec> instruments();

    /** Current balances. */
    List<Balance> balances();

    /**
     * Sends an order. The request always carries its client order id, and the venue must see that id, so a retried
     * request can be recognised. Orders that break the instrument's rules are refused locally with an
     * {@link InvalidOrderException} naming the rule.
     *
     * @return the venue's acknowledgement
     */
    VenueOrder place(OrderRequest request);

    /**
     * Cancels an order by client order id.
     *
     * @return the order as the venue reports it after the cancel
     * @throws OrderNotFoundException when the venue does not know the id
     */
    VenueOrder cancel(Instrument instrument, ClientOrderId clientOrderId);

    /** The venue's view of one order, or empty when the venue does not know the id. */
    Optional<VenueOrder> query(Instrument instrument, ClientOrderId clientOrderId);

    /** Every open order of the account. */
    List<VenueOrder> openOrders();

    /** The fills of one order (for fills missed while disconnected). */
    List<Fill> fills(Instrument instrument, ClientOrderId clientOrderId);

    /** Starts a market data stream; events arrive at {@link VenueListener#onMarketEvent}. Idempotent. */
    void subscribe(Subscription subscription);

    /** Stops a market data stream. */
    void unsubscribe(Subscription subscription);

    /** Venue messages that could not be parsed or arrived out of order, and were counted and skipped. */
    default long malformedMessages() {
        return 0;
    }
}
