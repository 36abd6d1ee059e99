package io.cambist.api.exchange;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A venue whose market the caller drives: the backtest engine steps it one candle at a time on one thread, with the
 * simulated clock following the candles. Each step first matches resting orders against the new candle (emitting
 * execution reports), then publishes the candle, so a strategy acting at the close of candle <i>i</i> is filled from
 * candle <i>i+1</i> on.
 */
@ConsumerType
public interface SimulatedVenue extends ExchangeConnector {

    /**
     * Advances the market by one candle.
     *
     * @return false when the source is exhausted (nothing happened)
     */
    boolean step();

    /** The simulated time: the close time of the last published candle, or the start before the first. */
    long time();

    /** Number of candles published so far. */
    long published();

    /** Total candles in the source, or -1 when unknown or endless. */
    long size();
}
