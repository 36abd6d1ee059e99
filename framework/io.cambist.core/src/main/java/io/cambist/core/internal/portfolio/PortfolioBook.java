package io.cambist.core.internal.portfolio;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Balance;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;
import io.cambist.api.portfolio.Portfolio;
import io.cambist.api.portfolio.Position;
import io.cambist.core.internal.journal.JournalRecord.PositionSaved;

/**
 * The portfolio: balance totals per account (seeded from the venue, then moved by fills, refreshed from the venue
 * periodically and after a reconnect), with the part locked by the core's own open orders derived on demand; positions
 * per account and instrument and per strategy instance. Fills are applied under the engine's book lock.
 */
public final class PortfolioBook implements Portfolio {

    private final Logger logger = LoggerFactory.getLogger(PortfolioBook.class);
    private final LastPrices prices;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, BigDecimal>> totals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<AccountInstrument, PositionState> accountPositions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<Instrument, PositionState>> strategyPositions =
            new ConcurrentHashMap<>();
    private final List<FillListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LockedFunds lockedFunds = (account, currency) -> BigDecimal.ZERO;
    private volatile Function<String, Instrument> strategyInstrument = id -> null;
    private volatile long balanceVersion;

    /** Computes the funds the core's open orders lock in one currency of one account. */
    @FunctionalInterface
    public interface LockedFunds {
        BigDecimal locked(String account, String currency);
    }

    public PortfolioBook(LastPrices prices) {
        this.prices = prices;
    }

    public LastPrices prices() {
        return prices;
    }

    /** Wires the order manager's view of locked funds. */
    public void lockedFunds(LockedFunds locked) {
        this.lockedFunds = locked;
    }

    /** Wires the runner's view of each instance's configured instrument. */
    public void strategyInstruments(Function<String, Instrument> instruments) {
        this.strategyInstrument = instruments;
    }

    public void addListener(FillListener listener) {
        listeners.add(listener);
    }

    /** Increases whenever a balance changes. */
    public long balanceVersion() {
        return balanceVersion;
    }

    /** Replaces an account's balances with the venue's. */
    public void seed(String account, List<Balance> balances) {
        ConcurrentHashMap<String, BigDecimal> m = new ConcurrentHashMap<>();
        for (Balance b : balances) {
            m.merge(b.currency(), b.total(), BigDecimal::add);
        }
        totals.put(account, m);
        balanceVersion++;
    }

    /** The fee of a fill valued in the quote currency. */
    public BigDecimal quoteFee(String account, Fill fill) {
        Instrument i = fill.instrument();
        String currency = fill.feeCurrency();
        if (fill.fee().signum() == 0 || currency == null || currency.equals(i.quote())) {
            return fill.fee();
        }
        if (currency.equals(i.base())) {
            return fill.fee().multiply(fill.price());
        }
        BigDecimal rate = prices.price(account, Instrument.of(currency, i.quote()));
        if (rate == null) {
            logger.info("fee of {} {} on trade {} not valued in {}: no price known", fill.fee(), currency,
                    fill.tradeId(), i.quote());
            return BigDecimal.ZERO;
        }
        return fill.fee().multiply(rate);
    }

    /**
     * Applies a fill to balances and positions (under the book lock).
     *
     * @param moveBalances false when replaying the journal (balances come from the venue)
     */
    public void applyFill(String account, String strategyId, Fill fill, BigDecimal quoteFee, String tag,
            boolean moveBalances) {
        Instrument i = fill.instrument();
        BigDecimal baseFee = i.base().equals(fill.feeCurrency()) ? fill.fee() : BigDecimal.ZERO;
        accountPosition(account, i).apply(fill.side(), fill.price(), fill.quantity(), baseFee, quoteFee, fill.time());
        if (strategyId != null) {
            strategyPosition(strategyId, account, i).apply(fill.side(), fill.price(), fill.quantity(), baseFee,
                    quoteFee, fill.time());
        }
        if (moveBalances) {
            moveBalances(account, fill);
        }
        prices.cell(account, i).set(fill.price(), fill.time());
        for (FillListener l : listeners) {
            l.onFill(account, strategyId, fill, quoteFee, tag);
        }
    }

    private void moveBalances(String account, Fill fill) {
        Instrument i = fill.instrument();
        ConcurrentHashMap<String, BigDecimal> m = totals.computeIfAbsent(account, a -> new ConcurrentHashMap<>());
        BigDecimal notional = fill.price().multiply(fill.quantity());
        if (fill.side() == Side.BUY) {
            m.merge(i.base(), fill.quantity(), BigDecimal::add);
            m.merge(i.quote(), notional.negate(), BigDecimal::add);
        } else {
            m.merge(i.base(), fill.quantity().negate(), BigDecimal::add);
            m.merge(i.quote(), notional, BigDecimal::add);
        }
        if (fill.fee().signum() != 0) {
            String feeCurrency = fill.feeCurrency() == null ? i.quote() : fill.feeCurrency();
            m.merge(feeCurrency, fill.fee().negate(), BigDecimal::add);
        }
        balanceVersion++;
    }

    /** The account-wide position state, created when first needed. */
    public PositionState accountPosition(String account, Instrument instrument) {
        return accountPositions.computeIfAbsent(new AccountInstrument(account, instrument),
                k -> new PositionState(account, null, instrument));
    }

    /** An instance's position state in an instrument, created when first needed. */
    public PositionState strategyPosition(String strategyId, String account, Instrument instrument) {
        return strategyPositions.computeIfAbsent(strategyId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(instrument, k -> new PositionState(account, strategyId, instrument));
    }

    /** Restores a position from a checkpoint. */
    public void restore(PositionSaved saved) {
        PositionState s = saved.strategyId() == null ? accountPosition(saved.account(), saved.instrument())
                : strategyPosition(saved.strategyId(), saved.account(), saved.instrument());
        s.restore(saved);
    }

    /** Every position state (checkpoints). */
    public List<PositionState> allPositionStates() {
        List<PositionState> all = new ArrayList<>(accountPositions.values());
        for (Map<Instrument, PositionState> m : strategyPositions.values()) {
            all.addAll(m.values());
        }
        return all;
    }

    /** The total of one currency, zero when unknown. */
    public BigDecimal total(String account, String currency) {
        Map<String, BigDecimal> m = totals.get(account);
        BigDecimal v = m == null ? null : m.get(currency);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** Realized P&amp;L of an instance today (all its instruments). */
    public BigDecimal realizedToday(String strategyId, long now) {
        Map<Instrument, PositionState> m = strategyPositions.get(strategyId);
        BigDecimal sum = BigDecimal.ZERO;
        if (m != null) {
            for (PositionState s : m.values()) {
                sum = sum.add(s.realizedToday(now));
            }
        }
        return sum;
    }

    /** Forgets an instance's positions (its configuration was deleted). */
    public void forgetStrategy(String strategyId) {
        strategyPositions.remove(strategyId);
    }

    @Override
    public List<String> accounts() {
        List<String> ids = new ArrayList<>(totals.keySet());
        ids.sort(null);
        return ids;
    }

    @Override
    public List<Balance> balances(String account) {
        Map<String, BigDecimal> m = totals.get(account);
        List<Balance> list = new ArrayList<>();
        if (m != null) {
            for (String currency : new TreeMap<>(m).keySet()) {
                list.add(balance(account, currency));
            }
        }
        return list;
    }

    @Override
    public Balance balance(String account, String currency) {
        BigDecimal total = total(account, currency);
        BigDecimal locked = lockedFunds.locked(account, currency).min(total.max(BigDecimal.ZERO));
        return new Balance(currency, total.subtract(locked), locked);
    }

    @Override
    public Optional<Position> position(String account, Instrument instrument) {
        PositionState s = accountPositions.get(new AccountInstrument(account, instrument));
        return Optional.of(s == null ? Position.flat(account, null, instrument)
                : s.toPosition(prices.price(account, instrument)));
    }

    @Override
    public Optional<Position> strategyPosition(String strategyId) {
        Map<Instrument, PositionState> m = strategyPositions.get(strategyId);
        Instrument configured = strategyInstrument.apply(strategyId);
        PositionState s = null;
        if (m != null) {
            s = configured != null ? m.get(configured) : m.size() == 1 ? m.values().iterator().next() : null;
        }
        if (s == null) {
            return configured == null ? Optional.empty() : Optional.of(Position.flat(null, strategyId, configured));
        }
        return Optional.of(s.toPosition(prices.price(s.account(), s.instrument())));
    }

    @Override
    public List<Position> positions() {
        List<Position> list = new ArrayList<>();
        for (PositionState s : accountPositions.values()) {
            if (s.core().quantity().signum() != 0) {
                list.add(s.toPosition(prices.price(s.account(), s.instrument())));
            }
        }
        list.sort(Comparator.comparing(Position::account).thenComparing(p -> p.instrument().symbol()));
        return list;
    }

    @Override
    public Optional<BigDecimal> equity(String account, String currency) {
        Map<String, BigDecimal> m = totals.get(account);
        if (m == null) {
            return Optional.empty();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : m.entrySet()) {
            BigDecimal amount = e.getValue();
            if (amount.signum() == 0) {
                continue;
            }
            if (e.getKey().equals(currency)) {
                sum = sum.add(amount);
                continue;
            }
            BigDecimal direct = prices.price(account, Instrument.of(e.getKey(), currency));
            if (direct != null) {
                sum = sum.add(amount.multiply(direct));
                continue;
            }
            BigDecimal inverse = prices.price(account, Instrument.of(currency, e.getKey()));
            if (inverse != null && inverse.signum() != 0) {
                sum = sum.add(amount.divide(inverse, MathContext.DECIMAL64));
                continue;
            }
            return Optional.empty();
        }
        return Optional.of(sum);
    }
}
