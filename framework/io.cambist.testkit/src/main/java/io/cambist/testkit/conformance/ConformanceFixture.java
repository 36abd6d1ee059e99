package io.cambist.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.testkit.Await;
import io.cambist.testkit.RecordingVenueListener;

/**
 * The per-test fixture of the conformance suite (fake venue, connected connector, recording listener) and the helpers
 * its tests share. Override the protected settings to adapt the suite to a venue.
 */
public abstract class ConformanceFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** The fake venue of the running test. */
    protected VenueControl venue;
    /** The connector under test, connected to {@link #listener}. */
    protected ExchangeConnector connector;
    /** Records what the connector delivers. */
    protected RecordingVenueListener listener;
    private String testName = "?";
    private InstrumentSpec spec;

    /** Starts the fake venue for one test. */
    protected abstract VenueControl startVenue() throws Exception;

    /** The longest wait for any one asynchronous outcome. */
    protected Duration timeout() {
        return Duration.ofSeconds(10);
    }

    /** The candle width the candle test subscribes to. */
    protected Timeframe candleTimeframe() {
        return Timeframe.M1;
    }

    /** The longest client order id the venue accepts (Kraken's free text limit is 18). */
    protected int maxClientOrderIdLength() {
        return ClientOrderId.MAX_LENGTH;
    }

    /** How many levels a side the book comparison checks. */
    protected int comparedBookDepth() {
        return 10;
    }

    final void open(String name) throws Exception {
        testName = name;
        spec = null;
        venue = startVenue();
        listener = new RecordingVenueListener();
        connector = venue.createConnector();
        connector.connect(listener);
        listener.awaitState(ConnectionState.ONLINE, timeout());
    }

    final void close() {
        try {
            if (connector != null) {
                connector.disconnect();
            }
        } finally {
            try {
                if (listener != null) {
                    listener.close();
                }
            } finally {
                if (venue != null) {
                    venue.close();
                }
            }
        }
    }

    /** Skips the running test, by name and with a message, unless the connector declares every capability. */
    protected void requires(Capability... capabilities) {
        for (Capability c : capabilities) {
            Assumptions.assumeTrue(has(c),
                    () -> "skipped " + testName + ": " + connector.venue() + " connector does not declare " + c);
        }
    }

    /** Skips the running test unless the connector declares at least one of the capabilities. */
    protected void requiresAny(Capability... capabilities) {
        Assumptions.assumeTrue(Arrays.stream(capabilities).anyMatch(this::has), () -> "skipped " + testName + ": "
                + connector.venue() + " connector declares none of " + Arrays.toString(capabilities));
    }

    /** Whether the connector declares the capability. */
    protected boolean has(Capability capability) {
        return connector.capabilities().contains(capability);
    }

    /** The rules of the test instrument, as the connector reports them. */
    protected InstrumentSpec spec() {
        if (spec == null) {
            spec = connector.instruments().stream().filter(s -> s.instrument().equals(venue.instrument())).findFirst()
                    .orElseThrow(() -> new AssertionError("the connector does not list " + venue.instrument()));
        }
        return spec;
    }

    /** A fresh client order id of at most 18 characters. */
    protected ClientOrderId newId() {
        return ClientOrderId.of("ct" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + "x"
                + SEQUENCE.incrementAndGet());
    }

    /** A limit buy price about 10 % under the best bid, on the tick grid: the order rests without trading. */
    protected BigDecimal restingBuyPrice() {
        BigDecimal bid = venue.venueBook(1).bestBid().price();
        return spec().roundPriceDown(bid.multiply(new BigDecimal("0.9")));
    }

    /** A GTC limit buy of {@link VenueControl#orderQuantity()}. */
    protected OrderRequest limitBuy(ClientOrderId id, BigDecimal price) {
        return OrderRequest.limit(venue.instrument(), Side.BUY, venue.orderQuantity(), price).withClientOrderId(id);
    }

    /** Waits for an execution report of the order with the status. */
    protected ExecutionReport awaitReport(ClientOrderId id, OrderStatus status) {
        return listener.awaitExecution(status + " report for " + id,
                r -> r.order().clientOrderId().equals(id) && r.order().status() == status, timeout());
    }

    /** The execution reports of one order, in arrival order. */
    protected List<ExecutionReport> reportsOf(ClientOrderId id) {
        return listener.executions().stream().filter(r -> r.order().clientOrderId().equals(id)).toList();
    }

    /** The fills reported for one order, in arrival order. */
    protected List<Fill> fillsOf(ClientOrderId id) {
        return reportsOf(id).stream().map(ExecutionReport::fill).filter(f -> f != null).toList();
    }

    /** Waits for a condition. */
    protected void awaitUntil(String what, BooleanSupplier condition) {
        Await.until(what, timeout(), condition);
    }

    /** Makes the market move until the supplier has a value (subscriptions take a moment to become active). */
    protected <T> T pumpUntil(String what, Supplier<Optional<T>> check) {
        return Await.value(what, timeout(), () -> {
            Optional<T> v = check.get();
            if (v.isEmpty()) {
                venue.marketActivity();
                Await.sleep(40);
            }
            return v;
        });
    }

    /** Subscribes to the book and waits for the first one. */
    protected OrderBook subscribeBook() {
        connector.subscribe(Subscription.of(venue.instrument(), MarketDataKind.ORDER_BOOK));
        return pumpUntil("an order book", () -> listener.lastMarketEvent(OrderBook.class, b -> true));
    }

    /** Every book published so far. */
    protected List<OrderBook> books() {
        return listener.marketEvents(OrderBook.class);
    }

    /** Waits until the connector's latest book shows the venue's top levels. */
    protected void awaitBookMatchesVenue() {
        Await.until("the connector's book to match the venue's", timeout(), () -> {
            OrderBook v = venue.venueBook(comparedBookDepth());
            return listener.lastMarketEvent(OrderBook.class, b -> true)
                    .filter(b -> ConformanceChecks.sameTop(b, v, comparedBookDepth())).isPresent();
        });
        assertThat(listener.lastMarketEvent(OrderBook.class, b -> true)).isPresent();
    }

    /**
     * Lets late order events arrive: places and cancels a barrier order when the connector can, waits for its cancel
     * report, then a short quiet period, so duplicates that were going to come have come.
     */
    protected void settleOrderEvents() {
        if (has(Capability.LIMIT_ORDER) && has(Capability.CANCEL_ORDER) && has(Capability.EXECUTION_STREAM)) {
            ClientOrderId barrier = newId();
            connector.place(limitBuy(barrier, restingBuyPrice()));
            connector.cancel(venue.instrument(), barrier);
            awaitReport(barrier, OrderStatus.CANCELED);
        }
        Await.sleep(300);
    }

    /** A private request for the error tests: balances, else open orders; skips the test when neither exists. */
    protected Runnable privateProbe() {
        requiresAny(Capability.BALANCES, Capability.OPEN_ORDERS);
        return has(Capability.BALANCES) ? connector::balances : connector::openOrders;
    }
}
