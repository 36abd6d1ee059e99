package io.cambist.core.internal.order;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.Set;

import io.cambist.api.exchange.Capability;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.OrderRequest;
import io.cambist.core.internal.account.AccountSlot;
import io.cambist.core.internal.portfolio.LastPrices;

/**
 * Local checks before an order is accepted: the account exists, its venue supports the order type, and the order
 * keeps the instrument's rules (messages name the rule: {@code PRICE_FILTER}, {@code LOT_SIZE}, {@code MIN_NOTIONAL}).
 * Also values orders for risk and computes the funds an open order locks.
 */
final class OrderChecks {

    private final LastPrices prices;

    OrderChecks(LastPrices prices) {
        this.prices = prices;
    }

    /** Why the order cannot be accepted, or {@code null}. */
    String check(AccountSlot slot, String account, OrderRequest r) {
        if (slot == null || (slot.connector() == null && slot.venue() == null)) {
            return "account '" + account + "' has no exchange connector: install and configure its exchange bundle";
        }
        if (slot.connector() == null) {
            return null; // known account, connector being replaced: the order waits (bounded) for it
        }
        String unsupported = unsupported(slot.capabilities(), r);
        if (unsupported != null) {
            return "account '" + account + "' (" + slot.venue() + ") does not support " + unsupported;
        }
        InstrumentSpec spec = slot.specs().get(r.instrument());
        if (spec == null) {
            return slot.specs().isEmpty() ? null
                    : "instrument " + r.instrument().symbol() + " is not listed on account '" + account + "'";
        }
        return violation(spec, r, referencePrice(account, r));
    }

    private static String unsupported(Set<Capability> caps, OrderRequest r) {
        if (caps.isEmpty()) {
            return null; // a connector that declares nothing is not second-guessed
        }
        if (r.type() == OrderType.MARKET) {
            if (r.quoteQuantity() != null && !caps.contains(Capability.MARKET_ORDER_BY_QUOTE)) {
                return "market orders sized by quote amount (MARKET_ORDER_BY_QUOTE)";
            }
            if (r.quoteQuantity() == null && !caps.contains(Capability.MARKET_ORDER)) {
                return "market orders (MARKET_ORDER)";
            }
            return null;
        }
        if ((r.type() == OrderType.STOP_MARKET || r.type() == OrderType.STOP_LIMIT) && !caps.contains(Capability.STOP_ORDER)) {
            return "stop orders (STOP_ORDER)";
        }
        if ((r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LIMIT) && !caps.contains(Capability.LIMIT_ORDER)) {
            return "limit orders (LIMIT_ORDER)";
        }
        TimeInForce tif = r.timeInForce();
        if ((tif == TimeInForce.IOC || tif == TimeInForce.FOK) && !caps.contains(Capability.IOC_FOK)) {
            return "time in force " + tif + " (IOC_FOK)";
        }
        if (tif == TimeInForce.POST_ONLY && !caps.contains(Capability.POST_ONLY)) {
            return "post-only orders (POST_ONLY)";
        }
        return null;
    }

    private static String violation(InstrumentSpec spec, OrderRequest r, BigDecimal reference) {
        Optional<String> v;
        switch (r.type()) {
            case LIMIT:
            case STOP_LIMIT:
                v = spec.violation(r.limitPrice(), r.quantity());
                break;
            case STOP_MARKET:
                v = spec.violation(r.stopPrice(), r.quantity());
                break;
            default:
                v = spec.violation(null, r.quantity());
                if (v.isEmpty() && spec.minNotional().signum() > 0) {
                    BigDecimal notional = r.quoteQuantity() != null ? r.quoteQuantity()
                            : reference == null ? null : reference.multiply(r.quantity());
                    if (notional != null && notional.compareTo(spec.minNotional()) < 0) {
                        v = Optional.of("notional " + notional.stripTrailingZeros().toPlainString() + " below MIN_NOTIONAL "
                                + spec.minNotional().toPlainString() + " for " + spec.venueSymbol());
                    }
                }
        }
        return v.orElse(null);
    }

    /** The price that values an order: its limit (or stop) price, else the last market price; may be {@code null}. */
    BigDecimal referencePrice(String account, OrderRequest r) {
        if (r.limitPrice() != null) {
            return r.limitPrice();
        }
        if (r.stopPrice() != null) {
            return r.stopPrice();
        }
        return prices.price(account, r.instrument());
    }

    /** The funds an open order locks in {@code currency}. */
    BigDecimal locks(OrderRecord r, String currency) {
        if (r.side == Side.BUY && currency.equals(r.instrument.quote())) {
            if (r.quoteQuantity != null) {
                return r.filled.signum() == 0 ? r.quoteQuantity : BigDecimal.ZERO;
            }
            BigDecimal remaining = r.quantity.subtract(r.filled).max(BigDecimal.ZERO);
            BigDecimal price = r.limitPrice != null ? r.limitPrice
                    : r.stopPrice != null ? r.stopPrice : prices.price(r.account, r.instrument);
            return price == null ? BigDecimal.ZERO : remaining.multiply(price);
        }
        if (r.side == Side.SELL && currency.equals(r.instrument.base())) {
            if (r.quantity != null) {
                return r.quantity.subtract(r.filled).max(BigDecimal.ZERO);
            }
            BigDecimal price = prices.price(r.account, r.instrument);
            return r.filled.signum() != 0 || price == null || price.signum() == 0 ? BigDecimal.ZERO
                    : r.quoteQuantity.divide(price, MathContext.DECIMAL64);
        }
        return BigDecimal.ZERO;
    }
}
