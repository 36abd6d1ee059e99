package io.cambist.core.internal.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.ClientOrderId;

class ClientOrderIdsTest {

    @Test
    void idsAreShortUniqueAndCarryTheirEpoch() {
        ClientOrderIds ids = new ClientOrderIds(1_700_000_000_000L);
        Set<ClientOrderId> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ClientOrderId id = ids.next();
            assertThat(id.value().length()).isLessThanOrEqualTo(18);
            assertThat(seen.add(id)).isTrue();
            assertThat(ClientOrderIds.epochOf(id)).isEqualTo(1_700_000_000_000L);
        }
        assertThat(ClientOrderIds.epochOf(ClientOrderId.of("foreign-id"))).isEqualTo(-1);
    }

    @Test
    void sameEpochGivesTheSameSequenceAndAnotherEpochNeverCollides() {
        ClientOrderIds a = new ClientOrderIds(1_515_560_100_000L);
        ClientOrderIds b = new ClientOrderIds(1_515_560_100_000L);
        ClientOrderIds c = new ClientOrderIds(1_515_560_100_001L);
        for (int i = 0; i < 1000; i++) {
            ClientOrderId x = a.next();
            assertThat(b.next()).isEqualTo(x);
            assertThat(c.next()).isNotEqualTo(x);
        }
        assertThat(new ClientOrderIds(2_000_000_000_000L).next().value()).isEqualTo("cbpiscd0jk1");
    }
}
