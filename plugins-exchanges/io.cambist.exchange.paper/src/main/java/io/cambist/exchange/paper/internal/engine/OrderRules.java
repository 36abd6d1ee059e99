package io.cambist.exchange.paper.internal.engine;

import java.math.BigDecimal;
import java.util.Optional;

import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.OrderRequest;

/** Checks a new order against the instrument's rules before the engine accepts it. */
final class OrderRules {

    private OrderRules() {
    }

    /**
     * @param lastPrice the reference price for a market order's notional, or {@code null}
     * @return the time in force the order runs with (a GTC market order is immediate-or-cancel)
     * @throws InvalidOrderException naming the rule the order breaks
     */
    static TimeInForce check(String account, InstrumentSpec spec, OrderRequest r, BigDecimal lastPrice) {
        if (!r.instrument().equals(spec.instrument())) {
            throw new InvalidOrderException("instrument " + r.instrument() + " is not traded on paper account '" + account
                    + "': it trades " + spec.instrument());
        }
        TimeInForce tif = r.timeInForce();
        OrderType type = r.type();
        if (tif == TimeInForce.POST_ONLY && type != OrderType.LIMIT) {
            throw new InvalidOrderException("time in force POST_ONLY is only valid for LIMIT orders, not " + type);
        }
        if (type == OrderType.MARKET && tif == TimeInForce.GTC) {
            tif = TimeInForce.IOC;
        }
        Optional<String> violation;
        switch (type) {
            case LIMIT:
                violation = spec.violation(r.limitPrice(), r.quantity());
                break;
            case STOP_LIMIT:
                violation = spec.violation(r.limitPrice(), r.quantity()).or(() -> spec.violation(r.stopPrice(), null));
                break;
            case STOP_MARKET:
                violation = spec.violation(r.stopPrice(), r.quantity());
                break;
            default:
                violation = spec.violation(r.quantity() == null ? null : lastPrice, r.quantity());
                if (violation.isEmpty() && r.quoteQuantity() != null && spec.minNotional().signum() > 0
                        && r.quoteQuantity().compareTo(spec.minNotional()) < 0) {
                    violation = Optional.of("quote amount " + Funds.plain(r.quoteQuantity()) + " below MIN_NOTIONAL "
                            + Funds.plain(spec.minNotional()) + " for " + spec.venueSymbol());
                }
        }
        if (violation.isPresent()) {
            throw new InvalidOrderException(violation.get());
        }
        return tif;
    }
}
