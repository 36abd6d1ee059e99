package io.cambist.admin.internal.backtest;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A backtest as the API shows it (and as {@code status.json} stores it).
 *
 * @param id         its id
 * @param state      QUEUED, RUNNING, DONE or FAILED
 * @param strategy   strategy type
 * @param instrument instrument
 * @param market     the candle file, or {@code synthetic}
 * @param createdAt  when it was submitted, epoch ms
 * @param startedAt  when it started, or null
 * @param finishedAt when it ended, or null
 * @param progress   candles replayed so far
 * @param error      why it FAILED, or null
 * @param summary    headline results once DONE, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestStatus(String id, String state, String strategy, String instrument, String market, long createdAt,
        Long startedAt, Long finishedAt, Progress progress, String error, Summary summary) {

    /**
     * Progress of a run.
     *
     * @param done    candles replayed
     * @param total   candles in the run, or -1 when unknown
     * @param percent done / total in percent, or null when unknown
     */
    public record Progress(long done, long total, BigDecimal percent) {
    }

    /**
     * Headline results.
     *
     * @param candles     candles replayed
     * @param finalEquity final equity, quote currency
     * @param totalReturn final / starting equity - 1
     * @param maxDrawdown largest fall from a peak, fraction
     * @param trades      fills
     * @param fees        fees paid, quote currency
     * @param failure     the strategy's failure during the run, or null
     */
    public record Summary(long candles, BigDecimal finalEquity, BigDecimal totalReturn, BigDecimal maxDrawdown, int trades,
            BigDecimal fees, String failure) {
    }

    /** True while it may still change. */
    public boolean active() {
        return state.equals(BacktestJobs.QUEUED) || state.equals(BacktestJobs.RUNNING);
    }
}
