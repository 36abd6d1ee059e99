package io.cambist.api.exchange;

/**
 * An order was refused before it was sent because it breaks the instrument's rules or the venue's capabilities; the
 * message names the rule, e.g. {@code quantity 0.00001 below LOT_SIZE minimum 0.001 for BTCUSDT}.
 */
public class InvalidOrderException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String message) {
        super(message);
    }
}
