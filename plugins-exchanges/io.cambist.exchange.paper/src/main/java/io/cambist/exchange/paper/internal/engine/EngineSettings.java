package io.cambist.exchange.paper.internal.engine;

import java.math.BigDecimal;
import java.util.Objects;

import io.cambist.api.model.InstrumentSpec;

/**
 * How a matching engine trades.
 *
 * @param account     the venue account it reports
 * @param spec        the one instrument it trades and its rules
 * @param makerFee    fee rate for fills at the order's own limit after it rested
 * @param takerFee    fee rate for market orders, triggered stops and limits filled at the open
 * @param volumeLimit the share of a candle's volume that orders may fill in that candle (e.g. {@code 0.1}), or 0 for no
 *                    limit
 * @param idPrefix    prefix of venue order ids and trade ids (distinguishes incarnations of a persistent account)
 */
public record EngineSettings(String account, InstrumentSpec spec, BigDecimal makerFee, BigDecimal takerFee,
        BigDecimal volumeLimit, String idPrefix) {

    public EngineSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(spec, "spec");
        makerFee = makerFee == null ? BigDecimal.ZERO : makerFee;
        takerFee = takerFee == null ? BigDecimal.ZERO : takerFee;
        volumeLimit = volumeLimit == null ? BigDecimal.ZERO : volumeLimit;
        idPrefix = idPrefix == null ? "" : idPrefix;
        rate("maker fee", makerFee);
        rate("taker fee", takerFee);
        if (volumeLimit.signum() < 0 || volumeLimit.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("volume limit " + volumeLimit.toPlainString()
                    + " must be between 0 (no limit) and 1 (the whole candle volume)");
        }
    }

    private static void rate(String what, BigDecimal v) {
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(what + " " + v.toPlainString()
                    + " must be a rate from 0 up to (not including) 1, e.g. 0.001 for 0.1 %");
        }
    }
}
