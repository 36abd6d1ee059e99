package io.cambist.strategy.grid.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderEvent;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.Strategy;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;

/**
 * The grid bot. Between a lower and an upper bound it keeps a ladder of {@code levels} prices; each grid (the interval
 * between two neighbouring prices) works one order: a buy limit at its lower price while it holds nothing, or a sell
 * limit one level up for what its buy bought. So buys rest below the market and sells above it, and every completed
 * buy-sell pair earns one grid step. At the first candle inside the bounds the grids above the market get their base
 * with one market buy ({@code grid:init}). Optional stop-loss and take-profit prices close everything and halt the bot;
 * so does an exit of the engine ({@code exit.*}). Completed cycles and the realised grid profit are logged at INFO and
 * kept in the snapshot ({@code cycles}, {@code profit}); a new incarnation rebuilds the grid from its open orders and
 * the snapshot without placing anything twice ({@link GridRebuild}).
 */
@Component(scope = ServiceScope.PROTOTYPE, configurationPid = GridStrategy.PID,
        configurationPolicy = ConfigurationPolicy.IGNORE,
        property = {Strategy.TYPE + "=" + GridStrategy.TYPE, Strategy.FACTORY_PID + "=" + GridStrategy.PID})
@Designate(ocd = GridConfiguration.class, factory = true)
public class GridStrategy implements Strategy {

    /** Factory PID of grid bots. */
    public static final String PID = "io.cambist.strategy.grid";
    /** The strategy type, as in {@code cambist backtest --strategy grid}. */
    public static final String TYPE = "grid";
    static final String TAG_PREFIX = "grid:";
    static final String TAG_INIT = "grid:init";
    /** Quantities are kept to this many decimals when the venue sets no step size. */
    static final int QUANTITY_SCALE = 8;
    private static final int MAX_BACKOFF = 64;

    private final Logger logger = LoggerFactory.getLogger(GridStrategy.class);
    private StrategyContext context;
    private Instrument instrument;
    private GridSettings settings;
    private InstrumentSpec spec;
    private GridBook book;
    private long candles;
    private long initRetryAt;
    private int initRefusals;
    private boolean waitingLogged;
    private GridClosing closing;

    @Override
    public void onStart(StrategyContext ctx) {
        GridSettings s = GridSettings.from(ctx.parameters());
        Instrument inst = ctx.instrument();
        InstrumentSpec rules = ctx.spec(inst).orElse(InstrumentSpec.unrestricted(inst));
        GridBook b = new GridBook(GridLevels.prices(s, rules.tickSize()));
        this.context = ctx;
        this.instrument = inst;
        this.settings = s;
        this.spec = rules;
        this.book = b;
        checkOrderSizes();
        GridRebuild.Result r = GridRebuild.rebuild(b, ctx.openOrders(), ctx.savedState(), ctx::order);
        ctx.subscribe(Subscription.candles(inst, null));
        for (Order o : r.cancel()) {
            logger.info("grid {}: cancelling order {} ({} {} at {}, tag {}): it does not fit the grid or duplicates "
                    + "another order", ctx.instanceId(), o.clientOrderId(), o.side(), plain(o.quantity()),
                    plain(o.limitPrice()), o.tag());
            ctx.cancel(o.clientOrderId());
        }
        for (GridRebuild.Missed m : r.missed()) {
            finished(m.slot(), m.order(), true);
        }
        logger.info("grid {}: {} {} levels from {} to {} (step {}), {} open grid orders taken over{}", ctx.instanceId(),
                b.levels.length, s.spacing().name().toLowerCase(java.util.Locale.ROOT), plain(b.levels[0]),
                plain(b.levels[b.levels.length - 1]), plain(b.levels[1].subtract(b.levels[0])), r.claimed(),
                r.fromSnapshot() ? ", " + b.cycles + " cycles and " + plain(b.profit) + " " + inst.quote()
                        + " grid profit so far" : "");
        this.closing = new GridClosing(ctx, b, rules);
        if (b.closing != null && ctx.openOrders().stream().noneMatch(GridClosing::closing)) {
            closing.close(null, b.closing);
        }
    }

    /** Every grid order must be a valid order at both of its prices. */
    private void checkOrderSizes() {
        for (int index = 0; index < book.slots.length; index++) {
            int i = index;
            BigDecimal q = quantity(i);
            if (q.signum() <= 0) {
                throw new IllegalArgumentException("orderQuote " + plain(settings.orderQuote()) + " buys nothing at "
                        + plain(book.buyPrice(i)) + " with the venue's step size " + plain(spec.stepSize())
                        + ": raise orderQuote");
            }
            String problem = spec.violation(book.buyPrice(i), q).or(() -> spec.violation(book.sellPrice(i), q)).orElse(null);
            if (problem != null) {
                throw new IllegalArgumentException("grid order of " + plain(q) + " " + instrument.base() + " is refused by "
                        + "the venue's rules: " + problem);
            }
        }
    }

    @Override
    public void onCandle(Candle c) {
        if (!c.instrument().equals(instrument) || book.closing != null) {
            return;
        }
        candles++;
        if (settings.stopLoss() != null && c.low().compareTo(settings.stopLoss()) <= 0) {
            closing.close("stopLoss", "stop loss: the price fell to " + plain(c.low()) + ", at or below stopLoss "
                    + plain(settings.stopLoss()));
            return;
        }
        if (settings.takeProfit() != null && c.high().compareTo(settings.takeProfit()) >= 0) {
            closing.close("takeProfit", "take profit: the price rose to " + plain(c.high()) + ", at or above takeProfit "
                    + plain(settings.takeProfit()));
            return;
        }
        assign(c.close());
    }

    /** Gives every idle grid its order: a buy below the market, or a sell of what it holds (buying base if needed). */
    private void assign(BigDecimal price) {
        boolean inside = price.compareTo(book.levels[0]) >= 0 && price.compareTo(book.levels[book.levels.length - 1]) <= 0;
        if (!book.initialised) {
            if (!inside) {
                if (!waitingLogged) {
                    logger.info("grid {}: the price {} is outside the grid ({} to {}); waiting for it to come inside",
                            context.instanceId(), plain(price), plain(book.levels[0]),
                            plain(book.levels[book.levels.length - 1]));
                    waitingLogged = true;
                }
                return;
            }
            book.initialised = true;
        }
        List<GridSlot> needBase = new ArrayList<>();
        for (GridSlot s : book.slots) {
            if (s.state != GridSlot.State.IDLE || s.retryAt > candles) {
                continue;
            }
            if (s.holds()) {
                placeSell(s);
            } else if (book.buyPrice(s.index).compareTo(price) < 0) {
                placeBuy(s);
            } else {
                needBase.add(s);
            }
        }
        if (needBase.isEmpty() || book.pendingInit != null) {
            return;
        }
        BigDecimal free = unallocated();
        BigDecimal missing = BigDecimal.ZERO;
        for (GridSlot s : needBase) {
            BigDecimal q = quantity(s.index);
            if (free.compareTo(q) >= 0) {
                free = free.subtract(q);
                s.held = q;
                placeSell(s);
            } else {
                missing = missing.add(q);
            }
        }
        missing = missing.subtract(free);
        if (missing.signum() > 0 && inside && candles >= initRetryAt) {
            buyBase(missing);
        }
    }

    /** One market buy of the base the grids above the market need to sell. */
    private void buyBase(BigDecimal missing) {
        BigDecimal q = spec.stepSize().signum() > 0
                ? missing.divide(spec.stepSize(), 0, RoundingMode.CEILING).multiply(spec.stepSize())
                : missing.setScale(QUANTITY_SCALE, RoundingMode.CEILING);
        Order o = context.submit(OrderRequest.market(instrument, Side.BUY, q.stripTrailingZeros()).withTag(TAG_INIT));
        if (o.status() == OrderStatus.REJECTED) {
            initRefused(o.reason());
        } else {
            book.pendingInit = o.clientOrderId();
            logger.info("grid {}: buying {} {} at market for the sells above the market (order {})", context.instanceId(),
                    plain(q), instrument.base(), o.clientOrderId());
        }
    }

    private void initRefused(String reason) {
        initRefusals++;
        initRetryAt = candles + Math.min(MAX_BACKOFF, 1L << Math.min(6, initRefusals - 1));
        logger.warn("grid {}: the market buy of base for the grid's sells was refused ({}); retrying in {} candles",
                context.instanceId(), reason, initRetryAt - candles);
    }

    private void placeBuy(GridSlot s) {
        BigDecimal price = book.buyPrice(s.index);
        BigDecimal q = quantity(s.index);
        BigDecimal free = context.balance(instrument.quote()).free();
        if (free.compareTo(price.multiply(q)) < 0) {
            refused(s, "not enough " + instrument.quote() + " free for a buy of " + plain(q) + " at " + plain(price)
                    + " (need " + plain(price.multiply(q)) + ", have " + plain(free) + ")");
            return;
        }
        submit(s, GridSlot.State.BUYING,
                OrderRequest.limit(instrument, Side.BUY, q, price).withTag(TAG_PREFIX + "b" + s.index));
    }

    private void placeSell(GridSlot s) {
        BigDecimal q = spec.roundQuantityDown(s.held);
        if (q.signum() <= 0) {
            s.clearHolding();
            return;
        }
        BigDecimal free = context.balance(instrument.base()).free();
        if (free.compareTo(q) < 0) {
            refused(s, "not enough " + instrument.base() + " free for a sell of " + plain(q) + " (have " + plain(free)
                    + ")");
            return;
        }
        submit(s, GridSlot.State.SELLING, OrderRequest.limit(instrument, Side.SELL, q, book.sellPrice(s.index))
                .withTag(TAG_PREFIX + "s" + s.index));
    }

    private void submit(GridSlot s, GridSlot.State state, OrderRequest request) {
        Order o = context.submit(request);
        if (o.status() == OrderStatus.REJECTED) {
            refused(s, o.reason());
            return;
        }
        book.work(s, state, o.clientOrderId());
    }

    /** A grid's order could not be placed: it waits 1, 2, 4 ... 64 candles before the next try. */
    private void refused(GridSlot s, String reason) {
        book.idle(s);
        s.refusals++;
        s.retryAt = candles + Math.min(MAX_BACKOFF, 1L << Math.min(6, s.refusals - 1));
        if (s.refusals == 1) {
            logger.warn("grid {}: the order of grid {} was refused ({}); it is retried later", context.instanceId(),
                    s.index, reason);
        }
    }

    @Override
    public void onOrderEvent(OrderEvent e) {
        Order o = e.order();
        if (ExitRules.exitKind(o.tag()).isPresent() || book.closing != null) {
            closing.onOrderEvent(e);
            return;
        }
        if (o.clientOrderId().equals(book.pendingInit)) {
            if (o.status().isTerminal()) {
                book.pendingInit = null;
                if (o.filledQuantity().signum() == 0) {
                    initRefused(o.reason() == null ? o.status().toString() : o.reason());
                } else {
                    initRefusals = 0;
                }
            }
            return;
        }
        GridSlot slot = book.slotOf(o.clientOrderId());
        if (slot != null && o.status().isTerminal()) {
            finished(slot, o, false);
        }
    }

    /** A grid's order finished: a buy that filled becomes a sell one level up, a sell that filled a buy again. */
    private void finished(GridSlot slot, Order o, boolean missed) {
        book.idle(slot);
        BigDecimal filled = o.filledQuantity();
        if (o.side() == Side.BUY) {
            if (filled.signum() > 0) {
                BigDecimal got = received(o);
                if (missed && unallocated().compareTo(got) < 0) {
                    logger.warn("grid {}: buy {} of grid {} filled before the restart, but its base is no longer held; "
                            + "grid {} starts afresh", context.instanceId(), o.clientOrderId(), slot.index, slot.index);
                    return;
                }
                slot.held = got;
                slot.cost = o.averagePrice();
                slot.buyFee = quoteFee(o);
                slot.refusals = 0;
                placeSell(slot);
            } else if (o.status() == OrderStatus.REJECTED) {
                refused(slot, o.reason());
            }
            return;
        }
        if (o.status() == OrderStatus.FILLED) {
            cycle(slot, o);
            slot.clearHolding();
            slot.refusals = 0;
            placeBuy(slot);
            return;
        }
        if (filled.signum() > 0 && slot.holds()) {
            slot.held = slot.held.subtract(filled);
        }
        if (o.status() == OrderStatus.REJECTED) {
            refused(slot, o.reason());
        }
    }

    /** A sell filled: a completed cycle when the grid bought what it sold. */
    private void cycle(GridSlot slot, Order sell) {
        BigDecimal q = sell.filledQuantity();
        if (slot.cost == null) {
            logger.info("grid {}: sold {} {} of the starting inventory at {} (grid {})", context.instanceId(), plain(q),
                    instrument.base(), plain(sell.averagePrice()), slot.index);
            return;
        }
        BigDecimal fees = (slot.buyFee == null ? BigDecimal.ZERO : slot.buyFee).add(quoteFee(sell));
        BigDecimal profit = sell.averagePrice().subtract(slot.cost).multiply(q).subtract(fees);
        book.cycles++;
        book.profit = book.profit.add(profit);
        logger.info("grid {}: cycle {} completed on grid {}: bought {} {} at {} and sold at {}, profit {} {} after fees "
                + "(grid profit {} {})", context.instanceId(), book.cycles, slot.index, plain(q), instrument.base(),
                plain(slot.cost), plain(sell.averagePrice()), plain(profit), instrument.quote(), plain(book.profit),
                instrument.quote());
    }

    // ---------------------------------------------------------------- quantities

    /** The base quantity of grid {@code index}'s orders. */
    BigDecimal quantity(int index) {
        BigDecimal q = settings.orderSize() != null ? settings.orderSize()
                : settings.orderQuote().divide(book.buyPrice(index), QUANTITY_SCALE + 10, RoundingMode.DOWN);
        q = spec.stepSize().signum() > 0 ? spec.roundQuantityDown(q) : q.setScale(QUANTITY_SCALE, RoundingMode.DOWN);
        return q.signum() == 0 ? BigDecimal.ZERO : q.stripTrailingZeros();
    }

    /** Base the position holds that no grid holds. */
    private BigDecimal unallocated() {
        BigDecimal free = context.position().quantity().subtract(book.held());
        return free.signum() > 0 ? free : BigDecimal.ZERO;
    }

    /** Base a buy delivered: its filled quantity less fees charged in the base currency. */
    private BigDecimal received(Order buy) {
        BigDecimal got = buy.filledQuantity();
        if (instrument.base().equals(buy.feeCurrency())) {
            got = got.subtract(buy.fees());
        }
        return spec.roundQuantityDown(got);
    }

    /** An order's fees in the quote currency. */
    private BigDecimal quoteFee(Order o) {
        if (o.feeCurrency() == null || o.fees().signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (o.feeCurrency().equals(instrument.base()) && o.averagePrice() != null) {
            return o.fees().multiply(o.averagePrice());
        }
        return o.feeCurrency().equals(instrument.quote()) ? o.fees() : BigDecimal.ZERO;
    }

    @Override
    public StrategySnapshot snapshot() {
        return book == null ? StrategySnapshot.EMPTY : book.snapshot();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
