package io.cambist.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SharedSchedulerTest {

    @Test
    void pluginsCanScheduleButNotShutDownTheCoresScheduler() throws Exception {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1);
        try {
            SharedScheduler shared = new SharedScheduler(pool);
            assertThat(shared.schedule(() -> 42, 10, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(shared.submit(() -> "ok").get(5, TimeUnit.SECONDS)).isEqualTo("ok");
            assertThatThrownBy(shared::shutdown).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("cancel your own tasks");
            assertThatThrownBy(shared::shutdownNow).isInstanceOf(UnsupportedOperationException.class);
            assertThat(pool.isShutdown()).isFalse();
            assertThat(SharedScheduler.fallback().schedule(() -> 1, 1, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
