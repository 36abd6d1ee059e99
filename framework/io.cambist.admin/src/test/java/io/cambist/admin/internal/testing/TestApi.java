package io.cambist.admin.internal.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

import io.cambist.admin.internal.AdminApi;
import io.cambist.admin.internal.AdminSettings;
import io.cambist.admin.internal.platform.OcdLookup;
import io.cambist.admin.internal.services.Services;
import io.cambist.admin.internal.trading.StrategyType;
import io.cambist.api.backtest.BacktestService;
import io.cambist.api.exchange.ExchangeRegistry;
import io.cambist.api.order.OrderService;
import io.cambist.api.portfolio.Portfolio;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.RequestVerifier;
import io.cambist.api.strategy.StrategyRunner;

/**
 * The whole admin application with fake services, in memory, signed with the key {@code admin}. Tests set the fakes
 * they need before the first request.
 */
public final class TestApi {

    public static final String SECRET = "test-admin-secret";

    public final FakeVerifier verifier = FakeVerifier.admin(SECRET);
    public final FakeSource<RequestVerifier> verifierSource = new FakeSource<RequestVerifier>("request verifier",
            "the io.cambist.security.hmac bundle").set(verifier);
    public final FakeSource<KeyRing> keyRing = new FakeSource<>("key ring", "the io.cambist.security.vault bundle");
    public final FakeSource<AuditLog> auditLog = new FakeSource<>("audit log", "the io.cambist.security.vault bundle");
    public final FakeSource<NonceStore> nonceStores = new FakeSource<>("nonce store", "the io.cambist.security.nonce bundle");
    public final FakeSource<StrategyRunner> runner = new FakeSource<>("strategy runner", "the io.cambist.core bundle");
    public final FakeSource<OrderService> orders = new FakeSource<>("order service", "the io.cambist.core bundle");
    public final FakeSource<Portfolio> portfolio = new FakeSource<>("portfolio", "the io.cambist.core bundle");
    public final FakeSource<ExchangeRegistry> exchanges = new FakeSource<>("exchange registry", "the io.cambist.core bundle");
    public final FakeSource<BacktestService> backtests = new FakeSource<>("backtest service", "the io.cambist.core bundle");
    public final FakeSource<ScheduledExecutorService> scheduler = new FakeSource<>("framework scheduler",
            "the io.cambist.core bundle");
    public final FakeSource<ConfigurationAdmin> configAdmin = new FakeSource<>("configuration admin",
            "the org.apache.felix.configadmin bundle");
    public final FakeSource<MetaTypeService> metaType = new FakeSource<>("metatype service",
            "the org.apache.felix.metatype bundle");
    public final AtomicReference<AdminSettings> settings = new AtomicReference<>(new AdminSettings(1 << 20, 64 << 20, 200, 300,
            2, 5));
    public final List<StrategyType> strategyTypes = new ArrayList<>();
    public OcdLookup ocds = OcdLookup.NONE;
    public BundleContext context;
    public Path backtestDir;
    public Path home;
    public long now = 1_767_225_600_000L;

    private InMemoryApi api;

    /** The application (built on first use), signing with the admin key. */
    public InMemoryApi api() {
        if (api == null) {
            Services services = new Services(verifierSource, keyRing, auditLog, nonceStores, runner, orders, portfolio,
                    exchanges, backtests, scheduler, configAdmin, metaType);
            Path dir = backtestDir != null ? backtestDir
                    : Path.of(System.getProperty("java.io.tmpdir"), "backtests-" + System.nanoTime());
            api = new InMemoryApi(AdminApi.singletons(new AdminApi.Parts(context, services, settings::get, dir, home,
                    () -> 1234L, () -> List.copyOf(strategyTypes), (pid, factoryPid) -> ocds.find(pid, factoryPid),
                    () -> now))).signWith(CambistSigning.signer("admin", SECRET));
        }
        return api;
    }
}
