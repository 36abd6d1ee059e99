package io.cambist.exchange.paper.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.SimulatedVenueFactory;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.api.model.Currencies;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.exchange.paper.internal.engine.ChangeTracker;
import io.cambist.exchange.paper.internal.engine.EngineSettings;
import io.cambist.exchange.paper.internal.engine.MatchingEngine;
import io.cambist.exchange.paper.internal.market.Market;

/** Creates private in-memory paper venues for backtests. */
@Component(service = SimulatedVenueFactory.class, property = ExchangeConnector.VENUE + "=" + PaperConstants.VENUE)
public class PaperVenueFactory implements SimulatedVenueFactory {

    @Override
    public SimulatedVenue create(SimulationSpec spec) {
        return build(spec);
    }

    /** Builds a venue: the source's own tick size, no step size or minimum notional, no volume limit. */
    static PaperVenue build(SimulationSpec spec) {
        Market market = Market.open(spec.account(), spec.source(), null);
        InstrumentSpec rules = rules(spec.source().instrument(), market.defaultTick(), BigDecimal.ZERO,
                BigDecimal.ZERO);
        MatchingEngine engine = new MatchingEngine(new EngineSettings(spec.account(), rules, spec.makerFee(),
                spec.takerFee(), BigDecimal.ZERO, ""), ChangeTracker.NONE);
        deposit(engine, spec.balances());
        return new PaperVenue(spec.account(), engine, market.feed());
    }

    /** The trading rules of a paper instrument. */
    static InstrumentSpec rules(Instrument instrument, BigDecimal tick, BigDecimal step,
            BigDecimal minNotional) {
        return new InstrumentSpec(instrument, instrument.base() + instrument.quote(), tick, step, BigDecimal.ZERO, null,
                minNotional, true);
    }

    /** Sets starting balances. */
    static void deposit(MatchingEngine engine, Map<String, BigDecimal> balances) {
        balances.forEach((currency, amount) -> {
            String c = Currencies.check("starting balance", currency);
            if (amount == null || amount.signum() < 0) {
                throw new IllegalArgumentException("starting balance of " + c + " must be 0 or more, not " + amount);
            }
            engine.balances().set(c, amount, BigDecimal.ZERO);
        });
        String quote = engine.spec().instrument().quote();
        String base = engine.spec().instrument().base();
        if (engine.balances().list().stream().noneMatch(b -> b.currency().equals(quote))) {
            engine.balances().set(quote, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        if (engine.balances().list().stream().noneMatch(b -> b.currency().equals(base))) {
            engine.balances().set(base, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }
}
