package io.cambist.core.internal.order;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderService;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.risk.OrderIntent;
import io.cambist.api.risk.RiskDecision;
import io.cambist.core.internal.account.AccountSlot;
import io.cambist.core.internal.account.Accounts;
import io.cambist.core.internal.engine.EngineClock;
import io.cambist.core.internal.journal.Journal;
import io.cambist.core.internal.journal.JournalRecord;
import io.cambist.core.internal.journal.JournalRecord.FillApplied;
import io.cambist.core.internal.journal.JournalRecord.IdEpoch;
import io.cambist.core.internal.journal.JournalRecord.OrderSaved;
import io.cambist.core.internal.journal.JournalRecord.PositionSaved;
import io.cambist.core.internal.portfolio.PortfolioBook;
import io.cambist.core.internal.portfolio.PositionState;
import io.cambist.core.internal.risk.RiskEngine;

/**
 * The order service. Every order passes the local checks ({@link OrderChecks}) and the risk rules, is journaled and
 * fsynced, and only then goes to its account's lane ({@link VenueCalls}); the same client order id twice returns the
 * existing order. Order state changes only under the book lock ({@link #lock()}), which also guards the journal and
 * the portfolio's positions, and every transition is published, in order, to the owning instance.
 * <p>
 * Longer than most classes on purpose: the state machine, the journal records it writes and the events it publishes
 * must change together under one lock, and reading them in one place is what makes that checkable. Indexes live in
 * {@link OrderIndex}, local checks in {@link OrderChecks}, venue calls in {@link VenueCalls} and {@link Reconciler}.
 */
public final class OrderManager implements OrderService {

    private static final long DEFAULT_RETENTION = 7L * 86_400_000L;

    private final Logger logger = LoggerFactory.getLogger(OrderManager.class);
    private final Object lock = new Object();
    private final EngineClock clock;
    private final Journal journal;
    private final PortfolioBook portfolio;
    private final RiskEngine risk;
    private final Accounts accounts;
    private final OrderChecks checks;
    private final OrderIndex orders = new OrderIndex();
    private final List<Consumer<OrderEvent>> listeners = new CopyOnWriteArrayList<>();
    private final EngineRiskContext riskContext;
    private volatile OrderOwners owners = OrderOwners.NONE;
    private volatile Supplier<List<JournalRecord>> extraState = List::of;
    private volatile VenueCalls venueCalls;
    private ClientOrderIds ids;
    private long maxEpochSeen = -1;
    private long retentionMillis = DEFAULT_RETENTION;

    public OrderManager(EngineClock clock, Journal journal, PortfolioBook portfolio, RiskEngine risk,
            Accounts accounts) {
        this.clock = clock;
        this.journal = journal;
        this.portfolio = portfolio;
        this.risk = risk;
        this.accounts = accounts;
        this.checks = new OrderChecks(portfolio.prices());
        this.riskContext = new EngineRiskContext(this, portfolio, clock);
        portfolio.lockedFunds(this::locked);
    }

    /** The book lock: order state, positions and the journal change only while holding it. */
    public Object lock() {
        return lock;
    }

    public void owners(OrderOwners newOwners) {
        this.owners = newOwners;
    }

    public void venueCalls(VenueCalls calls) {
        this.venueCalls = calls;
    }

    /** State the runner adds to each journal checkpoint (snapshots, exit state). */
    public void extraState(Supplier<List<JournalRecord>> supplier) {
        this.extraState = supplier;
    }

    /** How long terminal orders are kept after their last change (checkpoints drop older ones). */
    public void retentionMillis(long millis) {
        this.retentionMillis = millis;
    }

    /**
     * Keeps at most this many finished orders in memory (backtests, where nothing reads old orders and a long run
     * would otherwise keep every one); live engines keep them by age instead ({@link #retentionMillis}).
     */
    public void retainTerminal(int max) {
        synchronized (lock) {
            orders.retainFinished(max);
        }
    }

    public void addListener(Consumer<OrderEvent> listener) {
        listeners.add(listener);
    }

    Accounts accounts() {
        return accounts;
    }

    EngineClock clock() {
        return clock;
    }

    PortfolioBook portfolio() {
        return portfolio;
    }

    // ---------------------------------------------------------------- start-up

    /** Applies one journal record while the engine starts. */
    public void replay(JournalRecord record) {
        synchronized (lock) {
            if (record instanceof OrderSaved r) {
                OrderRecord rec = new OrderRecord(r.order(), r.tradeIds());
                orders.put(rec);
                maxEpochSeen = Math.max(maxEpochSeen, ClientOrderIds.epochOf(rec.id));
            } else if (record instanceof FillApplied r) {
                portfolio.applyFill(r.account(), r.strategyId(), r.fill(), r.quoteFee(), null, false);
                // the order's state is written after its fill: when a crash lost that record, the fill still belongs
                // to the order here, so reconciliation does not apply it to positions a second time
                OrderRecord rec = orders.get(r.fill().clientOrderId());
                if (rec != null && !rec.tradeIds.contains(r.fill().tradeId())) {
                    rec.addFill(r.fill());
                }
            } else if (record instanceof PositionSaved r) {
                portfolio.restore(r);
            } else if (record instanceof IdEpoch r) {
                maxEpochSeen = Math.max(maxEpochSeen, r.epoch());
            }
        }
    }

    /**
     * Starts generating client order ids: the epoch is the clock's time, raised above every epoch in the journal, so
     * ids never repeat across restarts.
     */
    public void startIds() {
        synchronized (lock) {
            long epoch = Math.max(clock.now(), maxEpochSeen + 1);
            ids = new ClientOrderIds(epoch);
            if (journal.enabled()) {
                journal.append(new IdEpoch(epoch), true);
            }
        }
    }

    // ---------------------------------------------------------------- OrderService

    @Override
    public ClientOrderId newClientOrderId() {
        synchronized (lock) {
            if (ids == null) {
                throw new IllegalStateException("the order service is not started yet");
            }
            return ids.next();
        }
    }

    @Override
    public Order submit(String strategyId, OrderRequest request) {
        Objects.requireNonNull(request, "request");
        OrderOwners.Owner owner = null;
        if (strategyId != null) {
            owner = owners.owner(strategyId);
            if (owner == null) {
                throw new IllegalArgumentException("no strategy instance '" + strategyId + "'");
            }
        }
        String account = request.account() != null ? request.account() : owner != null ? owner.account() : null;
        if (account == null) {
            throw new IllegalArgumentException("an operator's order needs an account: set the request's account");
        }
        OrderRecord rec;
        Order accepted;
        String halt = null;
        synchronized (lock) {
            ClientOrderId id = request.clientOrderId() != null ? request.clientOrderId() : newClientOrderId();
            OrderRecord existing = orders.get(id);
            if (existing != null) {
                return existing.snapshot();
            }
            OrderRequest req = request.withAccount(account).withClientOrderId(id);
            AccountSlot slot = accounts.find(account);
            String refusal = owner == null ? null : owner.refusal(req);
            if (refusal == null) {
                refusal = checks.check(slot, account, req);
            }
            if (refusal == null) {
                RiskEngine.Verdict verdict = risk.check(
                        new OrderIntent(strategyId, account, req, checks.referencePrice(account, req)), riskContext);
                if (verdict.accepted()) {
                    if (verdict.intent().request() != req) {
                        req = verdict.intent().request();
                        refusal = checks.check(slot, account, req);
                    }
                } else {
                    refusal = refusalText(verdict.refusal());
                    if (verdict.refusal() instanceof RiskDecision.Halt) {
                        halt = refusal;
                    }
                }
            }
            rec = new OrderRecord(id, account, strategyId, req,
                    refusal == null ? OrderStatus.PENDING_NEW : OrderStatus.REJECTED, refusal, clock.now());
            if (refusal == null && !journalIntent(rec)) {
                rec.status = OrderStatus.REJECTED;
                rec.reason = "the order journal cannot be written, so the order was not sent; check the data directory";
            }
            orders.put(rec);
            if (rec.status == OrderStatus.REJECTED) {
                orders.finished(rec);
                append(rec.toRecord(), false);
                logger.info("order {} for {} rejected: {}", id, strategyId == null ? account : strategyId, rec.reason);
            }
            accepted = rec.snapshot();
            publish(rec, null, null);
            settle();
        }
        if (halt != null && owner != null) {
            owner.halt(halt);
        }
        if (accepted.status() == OrderStatus.PENDING_NEW) {
            venueCalls.send(rec);
        }
        return accepted;
    }

    private boolean journalIntent(OrderRecord rec) {
        if (!journal.enabled()) {
            return true;
        }
        try {
            journal.append(rec.toRecord(), true);
            return true;
        } catch (UncheckedIOException e) {
            logger.error("order {} not sent: {}", rec.id, e.getMessage());
            return false;
        }
    }

    private static String refusalText(RiskDecision d) {
        if (d instanceof RiskDecision.Reject r) {
            return r.rule() + ": " + r.reason();
        }
        if (d instanceof RiskDecision.Halt h) {
            return h.rule() + ": " + h.reason();
        }
        return String.valueOf(d);
    }

    @Override
    public Order cancel(ClientOrderId clientOrderId) {
        OrderRecord rec;
        synchronized (lock) {
            rec = orders.get(clientOrderId);
            if (rec == null) {
                throw new NoSuchElementException("no order with client order id " + clientOrderId);
            }
            if (!rec.status.isOpen() || rec.cancelRequested) {
                return rec.snapshot();
            }
            if (venueCalls.withdraw(rec)) {
                transition(rec, OrderStatus.CANCELED, "cancelled before it was sent to the venue", null);
                settle();
                return rec.snapshot();
            }
            rec.cancelRequested = true;
        }
        venueCalls.cancel(rec);
        synchronized (lock) {
            return rec.snapshot();
        }
    }

    /** Cancels every open order of an instance (kill switch, halt, stop). */
    public void cancelAllOf(String strategyId) {
        List<OrderRecord> open;
        synchronized (lock) {
            open = new ArrayList<>(orders.openOf(strategyId));
        }
        for (OrderRecord rec : open) {
            try {
                cancel(rec.id);
            } catch (RuntimeException e) {
                logger.warn("cancelling order {} of {} failed: {}", rec.id, strategyId, e.getMessage());
            }
        }
    }

    @Override
    public Optional<Order> order(ClientOrderId clientOrderId) {
        synchronized (lock) {
            OrderRecord rec = orders.get(clientOrderId);
            return rec == null ? Optional.empty() : Optional.of(rec.snapshot());
        }
    }

    @Override
    public List<Order> orders(OrderQuery query) {
        List<Order> list = new ArrayList<>();
        synchronized (lock) {
            Iterable<OrderRecord> source = query.openOnly() && query.account() != null
                    ? orders.openOfAccount(query.account()) : orders.all();
            for (OrderRecord r : source) {
                if ((query.account() == null || query.account().equals(r.account))
                        && (query.strategyId() == null || query.strategyId().equals(r.strategyId))
                        && (query.instrument() == null || query.instrument().equals(r.instrument))
                        && (!query.openOnly() || r.status.isOpen())) {
                    list.add(r.snapshot());
                }
            }
        }
        // newest first; the list is in creation order, so reversing keeps ties stable
        java.util.Collections.reverse(list);
        list.sort(Comparator.comparingLong(Order::createdTime).reversed());
        if (query.limit() > 0 && list.size() > query.limit()) {
            return new ArrayList<>(list.subList(0, query.limit()));
        }
        return list;
    }

    /** An instance's open orders, oldest first. */
    public List<Order> openOrdersOf(String strategyId) {
        synchronized (lock) {
            Set<OrderRecord> set = orders.openOf(strategyId);
            if (set.isEmpty()) {
                return List.of();
            }
            List<Order> list = new ArrayList<>(set.size());
            for (OrderRecord r : set) {
                list.add(r.snapshot());
            }
            return list;
        }
    }

    /** Number of open orders of an instance ({@code null}: operators). */
    public int openCount(String strategyId) {
        synchronized (lock) {
            return orders.openOf(strategyId).size();
        }
    }

    /** Open orders of an account (reconciliation). */
    List<OrderRecord> openOfAccount(String account) {
        synchronized (lock) {
            return new ArrayList<>(orders.openOfAccount(account));
        }
    }

    OrderRecord record(ClientOrderId id) {
        synchronized (lock) {
            return orders.get(id);
        }
    }

    /** Funds locked by the core's open orders in one currency of an account. */
    public BigDecimal locked(String account, String currency) {
        synchronized (lock) {
            Set<OrderRecord> open = orders.openOfAccount(account);
            if (open.isEmpty()) {
                return BigDecimal.ZERO;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (OrderRecord r : open) {
                sum = sum.add(checks.locks(r, currency));
            }
            return sum;
        }
    }

    // ---------------------------------------------------------------- venue updates

    /** An execution report from a connector (any thread). */
    public void onExecution(ExecutionReport report) {
        apply(report.account(), report.order(), report.fill());
    }

    /**
     * Applies the venue's view of an order and possibly a fill (deduplicated by trade id). When the venue reports
     * more filled quantity than the core has fills for, the terminal state waits until the missing fills are fetched.
     */
    void apply(String account, VenueOrder v, Fill fill) {
        apply(account, v, fill, true);
    }

    /**
     * @param mayCatchUp false when the caller already fetched what fills the venue has (the state then applies even
     *                   if quantities still disagree, so a venue without fill details cannot loop)
     */
    void apply(String account, VenueOrder v, Fill fill, boolean mayCatchUp) {
        boolean missing;
        OrderRecord rec;
        synchronized (lock) {
            rec = orders.get(v.clientOrderId());
            if (rec == null || !rec.account.equals(account)) {
                logger.debug("update for an order the core does not know: {} on {}", v.clientOrderId(), account);
                return;
            }
            Fill applied = null;
            if (fill != null && !rec.tradeIds.contains(fill.tradeId())) {
                applyFill(rec, fill);
                applied = fill;
            }
            boolean identity = false;
            if (v.venueOrderId() != null && rec.venueOrderId == null) {
                rec.venueOrderId = v.venueOrderId();
                identity = true;
            }
            if (v.quantity() != null && rec.quantity == null) {
                rec.quantity = v.quantity();
                identity = true;
            }
            missing = mayCatchUp && v.filledQuantity().compareTo(rec.filled) > 0;
            OrderStatus target = v.status();
            if (missing && target.isTerminal()) {
                target = rec.filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED
                        : rec.status == OrderStatus.PENDING_NEW ? OrderStatus.NEW : rec.status;
            } else if (rec.filled.signum() > 0 && !target.isTerminal()) {
                target = rec.complete() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            }
            if (!transition(rec, target, v.reason(), applied) && identity) {
                touch(rec);
            }
            settle();
        }
        if (missing) {
            venueCalls.catchUp(rec);
        }
    }

    /** Applies one fill that came without a venue order state (catch-up, reconciliation). */
    void applyLooseFill(OrderRecord rec, Fill fill) {
        synchronized (lock) {
            if (rec.tradeIds.contains(fill.tradeId())) {
                return;
            }
            applyFill(rec, fill);
            OrderStatus target = rec.complete() ? OrderStatus.FILLED
                    : rec.status.isTerminal() ? rec.status : OrderStatus.PARTIALLY_FILLED;
            transition(rec, target, null, fill);
            settle();
        }
    }

    /** Ends an order locally (rejection by the venue, not found at reconciliation). */
    void close(OrderRecord rec, OrderStatus status, String reason) {
        synchronized (lock) {
            if (transition(rec, status, reason, null)) {
                logger.info("order {} {}: {}", rec.id, status, reason);
            }
            settle();
        }
    }

    private void applyFill(OrderRecord rec, Fill fill) {
        rec.addFill(fill);
        if (journal.enabled()) {
            // live and paper trading (backtests run without a journal and would only drown in these lines)
            logger.info("fill {} {} {} at {} for {} (order {}, fee {} {})", fill.side(), fill.quantity().toPlainString(),
                    fill.instrument().symbol(), fill.price().toPlainString(),
                    rec.strategyId == null ? rec.account : rec.strategyId, rec.id, fill.fee().toPlainString(),
                    fill.feeCurrency() == null ? "" : fill.feeCurrency());
        }
        BigDecimal quoteFee = portfolio.quoteFee(rec.account, fill);
        append(new FillApplied(rec.account, rec.strategyId, fill, quoteFee), false);
        portfolio.applyFill(rec.account, rec.strategyId, fill, quoteFee, rec.tag, true);
    }

    /**
     * Moves an order to {@code target} when the state machine allows it, journals and publishes the change. A fill
     * without a status change (another partial fill) is published too. Returns true when something was published.
     */
    boolean transition(OrderRecord rec, OrderStatus target, String reason, Fill fill) {
        OrderStatus previous = rec.status;
        boolean statusChange = target != previous && previous.canBecome(target);
        if (!statusChange && fill == null) {
            return false;
        }
        if (statusChange) {
            rec.status = target;
            if (reason != null && (target.isTerminal() || rec.reason == null)) {
                rec.reason = reason;
            }
        }
        touch(rec);
        if (!rec.status.isOpen()) {
            orders.closed(rec);
            if (statusChange) {
                orders.finished(rec);
            }
        }
        publish(rec, previous, fill);
        return true;
    }

    private void touch(OrderRecord rec) {
        rec.updatedTime = clock.now();
        rec.changed();
        append(rec.toRecord(), false);
    }

    private void publish(OrderRecord rec, OrderStatus previous, Fill fill) {
        OrderEvent event = new OrderEvent(rec.snapshot(), previous, fill);
        if (rec.strategyId != null) {
            owners.publish(rec.strategyId, event);
        }
        for (Consumer<OrderEvent> l : listeners) {
            l.accept(event);
        }
    }

    // ---------------------------------------------------------------- journal

    /** Appends a record under the book lock (snapshots, exit state) and checkpoints when the segment is full. */
    public void journal(JournalRecord record) {
        synchronized (lock) {
            append(record, false);
            settle();
        }
    }

    private void append(JournalRecord record, boolean sync) {
        if (!journal.enabled()) {
            return;
        }
        try {
            journal.append(record, sync);
        } catch (UncheckedIOException e) {
            logger.error("journal write failed: {}", e.getMessage());
        }
    }

    /**
     * Checkpoints when the segment is full. Called only at the end of a whole operation (under the book lock), never
     * between a fill's record and the state change it causes, so a checkpoint always holds a consistent state.
     */
    private void settle() {
        if (journal.enabled() && journal.wantsCheckpoint()) {
            checkpoint();
        }
    }

    private void checkpoint() {
        long horizon = clock.now() - retentionMillis;
        List<JournalRecord> state = new ArrayList<>();
        state.add(new IdEpoch(Math.max(maxEpochSeen, ids == null ? -1 : ids.epoch())));
        orders.prune(horizon);
        for (OrderRecord r : orders.all()) {
            state.add(r.toRecord());
        }
        for (PositionState p : portfolio.allPositionStates()) {
            state.add(p.toRecord());
        }
        state.addAll(extraState.get());
        journal.checkpoint(state);
    }
}
