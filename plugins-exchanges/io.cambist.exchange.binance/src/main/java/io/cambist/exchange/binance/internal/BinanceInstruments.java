package io.cambist.exchange.binance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.OrderRequest;
import io.cambist.exchange.binance.internal.dto.BinanceExchangeInfo;
import io.cambist.exchange.binance.internal.dto.BinanceFilter;
import io.cambist.exchange.binance.internal.dto.BinanceSymbol;

/**
 * The symbols of {@code exchangeInfo} and their filters, and the local check that refuses an order breaking them
 * before it is sent, with a message naming the filter (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL / NOTIONAL).
 */
public final class BinanceInstruments {

    /** One symbol's rules, including the Binance filters {@link InstrumentSpec} does not model. */
    public record Rules(BinanceSymbol symbol, Instrument instrument, InstrumentSpec spec, BigDecimal minPrice,
            BigDecimal maxPrice, BigDecimal maxNotional, boolean minNotionalOnMarket) {
    }

    private volatile Map<String, Rules> bySymbol = Map.of();
    private volatile Map<Instrument, Rules> byInstrument = Map.of();
    private volatile List<InstrumentSpec> specs = List.of();

    /** Replaces the rules with those of a fresh exchangeInfo; symbols with invalid asset codes are left out. */
    public void load(BinanceExchangeInfo info) {
        Map<String, Rules> s = new HashMap<>();
        Map<Instrument, Rules> i = new HashMap<>();
        for (BinanceSymbol sym : info.symbols()) {
            Optional<Instrument> instrument = BinanceAdapters.instrument(sym);
            if (instrument.isEmpty()) {
                continue;
            }
            Rules r = rules(sym, instrument.get());
            s.put(sym.symbol(), r);
            Rules previous = i.get(instrument.get());
            if (previous == null || !previous.spec().trading()) {
                i.put(instrument.get(), r);
            }
        }
        List<InstrumentSpec> list = new ArrayList<>();
        i.values().forEach(r -> list.add(r.spec()));
        list.sort(Comparator.comparing(x -> x.instrument().symbol()));
        bySymbol = Map.copyOf(s);
        byInstrument = Map.copyOf(i);
        specs = List.copyOf(list);
    }

    private static Rules rules(BinanceSymbol sym, Instrument instrument) {
        BigDecimal minPrice = null;
        BigDecimal maxPrice = null;
        BigDecimal maxNotional = null;
        boolean onMarket = false;
        for (BinanceFilter f : sym.filters()) {
            if ("PRICE_FILTER".equals(f.filterType())) {
                minPrice = positive(f.minPrice());
                maxPrice = positive(f.maxPrice());
            } else if ("NOTIONAL".equals(f.filterType())) {
                maxNotional = positive(f.maxNotional());
                onMarket |= Boolean.TRUE.equals(f.applyMinToMarket());
            } else if ("MIN_NOTIONAL".equals(f.filterType())) {
                onMarket |= Boolean.TRUE.equals(f.applyToMarket());
            }
        }
        return new Rules(sym, instrument, BinanceAdapters.spec(sym, instrument), minPrice, maxPrice, maxNotional, onMarket);
    }

    /** True once an exchangeInfo was loaded. */
    public boolean loaded() {
        return !bySymbol.isEmpty();
    }

    /** Every instrument's rules, sorted by symbol. */
    public List<InstrumentSpec> specs() {
        return specs;
    }

    /** The rules of a venue symbol. */
    public Optional<Rules> bySymbol(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** The rules of an instrument. */
    public Optional<Rules> of(Instrument instrument) {
        return Optional.ofNullable(byInstrument.get(instrument));
    }

    /**
     * The rules of an instrument the caller wants to trade or watch.
     *
     * @throws InvalidOrderException naming the instrument when Binance does not list it
     */
    public Rules require(Instrument instrument) {
        Rules r = byInstrument.get(instrument);
        if (r == null) {
            throw new InvalidOrderException(instrument + " is not listed on binance"
                    + (loaded() ? "" : " (exchangeInfo is not loaded yet)"));
        }
        return r;
    }

    /**
     * Refuses an order that breaks the symbol's filters.
     *
     * @throws InvalidOrderException naming the broken filter
     */
    public Rules check(OrderRequest r) {
        Rules rules = require(r.instrument());
        String sym = rules.symbol().symbol();
        String venueType = r.type() == OrderType.MARKET ? "MARKET"
                : r.type() == OrderType.LIMIT && r.timeInForce() == TimeInForce.POST_ONLY ? "LIMIT_MAKER" : r.type().name();
        if (!rules.symbol().orderTypes().isEmpty() && !rules.symbol().orderTypes().contains(venueType)) {
            throw new InvalidOrderException(sym + " does not accept " + venueType + " orders (it accepts "
                    + rules.symbol().orderTypes() + ")");
        }
        InstrumentSpec spec = rules.spec();
        if (r.type() == OrderType.MARKET) {
            if (r.quantity() == null) {
                if (!rules.symbol().quoteOrderQtyMarketAllowed()) {
                    throw new InvalidOrderException(sym + " does not accept market orders sized by quote amount");
                }
                if (rules.minNotionalOnMarket() && r.quoteQuantity().compareTo(spec.minNotional()) < 0) {
                    throw new InvalidOrderException("quote amount " + BinanceAdapters.plain(r.quoteQuantity())
                            + " below MIN_NOTIONAL " + spec.minNotional().toPlainString() + " for " + sym);
                }
                fail(spec.violation(null, null));
            } else {
                fail(spec.violation(null, r.quantity()));
            }
            return rules;
        }
        BigDecimal price = r.limitPrice();
        if (rules.minPrice() != null && price.compareTo(rules.minPrice()) < 0) {
            throw new InvalidOrderException("price " + price.toPlainString() + " below PRICE_FILTER minimum "
                    + rules.minPrice().toPlainString() + " for " + sym);
        }
        if (rules.maxPrice() != null && price.compareTo(rules.maxPrice()) > 0) {
            throw new InvalidOrderException("price " + price.toPlainString() + " above PRICE_FILTER maximum "
                    + rules.maxPrice().toPlainString() + " for " + sym);
        }
        fail(spec.violation(price, r.quantity()));
        if (rules.maxNotional() != null && price.multiply(r.quantity()).compareTo(rules.maxNotional()) > 0) {
            throw new InvalidOrderException("notional " + BinanceAdapters.plain(price.multiply(r.quantity()))
                    + " above NOTIONAL maximum " + rules.maxNotional().toPlainString() + " for " + sym);
        }
        return rules;
    }

    private static void fail(Optional<String> violation) {
        if (violation.isPresent()) {
            throw new InvalidOrderException("order refused: " + violation.get());
        }
    }

    private static BigDecimal positive(BigDecimal v) {
        return v == null || v.signum() <= 0 ? null : v;
    }
}
