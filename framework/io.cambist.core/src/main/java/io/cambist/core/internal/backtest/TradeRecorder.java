package io.cambist.core.internal.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.backtest.BacktestTrade;
import io.cambist.api.model.Side;
import io.cambist.api.order.Fill;
import io.cambist.core.internal.portfolio.FillListener;
import io.cambist.core.internal.portfolio.PositionState;

/**
 * Collects a backtest's fills and its round trips: a round trip starts when the instance's position leaves zero and
 * ends when it is back at zero; it wins when the cash it made (sells − buys − fees) is positive.
 */
final class TradeRecorder implements FillListener {

    private final List<BacktestTrade> trades = new ArrayList<>();
    private PositionState position;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal tripCash = BigDecimal.ZERO;
    private boolean inTrip;
    private int roundTrips;
    private int wins;

    /** The position whose round trips count. */
    void watch(PositionState state) {
        this.position = state;
    }

    @Override
    public void onFill(String account, String strategyId, Fill fill, BigDecimal quoteFee, String tag) {
        trades.add(new BacktestTrade(fill.time(), fill.side(), fill.price(), fill.quantity(), quoteFee, tag));
        fees = fees.add(quoteFee);
        if (position == null || strategyId == null || !strategyId.equals(position.strategyId())) {
            return;
        }
        BigDecimal notional = fill.price().multiply(fill.quantity());
        BigDecimal cash = (fill.side() == Side.SELL ? notional : notional.negate()).subtract(quoteFee);
        inTrip = true;
        tripCash = tripCash.add(cash);
        if (position.core().quantity().signum() == 0) {
            roundTrips++;
            if (tripCash.signum() > 0) {
                wins++;
            }
            tripCash = BigDecimal.ZERO;
            inTrip = false;
        }
    }

    List<BacktestTrade> trades() {
        return trades;
    }

    BigDecimal fees() {
        return fees;
    }

    int roundTrips() {
        return roundTrips;
    }

    int wins() {
        return wins;
    }

    boolean inTrip() {
        return inTrip;
    }
}
