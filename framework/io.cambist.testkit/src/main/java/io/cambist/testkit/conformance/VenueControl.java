package io.cambist.testkit.conformance;

import java.math.BigDecimal;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Timeframe;

/**
 * What a connector author implements for their fake venue so the {@link ConnectorConformanceSuite} can drive it.
 * One instance is one running fake venue with one funded account; the suite creates a fresh one per test and
 * closes it afterwards. Build it on {@link io.cambist.testkit.venue.FakeVenueServer}.
 */
public interface VenueControl extends AutoCloseable {

    /**
     * A new, not yet connected connector for the fake account, pointed at this venue, signing through a test signer
     * that knows the fake account's secret. Reconnect backoff should be short (tens of milliseconds) so recovery tests
     * finish quickly.
     */
    ExchangeConnector createConnector();

    /** The instrument the suite trades and watches; the venue has a two-sided book for it. */
    Instrument instrument();

    /**
     * A base quantity that satisfies the instrument's lot size and minimum notional at prices around 90 % of the best
     * bid, and that the account can afford several times over, on both sides.
     */
    BigDecimal orderQuantity();

    /** The venue's own book for the instrument, best levels first, at most {@code depth} levels a side. */
    OrderBook venueBook(int depth);

    /**
     * Makes the market move: at least one book level changes (published as an update on the book stream), a public
     * trade prints and the best bid/offer stream publishes the new top of book.
     */
    void marketActivity();

    /** Publishes one closed candle of the given width on the candle stream (partial updates may precede it). */
    void closeCandle(Timeframe timeframe);

    /** A counterparty trades against the whole of the account's resting order with this client order id. */
    void fillRestingOrder(ClientOrderId clientOrderId);

    /** Closes every stream connection abruptly, without a close frame. */
    void dropConnections();

    /** While false, stream connections are dropped and new ones refused; REST keeps working. */
    void setStreamsAvailable(boolean available);

    /** The next order book update is lost on its way to the connector: a gap in the sequence numbers. */
    void skipNextBookUpdate();

    /** Every open stream receives one message that is not valid JSON. */
    void sendMalformedMessage();

    /** The next private (account or order) request is answered with this error. */
    void failNextPrivateRequest(VenueFault fault);

    /** How many private (account or order) requests have reached the venue so far. */
    long privateRequests();

    @Override
    void close();
}
