package io.cambist.exchange.paper.internal.store;

import io.cambist.api.model.Instrument;

/**
 * What a stored paper account was created with.
 *
 * @param account        account id
 * @param instrument     the instrument it trades
 * @param idPrefix       prefix of its venue order ids and trade ids, unique per creation of the account
 * @param fingerprint    the market source it replays (to notice a reconfigured source)
 * @param syntheticStart open time of the first candle of its synthetic market, epoch milliseconds
 */
public record AccountHeader(String account, Instrument instrument, String idPrefix, String fingerprint,
        long syntheticStart) {
}
