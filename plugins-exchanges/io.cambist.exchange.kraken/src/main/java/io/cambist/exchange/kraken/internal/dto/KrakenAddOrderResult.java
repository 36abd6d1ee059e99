package io.cambist.exchange.kraken.internal.dto;

import java.util.List;

/**
 * The result of {@code POST /0/private/AddOrder}.
 *
 * @param descr what Kraken understood
 * @param txid  the order's transaction id(s), e.g. {@code ["OUF4EM-FRGI2-MQMWZD"]}
 */
public record KrakenAddOrderResult(KrakenOrderDescr descr, List<String> txid) {

    public KrakenAddOrderResult {
        txid = txid == null ? List.of() : List.copyOf(txid);
    }
}
