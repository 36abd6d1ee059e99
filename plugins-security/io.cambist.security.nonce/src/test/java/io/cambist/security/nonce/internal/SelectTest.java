package io.cambist.security.nonce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SelectTest {

    @Test
    void findsTheSameOrderStatisticAsSorting() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(300);
            long[] values = new long[n + 5];
            for (int i = 0; i < values.length; i++) {
                // few distinct values (timestamps share milliseconds), sometimes sorted input
                values[i] = round % 3 == 0 ? i / 4 : random.nextInt(round % 2 == 0 ? 10 : 1_000_000);
            }
            long[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            int k = 1 + random.nextInt(n);
            assertThat(Select.kthSmallest(values, n, k)).as("round %d, k %d of %d", round, k, n)
                    .isEqualTo(sorted[k - 1]);
        }
    }
}
