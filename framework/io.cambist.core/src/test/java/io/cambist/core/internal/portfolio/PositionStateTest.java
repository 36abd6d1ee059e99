package io.cambist.core.internal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Instrument;
import io.cambist.api.model.Side;
import io.cambist.api.portfolio.Position;

class PositionStateTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final long DAY = 86_400_000L;

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void averageEntryRealizedAndUnrealizedAfterFees() {
        PositionState p = new PositionState("paper", "demo", ETH_BTC);
        p.apply(Side.BUY, d("0.10"), d("2"), BigDecimal.ZERO, d("0.0002"), 1000);
        p.apply(Side.BUY, d("0.13"), d("1"), BigDecimal.ZERO, d("0.00013"), 2000);
        assertThat(p.core().quantity()).isEqualByComparingTo("3");
        assertThat(p.core().average()).isEqualByComparingTo("0.11");
        assertThat(p.core().realized()).isEqualByComparingTo("-0.00033");
        p.apply(Side.SELL, d("0.12"), d("1.5"), BigDecimal.ZERO, d("0.00018"), 3000);
        assertThat(p.core().quantity()).isEqualByComparingTo("1.5");
        assertThat(p.core().average()).isEqualByComparingTo("0.11");
        // (0.12 - 0.11) * 1.5 = 0.015, minus all fees 0.00051
        assertThat(p.core().realized()).isEqualByComparingTo("0.01449");
        assertThat(p.core().fees()).isEqualByComparingTo("0.00051");
        Position pos = p.toPosition(d("0.15"));
        assertThat(pos.unrealizedPnl()).isEqualByComparingTo("0.06");
        assertThat(pos.totalPnl()).isEqualByComparingTo("0.07449");
        p.apply(Side.SELL, d("0.09"), d("1.5"), BigDecimal.ZERO, BigDecimal.ZERO, 4000);
        assertThat(p.core().quantity().signum()).isZero();
        assertThat(p.core().average()).isNull();
        assertThat(p.core().realized()).isEqualByComparingTo("-0.01551");
    }

    @Test
    void realizedPlusUnrealizedEqualsTheChangeInEquity() {
        // equity = quote + base * last; start with 1 quote and nothing else
        PositionState p = new PositionState("a", null, ETH_BTC);
        BigDecimal quote = BigDecimal.ONE;
        BigDecimal base = BigDecimal.ZERO;
        String[][] fills = {{"BUY", "0.1", "3", "0.0003"}, {"SELL", "0.12", "1", "0.00012"}, {"BUY", "0.11", "2", "0.00022"},
            {"SELL", "0.095", "4", "0.00038"}, {"SELL", "0.1", "0.5", "0.00005"}, {"BUY", "0.09", "1", "0.00009"}};
        for (String[] f : fills) {
            Side side = Side.valueOf(f[0]);
            BigDecimal price = d(f[1]);
            BigDecimal qty = d(f[2]);
            BigDecimal fee = d(f[3]);
            p.apply(side, price, qty, BigDecimal.ZERO, fee, 0);
            BigDecimal notional = price.multiply(qty);
            quote = side == Side.BUY ? quote.subtract(notional).subtract(fee) : quote.add(notional).subtract(fee);
            base = side == Side.BUY ? base.add(qty) : base.subtract(qty);
            BigDecimal last = d("0.105");
            Position pos = p.toPosition(last);
            assertThat(pos.quantity()).isEqualByComparingTo(base);
            assertThat(pos.totalPnl()).isEqualByComparingTo(quote.add(base.multiply(last)).subtract(BigDecimal.ONE));
        }
    }

    @Test
    void aBaseCurrencyFeeReducesTheQuantityReceived() {
        PositionState p = new PositionState("a", null, ETH_BTC);
        p.apply(Side.BUY, d("0.1"), d("10"), d("0.01"), d("0.001"), 0);
        assertThat(p.core().quantity()).isEqualByComparingTo("9.99");
        assertThat(p.core().average()).isEqualByComparingTo("0.1");
        // equity change at 0.1: -1 BTC + 9.99 ETH * 0.1 = -0.001, all of it the fee
        assertThat(p.toPosition(d("0.1")).totalPnl()).isEqualByComparingTo("-0.001");
    }

    @Test
    void realizedTodayStartsAgainEachUtcDay() {
        PositionState p = new PositionState("a", "s", ETH_BTC);
        p.apply(Side.BUY, d("1"), d("1"), BigDecimal.ZERO, BigDecimal.ZERO, 10 * DAY + 100);
        p.apply(Side.SELL, d("0.9"), d("1"), BigDecimal.ZERO, BigDecimal.ZERO, 10 * DAY + 200);
        assertThat(p.realizedToday(10 * DAY + 300)).isEqualByComparingTo("-0.1");
        assertThat(p.realizedToday(11 * DAY)).isEqualByComparingTo("0");
        p.apply(Side.BUY, d("1"), d("1"), BigDecimal.ZERO, BigDecimal.ZERO, 11 * DAY + 1);
        p.apply(Side.SELL, d("1.05"), d("1"), BigDecimal.ZERO, BigDecimal.ZERO, 11 * DAY + 2);
        assertThat(p.realizedToday(11 * DAY + 3)).isEqualByComparingTo("0.05");
        assertThat(p.core().realized()).isEqualByComparingTo("-0.05");
    }

    @Test
    void sellingInventoryGoesShortAndBuyingBackRealizes() {
        PositionState p = new PositionState("a", "grid", ETH_BTC);
        p.apply(Side.SELL, d("0.12"), d("2"), BigDecimal.ZERO, BigDecimal.ZERO, 0);
        assertThat(p.core().quantity()).isEqualByComparingTo("-2");
        assertThat(p.core().average()).isEqualByComparingTo("0.12");
        p.apply(Side.BUY, d("0.10"), d("3"), BigDecimal.ZERO, BigDecimal.ZERO, 0);
        assertThat(p.core().realized()).isEqualByComparingTo("0.04");
        assertThat(p.core().quantity()).isEqualByComparingTo("1");
        assertThat(p.core().average()).isEqualByComparingTo("0.10");
    }
}
