package io.cambist.api.exchange;

/** The venue does not know the order (Binance -2013, -2011 unknown order; Kraken {@code EOrder:Unknown order}). */
public class OrderNotFoundException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public OrderNotFoundException(String message, String venueCode) {
        super(message, venueCode);
    }
}
