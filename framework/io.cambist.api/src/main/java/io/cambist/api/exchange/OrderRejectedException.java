package io.cambist.api.exchange;

/** The venue rejected an order (Binance -2010, Kraken {@code EOrder:...}). */
public class OrderRejectedException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public OrderRejectedException(String message, String venueCode) {
        super(message, venueCode);
    }
}
