package io.cambist.exchange.kraken.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.order.Fill;
import io.cambist.connector.Futures;
import io.cambist.connector.OrderTracker;
import io.cambist.connector.OrderTracker.Pending;
import io.cambist.exchange.kraken.internal.dto.KrakenOrderInfo;
import io.cambist.exchange.kraken.internal.dto.KrakenTradeInfo;
import io.cambist.exchange.kraken.internal.http.KrakenRestClient;

/**
 * After the executions channel was down (or skipped messages), asks Kraken about every order that may owe updates
 * and offers what it learns to the {@link OrderTracker}: fills first, in time order, from {@code QueryTrades}, then the
 * order's final state from {@code QueryOrders}. The tracker drops what the stream already delivered, so nothing is
 * reported twice and nothing is lost. Orders whose placement had an unknown outcome are looked up by client order id.
 */
public final class OrderRecovery {

    private static final int ORDERS_PER_QUERY = 50;
    private static final int TRADES_PER_QUERY = 20;

    private final Logger logger = LoggerFactory.getLogger(OrderRecovery.class);
    private final String account;
    private final KrakenRestClient rest;
    private final OrderTracker tracker;

    public OrderRecovery(String account, KrakenRestClient rest, OrderTracker tracker) {
        this.account = account;
        this.rest = rest;
        this.tracker = tracker;
    }

    /** Recovers every pending order; completes when all are done (failures are logged and left for the next time). */
    public CompletableFuture<Integer> recover() {
        List<Pending> pending = tracker.pending();
        List<Pending> byTxid = pending.stream().filter(p -> p.venueOrderId() != null).toList();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < byTxid.size(); i += ORDERS_PER_QUERY) {
            List<Pending> batch = byTxid.subList(i, Math.min(byTxid.size(), i + ORDERS_PER_QUERY));
            all.add(guard(rest.queryOrders(batch.stream().map(Pending::venueOrderId).toList()).thenCompose(orders -> {
                List<CompletableFuture<Void>> each = new ArrayList<>();
                for (Pending p : batch) {
                    KrakenOrderInfo info = orders.get(p.venueOrderId());
                    if (info != null) {
                        each.add(recover(p, p.venueOrderId(), info));
                    }
                }
                return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
            }), "orders " + batch.stream().map(Pending::clientOrderId).toList()));
        }
        for (Pending p : pending) {
            if (p.venueOrderId() == null) {
                all.add(guard(findByClientId(p.clientOrderId()).thenCompose(found -> {
                    if (found.isEmpty()) {
                        tracker.forget(p.clientOrderId());
                        return CompletableFuture.completedFuture(null);
                    }
                    return recover(p, found.get().getKey(), found.get().getValue());
                }), "order " + p.clientOrderId()));
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> pending.size());
    }

    private CompletableFuture<Void> guard(CompletableFuture<Void> f, String what) {
        return f.exceptionally(e -> {
            logger.info("kraken account {}: could not recover {} yet: {}", account, what,
                    Futures.unwrap(e).getMessage());
            return null;
        });
    }

    /** The order with a client order id among the open, then the closed orders. */
    CompletableFuture<Optional<Map.Entry<String, KrakenOrderInfo>>> findByClientId(ClientOrderId id) {
        return rest.openOrders(id.value()).thenCompose(open -> {
            Optional<Map.Entry<String, KrakenOrderInfo>> hit = match(open, id);
            if (hit.isPresent()) {
                return CompletableFuture.completedFuture(hit);
            }
            return rest.closedOrders(id.value()).thenApply(closed -> match(closed, id));
        });
    }

    private static Optional<Map.Entry<String, KrakenOrderInfo>> match(Map<String, KrakenOrderInfo> orders,
            ClientOrderId id) {
        return orders.entrySet().stream().filter(e -> id.value().equals(e.getValue().clOrdId())).findFirst();
    }

    private CompletableFuture<Void> recover(Pending p, String txid, KrakenOrderInfo info) {
        VenueOrder venue = KrakenAdapters.order(txid, info, p.instrument(), p.clientOrderId());
        List<String> missing = info.trades().stream().filter(t -> !tracker.seen(t)).toList();
        if (venue.filledQuantity().compareTo(p.reportedFilled()) <= 0 || missing.isEmpty()) {
            tracker.offer(new ExecutionReport(account, venue, null));
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Map<String, KrakenTradeInfo>>> queries = new ArrayList<>();
        for (int i = 0; i < missing.size(); i += TRADES_PER_QUERY) {
            queries.add(rest.queryTrades(missing.subList(i, Math.min(missing.size(), i + TRADES_PER_QUERY))));
        }
        return CompletableFuture.allOf(queries.toArray(CompletableFuture[]::new)).thenAccept(x -> {
            List<Fill> fills = new ArrayList<>();
            for (CompletableFuture<Map<String, KrakenTradeInfo>> q : queries) {
                q.join().forEach((tradeTxid, t) -> fills.add(KrakenAdapters.fill(tradeTxid, t, p.clientOrderId(),
                        p.instrument())));
            }
            // only the fills not reported yet, in time order, counted on from what was reported
            fills.sort(Comparator.comparingLong(Fill::time).thenComparing(Fill::tradeId));
            tracker.recovered(venue, fills, p.reportedFilled(), null);
        });
    }
}
