package io.cambist.api.strategy;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;

/**
 * An external trading signal (TradingView alert, AI agent, any system that can POST JSON), already authenticated and
 * checked for replay by the time a strategy sees it.
 *
 * @param id            the sender's unique alert id (claimed in the nonce store)
 * @param time          when the sender created it, epoch milliseconds
 * @param action        buy, sell or close
 * @param instrument    the instrument
 * @param size          base quantity, or {@code null}
 * @param sizeQuote     quote amount, or {@code null}
 * @param price         limit price, or {@code null} for a market order
 * @param clientOrderId the id the order for this signal must use (returned to the sender), or {@code null}
 * @param source        who sent it: {@code webhook:<key>}, {@code file}, ...
 */
public record Signal(String id, long time, SignalAction action, Instrument instrument, BigDecimal size,
        BigDecimal sizeQuote, BigDecimal price, ClientOrderId clientOrderId, String source) {

    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(instrument, "instrument");
        if (size != null && size.signum() <= 0) {
            throw new IllegalArgumentException("size " + size.toPlainString() + " must be positive");
        }
        if (sizeQuote != null && sizeQuote.signum() <= 0) {
            throw new IllegalArgumentException("sizeQuote " + sizeQuote.toPlainString() + " must be positive");
        }
        if (size != null && sizeQuote != null) {
            throw new IllegalArgumentException("give size or sizeQuote, not both");
        }
        if (price != null && price.signum() <= 0) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " must be positive");
        }
    }
}
