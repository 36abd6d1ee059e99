package io.cambist.exchange.binance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.order.Fill;
import io.cambist.connector.Futures;
import io.cambist.connector.OrderTracker;
import io.cambist.connector.OrderTracker.Pending;
import io.cambist.exchange.binance.internal.dto.BinanceMyTrade;
import io.cambist.exchange.binance.internal.dto.BinanceOrder;
import io.cambist.exchange.binance.internal.http.BinanceRestClient;

/**
 * After the user data stream was down, asks the venue about every order that may owe updates
 * ({@code GET /api/v3/order}, and {@code GET /api/v3/myTrades} when fills are missing) and offers what it learns to
 * the {@link OrderTracker}, fills first in trade id order, then the final state. The tracker drops what the stream
 * already delivered, so nothing is reported twice and nothing is lost.
 */
public final class OrderRecovery {

    private final Logger logger = LoggerFactory.getLogger(OrderRecovery.class);
    private final String account;
    private final BinanceRestClient rest;
    private final OrderTracker tracker;

    public OrderRecovery(String account, BinanceRestClient rest, OrderTracker tracker) {
        this.account = account;
        this.rest = rest;
        this.tracker = tracker;
    }

    /** Recovers every pending order; completes when all are done (failures are logged and left for the next time). */
    public CompletableFuture<Integer> recover() {
        List<Pending> pending = tracker.pending();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Pending p : pending) {
            all.add(recover(p).exceptionally(e -> {
                logger.info("binance account {}: could not recover order {} yet: {}", account, p.clientOrderId(),
                        Futures.unwrap(e).getMessage());
                return null;
            }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> pending.size());
    }

    private CompletableFuture<Void> recover(Pending p) {
        return rest.queryOrderAsync(p.market(), p.clientOrderId().value()).thenCompose(found -> {
            if (found.isEmpty()) {
                tracker.forget(p.clientOrderId());
                return CompletableFuture.completedFuture(null);
            }
            BinanceOrder o = found.get();
            VenueOrder venue = BinanceAdapters.order(o, p.instrument());
            if (venue.filledQuantity().compareTo(p.reportedFilled()) <= 0) {
                tracker.offer(new ExecutionReport(account, venue, null), p.market());
                return CompletableFuture.completedFuture(null);
            }
            return rest.myTradesAsync(p.market(), o.orderId()).thenAccept(trades -> {
                // every trade of the order, in trade id order; the tracker drops those already reported
                List<BinanceMyTrade> sorted = new ArrayList<>(trades);
                sorted.sort(Comparator.comparingLong(BinanceMyTrade::id));
                List<Fill> fills = new ArrayList<>();
                for (BinanceMyTrade t : sorted) {
                    fills.add(BinanceAdapters.fill(t, p.clientOrderId(), p.instrument()));
                }
                tracker.recovered(venue, fills, BigDecimal.ZERO, p.market());
            });
        });
    }
}
