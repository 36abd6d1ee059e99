package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A caller waits a bounded time for a dynamic service, and gets the one that arrives meanwhile. */
class ServiceHolderTest {

    private final ServiceHolder<String> holder = new ServiceHolder<>();

    @Test
    void aMissingServiceIsWaitedForNoLongerThanAsked() {
        long start = System.nanoTime();
        assertThat(holder.await(Duration.ofMillis(150))).isNull();
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(2));
        assertThat(holder.current()).isNull();
    }

    @Test
    void aServiceThatArrivesDuringTheWaitIsReturnedAtOnce() throws Exception {
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> holder.await(Duration.ofSeconds(10)));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        long start = System.nanoTime();
        holder.bind("signer-2");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("signer-2");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void unbindingAReplacedServiceKeepsTheReplacement() {
        holder.bind("old");
        holder.bind("new");
        holder.unbind("old");
        assertThat(holder.current()).isEqualTo("new");
        holder.unbind("new");
        assertThat(holder.current()).isNull();
    }

    @Test
    void anInterruptedWaitReturnsNothingAndKeepsTheFlag() throws Exception {
        CompletableFuture<Boolean> flag = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            String s = holder.await(Duration.ofSeconds(10));
            flag.complete(s == null && Thread.currentThread().isInterrupted());
        });
        t.start();
        assertThat(flag.get(5, TimeUnit.SECONDS)).isTrue();
        t.join(5_000);
    }
}
