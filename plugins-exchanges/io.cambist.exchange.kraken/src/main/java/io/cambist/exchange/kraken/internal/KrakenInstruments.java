package io.cambist.exchange.kraken.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.OrderRequest;
import io.cambist.exchange.kraken.internal.dto.KrakenAssetPair;

/**
 * The pairs of {@code AssetPairs} with their trading rules, the three names Kraken gives each pair (pair id, altname,
 * WebSocket v2 symbol), the translation of Kraken asset ids ({@code XXBT}, {@code ZUSD}) to currency codes, and the
 * local check that refuses an order breaking a rule before it is sent, naming the rule.
 */
public final class KrakenInstruments {

    /**
     * One pair's rules.
     *
     * @param pair           the pair id, e.g. {@code XETHXXBT}
     * @param altname        the alternate name, e.g. {@code ETHXBT}
     * @param wsSymbol       the WebSocket v2 symbol, e.g. {@code ETH/BTC}
     * @param instrument     the instrument
     * @param spec           the rules as the API models them
     * @param priceDecimals  {@code pair_decimals}
     * @param lotDecimals    {@code lot_decimals}
     * @param status         Kraken's pair status
     */
    public record Rules(String pair, String altname, String wsSymbol, Instrument instrument, InstrumentSpec spec,
            int priceDecimals, int lotDecimals, String status) {
    }

    private static final Pattern LONG_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SHORT_UUID = Pattern.compile("[0-9a-fA-F]{32}");

    private volatile Map<String, Rules> byPair = Map.of();
    private volatile Map<String, Rules> bySymbol = Map.of();
    private volatile Map<Instrument, Rules> byInstrument = Map.of();
    private volatile Map<String, String> currencies = Map.of();
    private volatile List<InstrumentSpec> specs = List.of();

    /** Replaces the rules with a fresh AssetPairs answer; pairs without a WebSocket name or valid codes are left out. */
    public void load(Map<String, KrakenAssetPair> pairs) {
        Map<String, Rules> p = new HashMap<>();
        Map<String, Rules> s = new HashMap<>();
        Map<Instrument, Rules> i = new HashMap<>();
        Map<String, String> c = new HashMap<>();
        pairs.forEach((id, pair) -> {
            Optional<Rules> rules = KrakenAdapters.rules(id, pair);
            if (rules.isEmpty()) {
                return;
            }
            Rules r = rules.get();
            p.put(id, r);
            if (pair.altname() != null) {
                p.put(pair.altname(), r);
            }
            s.put(r.wsSymbol(), r);
            Rules previous = i.get(r.instrument());
            if (previous == null || !previous.spec().trading()) {
                i.put(r.instrument(), r);
            }
            if (pair.base() != null) {
                c.put(pair.base(), r.instrument().base());
            }
            if (pair.quote() != null) {
                c.put(pair.quote(), r.instrument().quote());
            }
        });
        List<InstrumentSpec> list = new ArrayList<>();
        i.values().forEach(r -> list.add(r.spec()));
        list.sort(Comparator.comparing(x -> x.instrument().symbol()));
        byPair = Map.copyOf(p);
        bySymbol = Map.copyOf(s);
        byInstrument = Map.copyOf(i);
        currencies = Map.copyOf(c);
        specs = List.copyOf(list);
    }

    /** True once AssetPairs was loaded. */
    public boolean loaded() {
        return !bySymbol.isEmpty();
    }

    /** Every instrument's rules, sorted by symbol. */
    public List<InstrumentSpec> specs() {
        return specs;
    }

    /** The rules of a WebSocket v2 symbol, e.g. {@code ETH/BTC}. */
    public Optional<Rules> bySymbol(String wsSymbol) {
        return wsSymbol == null ? Optional.empty() : Optional.ofNullable(bySymbol.get(wsSymbol));
    }

    /** The rules of a REST pair name (pair id or altname). */
    public Optional<Rules> byPair(String pair) {
        return pair == null ? Optional.empty() : Optional.ofNullable(byPair.get(pair));
    }

    /** The rules of an instrument. */
    public Optional<Rules> of(Instrument instrument) {
        return Optional.ofNullable(byInstrument.get(instrument));
    }

    /**
     * The currency code of a Kraken asset id: {@code XXBT} is {@code BTC}, {@code ZUSD} is {@code USD}. Empty for
     * balances that are not spot funds (suffixed ids such as {@code XBT.F} or {@code DOT.S}) or not currency codes.
     */
    public Optional<String> currency(String asset) {
        if (asset == null || asset.isEmpty() || asset.indexOf('.') >= 0) {
            return Optional.empty();
        }
        String known = currencies.get(asset);
        String code = known != null ? known
                : asset.length() == 4 && (asset.charAt(0) == 'X' || asset.charAt(0) == 'Z')
                        ? KrakenAdapters.v2Asset(asset.substring(1)) : KrakenAdapters.v2Asset(asset);
        return code.matches("[A-Z0-9]{1,20}") ? Optional.of(code) : Optional.empty();
    }

    /**
     * The rules of an instrument the caller wants to trade or watch.
     *
     * @throws InvalidOrderException naming the instrument when Kraken does not list it
     */
    public Rules require(Instrument instrument) {
        Rules r = byInstrument.get(instrument);
        if (r == null) {
            throw new InvalidOrderException(instrument + " is not listed on kraken"
                    + (loaded() ? "" : " (AssetPairs is not loaded yet)"));
        }
        return r;
    }

    /**
     * Refuses an order Kraken would refuse or that the connector cannot send, naming the rule.
     *
     * @throws InvalidOrderException naming the rule broken
     */
    public Rules check(OrderRequest r) {
        Rules rules = require(r.instrument());
        String sym = rules.wsSymbol();
        if (r.clientOrderId() != null && !validClientOrderId(r.clientOrderId().value())) {
            throw new InvalidOrderException("client order id '" + r.clientOrderId() + "' has "
                    + r.clientOrderId().value().length() + " characters: Kraken's cl_ord_id takes free text of at most "
                    + KrakenConstants.MAX_FREE_TEXT_CL_ORD_ID + " characters, or a UUID");
        }
        switch (rules.status() == null ? "online" : rules.status()) {
            case "online" -> {
                // every order type
            }
            case "limit_only", "post_only" -> {
                if (r.type() != OrderType.LIMIT || ("post_only".equals(rules.status())
                        && r.timeInForce() != TimeInForce.POST_ONLY)) {
                    throw new InvalidOrderException(sym + " is in " + rules.status() + " mode on kraken: only "
                            + ("post_only".equals(rules.status()) ? "post-only limit" : "limit") + " orders are accepted");
                }
            }
            default -> throw new InvalidOrderException("instrument " + sym + " is not trading on kraken (status "
                    + rules.status() + ")");
        }
        if (r.type() == OrderType.STOP_MARKET || r.type() == OrderType.STOP_LIMIT) {
            throw new InvalidOrderException("the kraken connector does not send " + r.type()
                    + " orders yet; use LIMIT or MARKET for " + sym);
        }
        if (r.quantity() == null) {
            throw new InvalidOrderException("kraken market orders are sized in base quantity: give a quantity of "
                    + rules.instrument().base() + " for " + sym);
        }
        if (r.timeInForce() == TimeInForce.FOK) {
            throw new InvalidOrderException("kraken spot has no fill-or-kill time in force; use IOC or GTC for " + sym);
        }
        if (r.type() == OrderType.MARKET && r.timeInForce() == TimeInForce.POST_ONLY) {
            throw new InvalidOrderException("a market order cannot be post-only (" + sym + ")");
        }
        InstrumentSpec spec = rules.spec();
        BigDecimal qty = r.quantity();
        if (qty.stripTrailingZeros().scale() > rules.lotDecimals()) {
            throw new InvalidOrderException("order refused: quantity " + qty.toPlainString()
                    + " is not a multiple of LOT_SIZE step " + spec.stepSize().toPlainString() + " (Kraken lot_decimals "
                    + rules.lotDecimals() + ") for " + sym);
        }
        if (qty.compareTo(spec.minQuantity()) < 0) {
            throw new InvalidOrderException("order refused: quantity " + qty.toPlainString() + " below LOT_SIZE minimum "
                    + spec.minQuantity().toPlainString() + " (Kraken ordermin) for " + sym);
        }
        if (r.type() == OrderType.LIMIT) {
            BigDecimal price = r.limitPrice();
            if (spec.tickSize().signum() > 0 && price.remainder(spec.tickSize()).signum() != 0) {
                throw new InvalidOrderException("order refused: price " + price.toPlainString()
                        + " is not a multiple of tick size " + spec.tickSize().toPlainString()
                        + " (PRICE_FILTER, Kraken tick_size) for " + sym);
            }
            BigDecimal notional = price.multiply(qty);
            if (spec.minNotional().signum() > 0 && notional.compareTo(spec.minNotional()) < 0) {
                throw new InvalidOrderException("order refused: notional " + notional.stripTrailingZeros().toPlainString()
                        + " below MIN_NOTIONAL " + spec.minNotional().toPlainString() + " (Kraken costmin) for " + sym);
            }
        }
        return rules;
    }

    /** Whether Kraken accepts the text as a {@code cl_ord_id}: free text of at most 18 characters, or a UUID. */
    public static boolean validClientOrderId(String id) {
        return id.length() <= KrakenConstants.MAX_FREE_TEXT_CL_ORD_ID || LONG_UUID.matcher(id).matches()
                || SHORT_UUID.matcher(id).matches();
    }
}
