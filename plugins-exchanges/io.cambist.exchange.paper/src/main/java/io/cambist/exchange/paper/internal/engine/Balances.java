package io.cambist.exchange.paper.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.model.Balance;

/** An account's balances: free and locked amounts per currency, exact decimals. */
public final class Balances {

    private final Map<String, BigDecimal[]> amounts = new TreeMap<>();
    private final ChangeTracker tracker;

    Balances(ChangeTracker tracker) {
        this.tracker = tracker;
    }

    private BigDecimal[] of(String currency) {
        return amounts.computeIfAbsent(currency, c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    /** Available amount. */
    public BigDecimal free(String currency) {
        BigDecimal[] a = amounts.get(currency);
        return a == null ? BigDecimal.ZERO : a[0];
    }

    /** Amount reserved by open orders. */
    public BigDecimal locked(String currency) {
        BigDecimal[] a = amounts.get(currency);
        return a == null ? BigDecimal.ZERO : a[1];
    }

    /** Sets both amounts (starting balances, restore). */
    public void set(String currency, BigDecimal free, BigDecimal locked) {
        BigDecimal[] a = of(currency);
        a[0] = free;
        a[1] = locked;
        tracker.balance(currency);
    }

    void credit(String currency, BigDecimal amount) {
        BigDecimal[] a = of(currency);
        a[0] = tidy(a[0].add(amount));
        tracker.balance(currency);
    }

    void debit(String currency, BigDecimal amount) {
        BigDecimal[] a = of(currency);
        a[0] = tidy(a[0].subtract(amount));
        tracker.balance(currency);
    }

    void lock(String currency, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        BigDecimal[] a = of(currency);
        a[0] = tidy(a[0].subtract(amount));
        a[1] = tidy(a[1].add(amount));
        tracker.balance(currency);
    }

    void unlock(String currency, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        BigDecimal[] a = of(currency);
        a[0] = tidy(a[0].add(amount));
        a[1] = tidy(a[1].subtract(amount));
        tracker.balance(currency);
    }

    /** The same amount without trailing zeros (900.000 becomes 900), never in exponent form. */
    private static BigDecimal tidy(BigDecimal v) {
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Every balance, sorted by currency. */
    public List<Balance> list() {
        List<Balance> out = new ArrayList<>(amounts.size());
        amounts.forEach((c, a) -> out.add(new Balance(c, a[0], a[1])));
        return out;
    }
}
