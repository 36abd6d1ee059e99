package io.cambist.exchange.paper.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.Balance;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.Fill;
import io.cambist.exchange.paper.internal.engine.ChangeTracker;
import io.cambist.exchange.paper.internal.engine.EngineOrder;
import io.cambist.exchange.paper.internal.engine.EngineSettings;
import io.cambist.exchange.paper.internal.engine.MatchingEngine;
import io.cambist.exchange.paper.internal.market.Market;
import io.cambist.exchange.paper.internal.store.AccountHeader;
import io.cambist.exchange.paper.internal.store.StateCodec;
import io.cambist.exchange.paper.internal.store.StoredState;

/** A live paper account's venue built from its settings and stored state, and the records that persist it. */
final class PaperState {

    private static final Logger LOGGER = LoggerFactory.getLogger(PaperState.class);

    private final AccountHeader header;
    private final PaperVenue venue;
    private final Timeframe timeframe;

    private PaperState(AccountHeader header, PaperVenue venue, Timeframe timeframe) {
        this.header = header;
        this.venue = venue;
        this.timeframe = timeframe;
    }

    /**
     * Builds the account: a new one from the settings when nothing is stored, else the stored one (balances, orders,
     * fills, replay position). A changed market source restarts the replay from its first candle.
     *
     * @throws IllegalStateException    when the stored account trades another instrument
     * @throws IllegalArgumentException when the market source cannot be opened (naming file and line)
     */
    static PaperState open(PaperSettings settings, StoredState stored, long now, ChangeTracker tracker,
            Consumer<Object> outbox) {
        String account = settings.account();
        long alignedNow = now - Math.floorMod(now, settings.syntheticTimeframe().millis());
        AccountHeader header;
        boolean sameSource = true;
        if (stored == null) {
            header = new AccountHeader(account, settings.instrument(), Long.toString(now, 36) + "-",
                    settings.fingerprint(), alignedNow);
        } else {
            header = stored.header();
            if (!header.instrument().equals(settings.instrument())) {
                throw new IllegalStateException("the account was created for " + header.instrument()
                        + " but is now configured for " + settings.instrument()
                        + ": use another account id, or delete its state directory to start afresh");
            }
            if (!header.fingerprint().equals(settings.fingerprint())) {
                LOGGER.warn("Paper account '{}': its market source changed ({} -> {}); the replay restarts from the first "
                        + "candle, balances and orders are kept", account, header.fingerprint(), settings.fingerprint());
                header = new AccountHeader(account, header.instrument(), header.idPrefix(), settings.fingerprint(),
                        alignedNow);
                sameSource = false;
            }
        }
        Market market = Market.open(account, settings.source(header.syntheticStart()), settings.tickSize());
        BigDecimal tick = settings.tickSize() != null ? settings.tickSize() : market.defaultTick();
        InstrumentSpec spec = PaperVenueFactory.rules(settings.instrument(), tick, settings.stepSize(),
                settings.minNotional());
        MatchingEngine engine = new MatchingEngine(new EngineSettings(account, spec, settings.makerFee(),
                settings.takerFee(), settings.volumeLimit(), header.idPrefix()), tracker);
        if (stored == null) {
            PaperVenueFactory.deposit(engine, settings.balances());
        } else {
            stored.balances().forEach((c, a) -> engine.balances().set(c, a[0], a[1]));
            engine.restore(stored.orders(), stored.fills(), stored.nextOrder(), stored.nextTrade(),
                    stored.latest() == null ? null : stored.latest().close());
        }
        PaperVenue venue = new PaperVenue(account, engine, null);
        venue.attach(market.feed(), stored != null && sameSource ? stored.published() : 0,
                stored == null ? null : stored.latest());
        venue.attach(outbox::accept, outbox::accept);
        return new PaperState(header, venue, market.feed().timeframe());
    }

    PaperVenue venue() {
        return venue;
    }

    Timeframe timeframe() {
        return timeframe;
    }

    /** The whole state, for a snapshot. */
    List<String> records() {
        MatchingEngine engine = venue.engine();
        List<String> out = new ArrayList<>();
        out.add(StateCodec.header(header));
        long[] counters = engine.counters();
        out.add(StateCodec.counters(counters[0], counters[1]));
        for (Balance b : engine.balances().list()) {
            out.add(StateCodec.balance(b.currency(), b.free(), b.locked()));
        }
        for (EngineOrder o : engine.allOrders()) {
            out.add(StateCodec.order(o));
        }
        for (Fill f : engine.allFills()) {
            out.add(StateCodec.fill(f));
        }
        out.add(marketRecord());
        return out;
    }

    /** The records of what changed: counters, the changed balances, orders and the new fills. */
    List<String> changeRecords(Collection<EngineOrder> orders, Collection<Fill> fills, Collection<String> balances) {
        MatchingEngine engine = venue.engine();
        List<String> out = new ArrayList<>();
        long[] counters = engine.counters();
        out.add(StateCodec.counters(counters[0], counters[1]));
        for (String c : balances) {
            out.add(StateCodec.balance(c, engine.balances().free(c), engine.balances().locked(c)));
        }
        for (EngineOrder o : orders) {
            out.add(StateCodec.order(o));
        }
        for (Fill f : fills) {
            out.add(StateCodec.fill(f));
        }
        return out;
    }

    /** The replay position and last candle. */
    String marketRecord() {
        return StateCodec.market(venue.published(), venue.latest());
    }
}
