package io.cambist.admin.internal;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;

import io.cambist.admin.internal.auth.AuditFilter;
import io.cambist.admin.internal.auth.SignatureFilter;
import io.cambist.admin.internal.backtest.BacktestJobs;
import io.cambist.admin.internal.backtest.BacktestsResource;
import io.cambist.admin.internal.platform.BundlesResource;
import io.cambist.admin.internal.platform.ConfigurationStore;
import io.cambist.admin.internal.platform.ConfigurationsResource;
import io.cambist.admin.internal.platform.HealthResource;
import io.cambist.admin.internal.platform.OcdLookup;
import io.cambist.admin.internal.platform.ServicesResource;
import io.cambist.admin.internal.rest.ExchangeExceptionMapper;
import io.cambist.admin.internal.rest.IllegalArgumentMapper;
import io.cambist.admin.internal.rest.IllegalStateMapper;
import io.cambist.admin.internal.rest.JsonProvider;
import io.cambist.admin.internal.rest.LastResortMapper;
import io.cambist.admin.internal.rest.NoSuchElementMapper;
import io.cambist.admin.internal.rest.OpenApiResource;
import io.cambist.admin.internal.rest.WebApplicationMapper;
import io.cambist.admin.internal.security.AuditResource;
import io.cambist.admin.internal.security.KeysResource;
import io.cambist.admin.internal.security.NoncesResource;
import io.cambist.admin.internal.services.Services;
import io.cambist.admin.internal.trading.BalancesResource;
import io.cambist.admin.internal.trading.ExchangesResource;
import io.cambist.admin.internal.trading.HaltResource;
import io.cambist.admin.internal.trading.OrdersResource;
import io.cambist.admin.internal.trading.PositionsResource;
import io.cambist.admin.internal.trading.StrategiesResource;
import io.cambist.admin.internal.trading.StrategyType;
import io.cambist.admin.internal.trading.StrategyTypesResource;

/** Builds the one application's resources and providers from its collaborators; no OSGi lifecycle here, so tests build it too. */
public final class AdminApi {

    /**
     * What the application is made from.
     *
     * @param context       the bundle context (bundles, services)
     * @param services      the tracked API services
     * @param settings      the current settings
     * @param backtests     the directory backtests are stored in
     * @param home          the distribution directory (relative candle paths), or {@code null}
     * @param uptimeMillis  the container's uptime
     * @param strategyTypes the registered strategy types
     * @param ocds          metatype lookup
     * @param clock         epoch milliseconds
     */
    public record Parts(BundleContext context, Services services, Supplier<AdminSettings> settings, Path backtests, Path home,
            LongSupplier uptimeMillis, Supplier<List<StrategyType>> strategyTypes, OcdLookup ocds, LongSupplier clock) {
    }

    private AdminApi() {
    }

    /** Every singleton of the application: providers first, then resources. */
    public static Set<Object> singletons(Parts p) {
        Services s = p.services();
        ConfigurationStore configurations = new ConfigurationStore(s.configAdmin(), p.ocds());
        BacktestJobs jobs = new BacktestJobs(p.backtests(), s.backtests(), s.scheduler(),
                () -> p.settings().get().maxBacktests(), p.clock());
        Set<Object> all = new LinkedHashSet<>();
        all.add(new JsonProvider());
        all.add(new SignatureFilter(s.verifier(), p.settings()));
        all.add(new AuditFilter(s.auditLog()));
        all.add(new WebApplicationMapper());
        all.add(new IllegalArgumentMapper());
        all.add(new NoSuchElementMapper());
        all.add(new IllegalStateMapper());
        all.add(new ExchangeExceptionMapper());
        all.add(new LastResortMapper());

        all.add(new HealthResource(p.context(), p.uptimeMillis()));
        all.add(new BundlesResource(p.context(), p.settings()));
        all.add(new ServicesResource(p.context(), p.ocds()));
        all.add(new ConfigurationsResource(configurations));
        all.add(new KeysResource(s.keyRing()));
        all.add(new AuditResource(s.auditLog()));
        all.add(new NoncesResource(s.nonceStores()));
        StrategiesResource strategies = new StrategiesResource(s.runner(), configurations, p.strategyTypes(),
                () -> p.settings().get().stateWaitMillis());
        all.add(strategies);
        all.add(new StrategyTypesResource(p.strategyTypes()));
        all.add(new HaltResource(s.runner(), strategies));
        all.add(new OrdersResource(s.orders()));
        all.add(new PositionsResource(s.portfolio()));
        all.add(new BalancesResource(s.portfolio()));
        all.add(new ExchangesResource(s.exchanges()));
        all.add(new BacktestsResource(jobs, p.strategyTypes(), p.home()));
        all.add(new OpenApiResource());
        return all;
    }
}
