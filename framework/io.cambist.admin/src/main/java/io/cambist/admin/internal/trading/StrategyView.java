package io.cambist.admin.internal.trading;

import java.math.BigDecimal;
import java.util.Map;

import io.cambist.admin.internal.platform.Secrets;
import io.cambist.api.model.Instrument;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategyStatus;
import io.cambist.api.strategy.TradingMode;

/**
 * A strategy instance as the API shows it: its state, parameters (secret-looking ones masked), position and P&amp;L.
 *
 * @param id               instance id
 * @param type             strategy type
 * @param configurationPid the configuration it comes from
 * @param account          venue account
 * @param instrument       instrument
 * @param mode             BACKTEST, PAPER or LIVE
 * @param state            CREATED, RUNNING, PAUSED, HALTED, FAILED or STOPPED
 * @param reason           why it is FAILED, HALTED or waiting
 * @param parameters       its parameters
 * @param position         the position it holds
 * @param pnl              realized, unrealized and total P&amp;L and fees, quote currency
 * @param openOrders       open orders
 * @param queued           events waiting
 * @param queueCapacity    queue capacity
 * @param queueFull        true while events are refused for a full queue
 * @param dropped          events refused for a full queue
 * @param processed        events delivered
 * @param since            when it entered its state, epoch milliseconds
 * @param saved            the strategy's own figures from its last saved state (e.g. a grid's {@code cycles} and
 *                         {@code profit}), secret-looking keys masked; empty before the first save
 */
public record StrategyView(String id, String type, String configurationPid, String account, Instrument instrument,
        TradingMode mode, StrategyState state, String reason, Map<String, Object> parameters, Position position, Pnl pnl,
        int openOrders, int queued, int queueCapacity, boolean queueFull, long dropped, long processed, long since,
        Map<String, Object> saved) {

    /**
     * Profit and loss of an instance, in the quote currency.
     *
     * @param realized   closed P&amp;L after fees
     * @param unrealized open P&amp;L at the last price
     * @param total      realized + unrealized
     * @param fees       fees paid
     */
    public record Pnl(BigDecimal realized, BigDecimal unrealized, BigDecimal total, BigDecimal fees) {
    }

    /** The view of a runner's status, with secret-looking parameters masked. */
    public static StrategyView of(StrategyStatus s) {
        return of(s, java.util.Set.of(), Map.of());
    }

    /**
     * The view of a runner's status and the instance's saved state, with secret-looking parameters and the named ones
     * (PASSWORD attributes) masked.
     */
    public static StrategyView of(StrategyStatus s, java.util.Set<String> passwords, Map<String, String> saved) {
        Position p = s.position();
        Pnl pnl = p == null ? new Pnl(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)
                : new Pnl(p.realizedPnl(), p.unrealizedPnl(), p.totalPnl(), p.fees());
        return new StrategyView(s.id(), s.type(), s.configurationPid(), s.account(), s.instrument(), s.mode(), s.state(),
                s.reason(), Secrets.masked(s.parameters(), passwords), p, pnl, s.openOrders(), s.queued(), s.queueCapacity(),
                s.queueFull(), s.dropped(), s.processed(), s.since(), Secrets.masked(saved, passwords));
    }
}
