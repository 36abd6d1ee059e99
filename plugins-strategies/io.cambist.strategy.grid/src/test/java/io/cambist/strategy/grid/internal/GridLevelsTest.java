package io.cambist.strategy.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.strategy.Parameters;

class GridLevelsTest {

    private static GridSettings settings(String lower, String upper, int levels, String spacing) {
        return GridSettings.from(Parameters.of(Map.of("lower", lower, "upper", upper, "levels", Integer.toString(levels),
                "spacing", spacing, "orderSize", "1")));
    }

    @Test
    void arithmeticLevelsHaveEqualSteps() {
        BigDecimal[] p = GridLevels.prices(settings("100", "200", 5, "arithmetic"), new BigDecimal("0.01"));
        assertThat(p).extracting(BigDecimal::toPlainString).containsExactly("100", "125", "150", "175", "200");
    }

    @Test
    void geometricLevelsHaveEqualRatios() {
        BigDecimal[] p = GridLevels.prices(settings("100", "1600", 5, "geometric"), BigDecimal.ZERO);
        assertThat(p).extracting(BigDecimal::toPlainString).containsExactly("100", "200", "400", "800", "1600");
        BigDecimal[] q = GridLevels.prices(settings("1", "2", 13, "GEOMETRIC"), new BigDecimal("0.0001"));
        // twelve equal semitone-like steps of 2^(1/12)
        assertThat(q[12]).isEqualByComparingTo("2");
        assertThat(q[6]).isEqualByComparingTo("1.4142");
        assertThat(q[1]).isEqualByComparingTo("1.0595");
    }

    @Test
    void boundsAreRoundedInwardsAndTheRestToTheNearestTick() {
        BigDecimal[] p = GridLevels.prices(settings("1.001", "1.999", 3, "arithmetic"), new BigDecimal("0.01"));
        assertThat(p).extracting(BigDecimal::toPlainString).containsExactly("1.01", "1.5", "1.99");
    }

    @Test
    void levelsCloserThanTheTickAreRefused() {
        assertThatThrownBy(() -> GridLevels.prices(settings("1", "1.02", 4, "arithmetic"), new BigDecimal("0.01")))
                .hasMessageContaining("closer than the tick size 0.01").hasMessageContaining("use fewer levels");
    }

    @Test
    void rootsAreExactToThirtyFourDigits() {
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal r = GridLevels.root(two, 12);
        assertThat(r.pow(12, GridLevels.MC).subtract(two).abs()).isLessThan(new BigDecimal("1e-30"));
        assertThat(GridLevels.root(new BigDecimal("1.5"), 1)).isEqualByComparingTo("1.5");
        assertThat(GridLevels.root(new BigDecimal("1e-40"), 2).round(new MathContext(10))).isEqualByComparingTo("1e-20");
    }
}
