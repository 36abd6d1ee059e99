package io.cambist.exchange.kraken.internal.dto;

/**
 * The {@code descr} of an order: what Kraken understood.
 *
 * @param pair      the pair's altname, e.g. {@code ETHXBT}
 * @param type      {@code buy} or {@code sell}
 * @param ordertype {@code limit}, {@code market}, {@code stop-loss}, ...
 * @param price     primary price (limit price of a limit order)
 * @param price2    secondary price
 * @param leverage  {@code none} for spot
 * @param order     human-readable order, e.g. {@code buy 1.25000000 ETHXBT @ limit 0.05000}
 * @param close     conditional close order, or empty
 */
public record KrakenOrderDescr(String pair, String type, String ordertype, String price, String price2,
        String leverage, String order, String close) {
}
