package io.cambist.core.internal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.cambist.api.exchange.AccountInfo;
import io.cambist.api.exchange.ExchangeRegistry;
import io.cambist.core.internal.dispatch.Dispatcher;
import io.cambist.core.internal.engine.EngineClock;

/** The register of venue accounts: one {@link AccountSlot} per account id, kept across connector bindings. */
public final class Accounts implements ExchangeRegistry {

    private final ConcurrentHashMap<String, AccountSlot> slots = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher;
    private final EngineClock clock;

    public Accounts(Dispatcher dispatcher, EngineClock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The slot of an account, created when first needed. */
    public AccountSlot slot(String account) {
        return slots.computeIfAbsent(account, a -> new AccountSlot(a, dispatcher.newLane("account " + a)));
    }

    /** The slot of an account, or {@code null}. */
    public AccountSlot find(String account) {
        return slots.get(account);
    }

    /** Every slot. */
    public List<AccountSlot> all() {
        return new ArrayList<>(slots.values());
    }

    @Override
    public List<AccountInfo> accounts() {
        List<String> ids = new ArrayList<>(slots.keySet());
        ids.sort(null);
        List<AccountInfo> list = new ArrayList<>();
        long now = clock.now();
        for (String id : ids) {
            AccountSlot s = slots.get(id);
            if (s != null && (s.connector() != null || s.venue() != null)) {
                list.add(s.info(now));
            }
        }
        return list;
    }

    @Override
    public Optional<AccountInfo> account(String account) {
        AccountSlot s = slots.get(account);
        if (s == null || (s.connector() == null && s.venue() == null)) {
            return Optional.empty();
        }
        return Optional.of(s.info(clock.now()));
    }
}
