package io.cambist.api.exchange;

/** The venue refused the credentials or the signature (Binance -1022, -2014, -2015; Kraken {@code EAPI:Invalid key}). */
public class AuthenticationException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message, String venueCode) {
        super(message, venueCode);
    }
}
