package io.cambist.testkit.conformance;

import static io.cambist.testkit.conformance.ConformanceChecks.assertOrderEventsConsistent;
import static io.cambist.testkit.conformance.ConformanceChecks.assertWellFormed;
import static io.cambist.testkit.conformance.ConformanceChecks.filledQuantity;
import static io.cambist.testkit.conformance.ConformanceChecks.sameTop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import io.cambist.api.exchange.AuthenticationException;
import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.InvalidTimestampException;
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.RateLimitException;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.Trade;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.testkit.Await;

/**
 * The connector conformance suite. A connector test extends it and implements {@link #startVenue()}; every test then
 * runs against a fresh fake venue and a fresh, connected connector. Tests that need a capability the connector does
 * not declare are skipped with a message naming the test and the capability. Order events are checked after every
 * test: no fill reported twice, no illegal or repeated status transition.
 * <p>
 * The checks form one class on purpose, so an author extends a single type and every check is a test with its own
 * name; the fixture and helpers live in {@link ConformanceFixture}, assertions in {@link ConformanceChecks}.
 */
@Timeout(90)
public abstract class ConnectorConformanceSuite extends ConformanceFixture {

    private static final AtomicInteger IDS = new AtomicInteger();

    /** Starts the fake venue for one test. */
    @Override
    protected abstract VenueControl startVenue() throws Exception;

    @BeforeEach
    void connect(TestInfo info) throws Exception {
        open(info.getTestMethod().map(m -> m.getName()).orElse(info.getDisplayName()));
    }

    @AfterEach
    void checkEventsAndClose() {
        try {
            if (listener != null) {
                assertOrderEventsConsistent(listener.executions());
            }
        } finally {
            close();
        }
    }

    // ---- instruments, status, balances ----

    @Test
    void instrumentsCarryTickAndLotSizes() {
        List<InstrumentSpec> all = connector.instruments();
        assertThat(all).as("instruments").isNotEmpty();
        InstrumentSpec s = spec();
        assertThat(s.venueSymbol()).isNotBlank();
        assertThat(s.tickSize().signum()).as("tick size of %s", s.instrument()).isPositive();
        assertThat(s.stepSize().signum()).as("lot step of %s", s.instrument()).isPositive();
        assertThat(s.minQuantity().signum()).as("minimum quantity of %s", s.instrument()).isNotNegative();
        assertThat(s.trading()).as("%s is trading", s.instrument()).isTrue();
        assertThat(all.stream().map(InstrumentSpec::instrument).distinct().count()).as("instruments are unique")
                .isEqualTo(all.size());
    }

    @Test
    void statusIsReportedThroughListener() {
        assertThat(connector.account()).isNotBlank();
        assertThat(connector.venue()).isNotBlank();
        assertThat(connector.capabilities()).as("declared capabilities").isNotEmpty();
        assertThat(connector.status().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(listener.statuses()).as("status changes reach the listener").isNotEmpty();
        listener.statuses().stream().filter(s -> s.state() != ConnectionState.ONLINE)
                .forEach(s -> assertThat(s.reason()).as("%s status says why", s.state()).isNotBlank());
        listener.statuses().forEach(s -> assertThat(s.since()).isPositive());
    }

    @Test
    void balancesAreListed() {
        requires(Capability.BALANCES);
        List<Balance> balances = connector.balances();
        assertThat(balances).as("balances of the funded test account").isNotEmpty();
        balances.forEach(b -> {
            assertThat(b.free().signum()).as("free %s", b.currency()).isNotNegative();
            assertThat(b.locked().signum()).as("locked %s", b.currency()).isNotNegative();
        });
        assertThat(balances).as("the quote currency is funded")
                .anyMatch(b -> b.currency().equals(venue.instrument().quote()) && b.free().signum() > 0);
    }

    // ---- orders ----

    @Test
    void limitOrderRestsWithItsClientOrderId() {
        requires(Capability.LIMIT_ORDER);
        ClientOrderId id = newId();
        BigDecimal price = restingBuyPrice();
        VenueOrder ack = connector.place(limitBuy(id, price));
        assertThat(ack.clientOrderId()).isEqualTo(id);
        assertThat(ack.status()).isIn(OrderStatus.NEW, OrderStatus.PENDING_NEW);
        assertThat(ack.instrument()).isEqualTo(venue.instrument());
        assertThat(ack.side()).isEqualTo(Side.BUY);
        assertThat(ack.type()).isEqualTo(OrderType.LIMIT);
        if (has(Capability.QUERY_ORDER)) {
            VenueOrder q = connector.query(venue.instrument(), id).orElseThrow();
            assertThat(q.clientOrderId()).isEqualTo(id);
            assertThat(q.status()).isEqualTo(OrderStatus.NEW);
            assertThat(q.limitPrice()).isEqualByComparingTo(price);
            assertThat(q.quantity()).isEqualByComparingTo(venue.orderQuantity());
            assertThat(q.venueOrderId()).isNotNull();
        }
        if (has(Capability.OPEN_ORDERS)) {
            assertThat(connector.openOrders()).extracting(VenueOrder::clientOrderId).contains(id);
        }
        if (has(Capability.EXECUTION_STREAM)) {
            awaitReport(id, OrderStatus.NEW);
        }
    }

    @Test
    void limitOrderIsCancelled() {
        requires(Capability.LIMIT_ORDER, Capability.CANCEL_ORDER);
        ClientOrderId id = newId();
        connector.place(limitBuy(id, restingBuyPrice()));
        VenueOrder cancelled = connector.cancel(venue.instrument(), id);
        assertThat(cancelled.clientOrderId()).isEqualTo(id);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        if (has(Capability.QUERY_ORDER)) {
            assertThat(connector.query(venue.instrument(), id)).get().extracting(VenueOrder::status)
                    .isEqualTo(OrderStatus.CANCELED);
        }
        if (has(Capability.OPEN_ORDERS)) {
            assertThat(connector.openOrders()).extracting(VenueOrder::clientOrderId).doesNotContain(id);
        }
        if (has(Capability.EXECUTION_STREAM)) {
            awaitReport(id, OrderStatus.CANCELED);
        }
    }

    @Test
    void unknownOrderIsNotFound() {
        requiresAny(Capability.QUERY_ORDER, Capability.CANCEL_ORDER);
        ClientOrderId unknown = newId();
        if (has(Capability.QUERY_ORDER)) {
            assertThat(connector.query(venue.instrument(), unknown)).as("query of an unknown id").isEmpty();
        }
        if (has(Capability.CANCEL_ORDER)) {
            assertThatThrownBy(() -> connector.cancel(venue.instrument(), unknown))
                    .isInstanceOf(OrderNotFoundException.class);
        }
    }

    @Test
    void longClientOrderIdRoundTrips() {
        requires(Capability.LIMIT_ORDER);
        String base = "cambist_conformance-" + IDS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        ClientOrderId id = ClientOrderId.of(base.substring(0, Math.min(base.length(), maxClientOrderIdLength())));
        VenueOrder ack = connector.place(limitBuy(id, restingBuyPrice()));
        assertThat(ack.clientOrderId()).isEqualTo(id);
        if (has(Capability.QUERY_ORDER)) {
            assertThat(connector.query(venue.instrument(), id)).get().extracting(VenueOrder::clientOrderId).isEqualTo(id);
        }
        if (has(Capability.EXECUTION_STREAM)) {
            awaitReport(id, OrderStatus.NEW);
        }
    }

    @Test
    void orderBreakingRulesIsRefusedLocally() {
        requires(Capability.LIMIT_ORDER);
        InstrumentSpec s = spec();
        long before = venue.privateRequests();
        BigDecimal price = restingBuyPrice();
        BigDecimal offTick = price.add(s.tickSize().divide(BigDecimal.valueOf(2)));
        assertThat(catchThrowable(() -> connector.place(limitBuy(newId(), offTick)))).as("price between ticks")
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("PRICE_FILTER");
        BigDecimal offStep = venue.orderQuantity().add(s.stepSize().divide(BigDecimal.valueOf(2)));
        assertThat(catchThrowable(() -> connector.place(
                OrderRequest.limit(venue.instrument(), Side.BUY, offStep, price).withClientOrderId(newId()))))
                .as("quantity between lot steps").isInstanceOf(InvalidOrderException.class).hasMessageContaining("LOT_SIZE");
        if (s.minNotional().signum() > 0) {
            BigDecimal qty = s.minQuantity().max(s.stepSize());
            BigDecimal tinyPrice = s.tickSize();
            if (qty.multiply(tinyPrice).compareTo(s.minNotional()) < 0) {
                assertThat(catchThrowable(() -> connector.place(
                        OrderRequest.limit(venue.instrument(), Side.BUY, qty, tinyPrice).withClientOrderId(newId()))))
                        .as("notional below the minimum").isInstanceOf(InvalidOrderException.class)
                        .hasMessageContaining("NOTIONAL");
            }
        }
        assertThat(venue.privateRequests()).as("refused orders never reach the venue").isEqualTo(before);
    }

    @Test
    void marketOrderFillsAndReportsFills() {
        requires(Capability.MARKET_ORDER);
        ClientOrderId id = newId();
        BigDecimal qty = venue.orderQuantity();
        VenueOrder ack = connector.place(OrderRequest.market(venue.instrument(), Side.BUY, qty).withClientOrderId(id));
        assertThat(ack.clientOrderId()).isEqualTo(id);
        List<Fill> streamed = List.of();
        if (has(Capability.EXECUTION_STREAM)) {
            awaitReport(id, OrderStatus.FILLED);
            assertThat(filledQuantity(listener.executions(), id)).as("streamed fills add up").isEqualByComparingTo(qty);
            streamed = fillsOf(id);
            streamed.forEach(f -> assertThat(f.price().signum()).isPositive());
        }
        if (has(Capability.ORDER_FILLS)) {
            List<Fill> fills = connector.fills(venue.instrument(), id);
            assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("fills of the order").isEqualByComparingTo(qty);
            if (!streamed.isEmpty()) {
                assertThat(fills).extracting(Fill::tradeId)
                        .containsExactlyInAnyOrderElementsOf(streamed.stream().map(Fill::tradeId).toList());
            }
        }
        if (has(Capability.QUERY_ORDER)) {
            VenueOrder q = connector.query(venue.instrument(), id).orElseThrow();
            assertThat(q.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(q.filledQuantity()).isEqualByComparingTo(qty);
            assertThat(q.averagePrice().signum()).isPositive();
        }
    }

    @Test
    void marketOrderByQuoteAmountFills() {
        requires(Capability.MARKET_ORDER_BY_QUOTE);
        ClientOrderId id = newId();
        BigDecimal ask = venue.venueBook(1).bestAsk().price();
        BigDecimal quote = venue.orderQuantity().multiply(ask).setScale(spec().tickSize().scale(), RoundingMode.DOWN);
        connector.place(OrderRequest.marketQuote(venue.instrument(), Side.BUY, quote).withClientOrderId(id));
        if (has(Capability.EXECUTION_STREAM)) {
            awaitReport(id, OrderStatus.FILLED);
            List<Fill> fills = fillsOf(id);
            BigDecimal notional = fills.stream().map(Fill::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(filledQuantity(listener.executions(), id).signum()).isPositive();
            assertThat(notional).as("spent at most the quote amount").isLessThanOrEqualTo(quote);
        } else if (has(Capability.QUERY_ORDER)) {
            VenueOrder q = connector.query(venue.instrument(), id).orElseThrow();
            assertThat(q.filledQuantity().signum()).isPositive();
        }
    }

    @Test
    void restingOrderFillArrivesAsEvent() {
        requires(Capability.LIMIT_ORDER, Capability.EXECUTION_STREAM);
        ClientOrderId id = newId();
        BigDecimal price = restingBuyPrice();
        connector.place(limitBuy(id, price));
        awaitReport(id, OrderStatus.NEW);
        venue.fillRestingOrder(id);
        awaitReport(id, OrderStatus.FILLED);
        List<Fill> fills = fillsOf(id);
        assertThat(fills).isNotEmpty().allSatisfy(f -> {
            assertThat(f.clientOrderId()).isEqualTo(id);
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.price()).isEqualByComparingTo(price);
            assertThat(f.liquidity()).isIn(null, io.cambist.api.model.Liquidity.MAKER);
        });
        assertThat(filledQuantity(listener.executions(), id)).isEqualByComparingTo(venue.orderQuantity());
    }

    // ---- market data ----

    @Test
    void tickersArrive() {
        requires(Capability.TICKER_STREAM);
        connector.subscribe(Subscription.of(venue.instrument(), MarketDataKind.TICKER));
        Ticker t = pumpUntil("a ticker", () -> listener.lastMarketEvent(Ticker.class, x -> true));
        assertThat(t.instrument()).isEqualTo(venue.instrument());
        assertThat(t.source()).isEqualTo(connector.account());
        assertThat(t.bid()).isLessThan(t.ask());
        venue.marketActivity();
        awaitUntil("the latest ticker shows the venue's best bid and ask", () -> {
            OrderBook v = venue.venueBook(1);
            return listener.lastMarketEvent(Ticker.class, x -> true)
                    .filter(x -> x.bid().compareTo(v.bestBid().price()) == 0 && x.ask().compareTo(v.bestAsk().price()) == 0)
                    .isPresent();
        });
    }

    @Test
    void tradesArrive() {
        requires(Capability.TRADE_STREAM);
        connector.subscribe(Subscription.of(venue.instrument(), MarketDataKind.TRADE));
        Trade t = pumpUntil("a public trade", () -> listener.lastMarketEvent(Trade.class, x -> true));
        assertThat(t.instrument()).isEqualTo(venue.instrument());
        assertThat(t.source()).isEqualTo(connector.account());
        assertThat(t.tradeId()).isNotBlank();
        assertThat(t.price().signum()).isPositive();
        assertThat(t.quantity().signum()).isPositive();
    }

    @Test
    void closedCandlesArrive() {
        requires(Capability.CANDLE_STREAM);
        Timeframe tf = candleTimeframe();
        connector.subscribe(Subscription.candles(venue.instrument(), tf));
        Await.value("a closed candle", timeout(), () -> {
            if (listener.marketEvents(Candle.class).isEmpty()) {
                venue.closeCandle(tf);
                Await.sleep(40);
                return Optional.empty();
            }
            return Optional.of(true);
        });
        Await.sleep(300); // candles requested while the subscription was starting land first
        int before = listener.marketEvents(Candle.class).size();
        venue.closeCandle(tf);
        venue.closeCandle(tf);
        awaitUntil("two more closed candles", () -> listener.marketEvents(Candle.class).size() >= before + 2);
        Await.never("a candle that was not closed", Duration.ofMillis(300),
                () -> listener.marketEvents(Candle.class).size() > before + 2);
        listener.marketEvents(Candle.class).forEach(c -> {
            assertThat(c.instrument()).isEqualTo(venue.instrument());
            assertThat(c.timeframe()).isEqualTo(tf);
            assertThat(c.high()).isGreaterThanOrEqualTo(c.open().max(c.close()));
            assertThat(c.low()).isLessThanOrEqualTo(c.open().min(c.close()));
        });
    }

    @Test
    void orderBookStaysConsistentWithVenue() {
        requires(Capability.ORDER_BOOK_STREAM);
        subscribeBook();
        for (int i = 0; i < 20; i++) {
            venue.marketActivity();
        }
        awaitBookMatchesVenue();
        List<OrderBook> books = books();
        books.forEach(ConformanceChecks::assertWellFormed);
        for (int i = 1; i < books.size(); i++) {
            assertThat(books.get(i).sequence()).as("book sequence never goes back").isGreaterThanOrEqualTo(
                    books.get(i - 1).sequence());
        }
    }

    @Test
    void orderBookResyncsAfterSequenceGap() {
        requires(Capability.ORDER_BOOK_STREAM);
        subscribeBook();
        venue.marketActivity();
        awaitBookMatchesVenue();
        venue.skipNextBookUpdate();
        venue.marketActivity();
        venue.marketActivity();
        awaitBookMatchesVenue();
        books().forEach(ConformanceChecks::assertWellFormed);
    }

    @Test
    void malformedMessagesAreCountedAndSkipped() {
        requires(Capability.TRADE_STREAM);
        connector.subscribe(Subscription.of(venue.instrument(), MarketDataKind.TRADE));
        pumpUntil("a public trade", () -> listener.lastMarketEvent(Trade.class, x -> true));
        long malformed = connector.malformedMessages();
        int statuses = listener.statuses().size();
        venue.sendMalformedMessage();
        awaitUntil("the malformed message is counted", () -> connector.malformedMessages() > malformed);
        int trades = listener.marketEvents(Trade.class).size();
        pumpUntil("trades after the malformed message", () -> listener.marketEvents(Trade.class).size() > trades
                ? Optional.of(true) : Optional.empty());
        assertThat(listener.statuses().subList(statuses, listener.statuses().size()))
                .as("a malformed message does not drop the connection")
                .noneMatch(s -> s.state() == ConnectionState.CONNECTING || s.state() == ConnectionState.OFFLINE);
    }

    // ---- recovery ----

    @Test
    void droppedConnectionIsRecoveredAndResubscribed() {
        requires(Capability.TRADE_STREAM);
        connector.subscribe(Subscription.of(venue.instrument(), MarketDataKind.TRADE));
        pumpUntil("a public trade", () -> listener.lastMarketEvent(Trade.class, x -> true));
        int from = listener.statuses().size();
        venue.dropConnections();
        listener.awaitStatusSince(from, s -> s.state() != ConnectionState.ONLINE && s.reason() != null,
                "the lost connection is reported", timeout());
        int lost = listener.statuses().size();
        listener.awaitStatusSince(lost, s -> s.state() == ConnectionState.ONLINE, "back ONLINE", timeout());
        int trades = listener.marketEvents(Trade.class).size();
        pumpUntil("trades after the reconnect (resubscribed)", () -> listener.marketEvents(Trade.class).size() > trades
                ? Optional.of(true) : Optional.empty());
    }

    @Test
    void fillsDuringOutageAreRecoveredOnce() {
        requires(Capability.LIMIT_ORDER, Capability.EXECUTION_STREAM);
        ClientOrderId id = newId();
        connector.place(limitBuy(id, restingBuyPrice()));
        awaitReport(id, OrderStatus.NEW);
        int from = listener.statuses().size();
        venue.setStreamsAvailable(false);
        listener.awaitStatusSince(from, s -> s.state() != ConnectionState.ONLINE, "the outage is reported", timeout());
        venue.fillRestingOrder(id);
        venue.setStreamsAvailable(true);
        awaitReport(id, OrderStatus.FILLED);
        listener.awaitState(ConnectionState.ONLINE, timeout());
        settleOrderEvents();
        assertThat(filledQuantity(listener.executions(), id)).as("the fill made during the outage is reported once")
                .isEqualByComparingTo(venue.orderQuantity());
        if (has(Capability.QUERY_ORDER)) {
            assertThat(connector.query(venue.instrument(), id)).get().extracting(VenueOrder::status)
                    .isEqualTo(OrderStatus.FILLED);
        }
    }

    @Test
    void bookAndOrdersRecoverAfterSocketKilledMidStream() {
        requires(Capability.ORDER_BOOK_STREAM, Capability.LIMIT_ORDER, Capability.EXECUTION_STREAM);
        subscribeBook();
        ClientOrderId filled = newId();
        ClientOrderId resting = newId();
        BigDecimal price = restingBuyPrice();
        connector.place(limitBuy(filled, price));
        connector.place(limitBuy(resting, spec().roundPriceDown(price.multiply(new BigDecimal("0.98")))));
        awaitReport(filled, OrderStatus.NEW);
        awaitReport(resting, OrderStatus.NEW);
        venue.marketActivity();
        venue.dropConnections();
        venue.fillRestingOrder(filled);
        venue.marketActivity();
        venue.marketActivity();
        awaitReport(filled, OrderStatus.FILLED);
        listener.awaitState(ConnectionState.ONLINE, timeout());
        venue.marketActivity();
        awaitBookMatchesVenue();
        settleOrderEvents();
        assertThat(filledQuantity(listener.executions(), filled)).isEqualByComparingTo(venue.orderQuantity());
        assertThat(reportsOf(resting)).as("the other order only saw its NEW event")
                .allMatch(r -> r.order().status() == OrderStatus.NEW && r.fill() == null);
        books().forEach(ConformanceChecks::assertWellFormed);
        if (has(Capability.QUERY_ORDER)) {
            assertThat(connector.query(venue.instrument(), resting)).get().extracting(VenueOrder::status)
                    .isEqualTo(OrderStatus.NEW);
        }
    }

    // ---- errors ----

    @Test
    void rateLimitIsRateLimitException() {
        assertRateLimited(VenueFault.RATE_LIMITED);
    }

    @Test
    void banIsRateLimitException() {
        assertRateLimited(VenueFault.BANNED);
    }

    @Test
    void badSignatureIsAuthenticationException() {
        assertAuthFailure(VenueFault.BAD_SIGNATURE);
    }

    @Test
    void badApiKeyIsAuthenticationException() {
        assertAuthFailure(VenueFault.BAD_API_KEY);
    }

    @Test
    void badTimestampIsInvalidTimestampException() {
        Runnable probe = privateProbe();
        venue.failNextPrivateRequest(VenueFault.BAD_TIMESTAMP);
        Throwable t = catchThrowable(probe::run);
        assertThat(t).isInstanceOf(InvalidTimestampException.class);
        assertThat(((InvalidTimestampException) t).isRetryable()).isTrue();
        probe.run();
    }

    private void assertRateLimited(VenueFault fault) {
        Runnable probe = privateProbe();
        venue.failNextPrivateRequest(fault);
        Throwable t = catchThrowable(probe::run);
        assertThat(t).as("%s", fault).isInstanceOf(RateLimitException.class);
        RateLimitException e = (RateLimitException) t;
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).as("retry after").isNotNull().isPositive();
        awaitUntil("the account is usable again after " + e.retryAfter(), () -> {
            try {
                probe.run();
                return true;
            } catch (RateLimitException again) {
                return false;
            }
        });
    }

    private void assertAuthFailure(VenueFault fault) {
        Runnable probe = privateProbe();
        venue.failNextPrivateRequest(fault);
        Throwable t = catchThrowable(probe::run);
        assertThat(t).as("%s", fault).isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(InvalidTimestampException.class);
        assertThat(((AuthenticationException) t).isRetryable()).isFalse();
        probe.run();
    }
}
