package io.cambist.admin.internal.services;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;

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
 * Every service the admin API talks to, each through its own {@link ServiceSource}, with the bundle that provides it
 * (named in the 503 when it is absent).
 */
public record Services(ServiceSource<RequestVerifier> verifier, ServiceSource<KeyRing> keyRing,
        ServiceSource<AuditLog> auditLog, ServiceSource<NonceStore> nonceStores, ServiceSource<StrategyRunner> runner,
        ServiceSource<OrderService> orders, ServiceSource<Portfolio> portfolio, ServiceSource<ExchangeRegistry> exchanges,
        ServiceSource<BacktestService> backtests, ServiceSource<ScheduledExecutorService> scheduler,
        ServiceSource<ConfigurationAdmin> configAdmin, ServiceSource<MetaTypeService> metaType) {

    static final String HMAC = "the io.cambist.security.hmac bundle";
    static final String VAULT = "the io.cambist.security.vault bundle";
    static final String NONCE = "the io.cambist.security.nonce bundle";
    static final String CORE = "the io.cambist.core bundle";

    /** Opens a tracker for each service (returns at once; nothing waits). */
    public static Services track(BundleContext context, List<AutoCloseable> toClose) {
        return new Services(
                open(context, RequestVerifier.class, "request verifier", HMAC, toClose),
                open(context, KeyRing.class, "key ring", VAULT, toClose),
                open(context, AuditLog.class, "audit log", VAULT, toClose),
                open(context, NonceStore.class, "nonce store", NONCE, toClose),
                open(context, StrategyRunner.class, "strategy runner", CORE, toClose),
                open(context, OrderService.class, "order service", CORE, toClose),
                open(context, Portfolio.class, "portfolio", CORE, toClose),
                open(context, ExchangeRegistry.class, "exchange registry", CORE, toClose),
                open(context, BacktestService.class, "backtest service", CORE, toClose),
                open(context, ScheduledExecutorService.class, "framework scheduler", CORE, toClose),
                open(context, ConfigurationAdmin.class, "configuration admin", "the org.apache.felix.configadmin bundle", toClose),
                open(context, MetaTypeService.class, "metatype service", "the org.apache.felix.metatype bundle", toClose));
    }

    private static <T> ServiceSource<T> open(BundleContext context, Class<T> type, String name, String provider,
            List<AutoCloseable> toClose) {
        TrackedService<T> tracked = new TrackedService<>(context, type, name, provider).open();
        toClose.add(tracked);
        return tracked;
    }

    /** A list to collect trackers in. */
    public static List<AutoCloseable> closeables() {
        return new ArrayList<>();
    }
}
