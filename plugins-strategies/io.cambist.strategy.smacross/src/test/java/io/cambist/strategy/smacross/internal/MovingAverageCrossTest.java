package io.cambist.strategy.smacross.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Exact averages and crossings, checked against a direct BigDecimal computation. */
class MovingAverageCrossTest {

    private static List<Integer> signals(MovingAverageCross cross, String... closes) {
        List<Integer> out = new ArrayList<>();
        for (String c : closes) {
            out.add(cross.add(new BigDecimal(c)));
        }
        return out;
    }

    @Test
    void crossingsNeedBothAveragesAtThePreviousCloseAndTouchingCounts() {
        // fast 2, slow 3: defined from the third close; the first relation known there is fast == slow
        assertThat(signals(new MovingAverageCross(2, 3), "1", "1", "1", "2", "2", "1", "0.5"))
                .containsExactly(0, 0, 0, 1, 0, -1, 0);
        // a cross that happens at the first defined close is not a cross: nothing is known about the close before
        assertThat(signals(new MovingAverageCross(2, 3), "1", "2", "3", "0.5")).containsExactly(0, 0, 0, -1);
        // fast touching slow and going back up is a new cross up
        assertThat(signals(new MovingAverageCross(1, 2), "1", "2", "2", "3")).containsExactly(0, 0, 0, 1);
    }

    @Test
    void productsAreComparedExactlyBeyondSixtyFourBits() {
        long big = Long.MAX_VALUE / 3;
        assertThat(MovingAverageCross.compareProducts(big, 30, big - 1, 30)).isEqualTo(1);
        assertThat(MovingAverageCross.compareProducts(big, 29, big, 30)).isEqualTo(-1);
        assertThat(MovingAverageCross.compareProducts(big * 2, 15, big, 30)).isZero();
        assertThat(MovingAverageCross.compareProducts(-5, 3, 2, -7)).isEqualTo(BigInteger.valueOf(-15)
                .compareTo(BigInteger.valueOf(-14)));
    }

    @Test
    void randomClosesOfMixedPrecisionGiveTheSameCrossingsAsDirectSums() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] periods : new int[][] {{3, 7}, {10, 30}, {1, 2}}) {
            MovingAverageCross cross = new MovingAverageCross(periods[0], periods[1]);
            List<BigDecimal> closes = new ArrayList<>();
            int previous = MovingAverageCross.UNDEFINED;
            for (int i = 0; i < 3000; i++) {
                // a coarse walk so that averages are often exactly equal, with 2 to 12 decimals
                BigDecimal c = BigDecimal.valueOf(100 + random.nextInt(5), random.nextInt(3))
                        .add(BigDecimal.valueOf(random.nextInt(3), 2 + random.nextInt(11)));
                closes.add(c);
                int expected = 0;
                if (closes.size() >= periods[1]) {
                    int now = reference(closes, periods[0]).multiply(BigDecimal.valueOf(periods[1]))
                            .compareTo(reference(closes, periods[1]).multiply(BigDecimal.valueOf(periods[0])));
                    if (previous != MovingAverageCross.UNDEFINED) {
                        expected = previous <= 0 && now > 0 ? 1 : previous >= 0 && now < 0 ? -1 : 0;
                    }
                    previous = now;
                }
                assertThat(cross.add(c)).as("close %d", i).isEqualTo(expected);
            }
            assertThat(cross.exact()).isTrue();
        }
    }

    @Test
    void closesTooPreciseForLongsSwitchToBigDecimalWithoutChangingTheAnswer() {
        MovingAverageCross cross = new MovingAverageCross(1, 2);
        assertThat(signals(cross, "1", "1.5", "1.2")).containsExactly(0, 0, -1);
        assertThat(cross.exact()).isTrue();
        assertThat(cross.add(new BigDecimal("1.2000000000000000000001"))).isEqualTo(1);
        assertThat(cross.exact()).isFalse();
        assertThat(signals(cross, "1.2", "1.3")).containsExactly(-1, 1);
        assertThat(cross.sum(2)).isEqualByComparingTo("2.5");
    }

    @Test
    void theWindowHoldsTheLastSlowClosesOldestFirst() {
        MovingAverageCross cross = new MovingAverageCross(2, 3);
        signals(cross, "1", "2", "3", "4", "5");
        assertThat(cross.window()).extracting(BigDecimal::toPlainString).containsExactly("3", "4", "5");
        assertThat(cross.sum(2)).isEqualByComparingTo("9");
        assertThat(cross.defined()).isTrue();
    }

    private static BigDecimal reference(List<BigDecimal> closes, int n) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = closes.size() - n; i < closes.size(); i++) {
            s = s.add(closes.get(i));
        }
        return s;
    }
}
