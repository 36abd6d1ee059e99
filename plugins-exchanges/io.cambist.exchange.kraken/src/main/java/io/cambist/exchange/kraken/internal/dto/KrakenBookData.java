package io.cambist.exchange.kraken.internal.dto;

import java.util.List;

/**
 * One entry of a WebSocket v2 {@code book} snapshot or update.
 *
 * @param symbol    v2 symbol
 * @param bids      changed (update) or all (snapshot) bid levels, in the order to apply
 * @param asks      changed (update) or all (snapshot) ask levels, in the order to apply
 * @param checksum  CRC32 of the top 10 levels after this message, unsigned
 * @param timestamp RFC 3339 time of the update (updates only)
 */
public record KrakenBookData(String symbol, List<KrakenBookLevel> bids, List<KrakenBookLevel> asks, Long checksum,
        String timestamp) {

    public KrakenBookData {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }
}
