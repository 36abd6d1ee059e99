package io.cambist.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.order.OrderService;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.launcher.Cambist;

/**
 * The whole product embedded in a host process through the Java API (as an enterprise would run it), with the host's
 * copy of io.cambist.api shared with every bundle, so services are typed.
 */
class EmbeddingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theProductRunsInsideTheHostWithTypedServices() throws Exception {
        Path dist = CambistOptions.distribution();
        Path home = dir.resolve("home");
        CambistOptions.copyDir(dist.resolve("etc"), home.resolve("etc"));
        CambistOptions.copyDir(dist.resolve("deploy"), home.resolve("deploy"));

        Cambist cambist = Cambist.builder().home(home).bundles(dist.resolve("bundles")).dataDir(home.resolve("data"))
                .port(0).exportApi(true).start();
        try (cambist) {
            assertThat(cambist.adminUri()).hasValueSatisfying(uri -> assertThat(uri.getPort()).isPositive());
            assertThat(cambist.awaitAdmin(WAIT)).as("GET /api/v1/health answers").isTrue();
            assertThat(Arrays.stream(cambist.bundleContext().getBundles()).map(b -> b.getSymbolicName()))
                    .as("the host provides the API").doesNotContain("io.cambist.api").contains("io.cambist.core");

            OrderService orders = cambist.service(OrderService.class, WAIT);
            ClientOrderId id = orders.newClientOrderId();
            assertThat(id.value()).isNotBlank();

            StrategyRunner runner = cambist.service(StrategyRunner.class, WAIT);
            assertThat(awaitTypes(runner)).contains("smacross");
        }
        assertThat(cambist.isRunning()).isFalse();
    }

    /** Strategy types register as their bundles start (level 6): wait for them. */
    private static List<String> awaitTypes(StrategyRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> types = runner.types();
        while (types.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            types = runner.types();
        }
        return types;
    }
}
