package io.cambist.strategy.signal.internal;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;

import io.cambist.api.order.OrderService;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.RequestVerifier;
import io.cambist.api.strategy.StrategyRunner;
import jakarta.ws.rs.core.Application;

/**
 * The signal webhook as its own Jakarta REST whiteboard application at {@value WebhookConstants#BASE}, outside the
 * admin API and its authentication: each bot's configuration says how alerts for it authenticate. The services it
 * needs are dynamic references, so their coming and going never re-registers (and reloads) the application; while
 * one is missing, alerts are answered 503.
 */
@Component(service = Application.class, configurationPid = WebhookConstants.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {JakartarsWhiteboardConstants.JAKARTA_RS_APPLICATION_BASE + "=" + WebhookConstants.BASE,
            JakartarsWhiteboardConstants.JAKARTA_RS_NAME + "=" + WebhookConstants.APPLICATION_NAME},
        // only where a Jakarta REST whiteboard runs: elsewhere (an embedded backtest) the component stays unsatisfied
        // and its class, which needs the optional Jakarta REST packages, is never loaded
        reference = @Reference(name = "whiteboard", service = JakartarsServiceRuntime.class))
@Designate(ocd = WebhookConfiguration.class)
public class WebhookApplication extends Application implements WebhookServices {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StrategyRunner runner;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrderService orders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile KeyRing keyRing;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RequestVerifier verifier;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NonceStore nonces;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    private volatile int maxBodyBytes = WebhookConstants.DEFAULT_MAX_BODY_BYTES;
    private volatile int serviceWaitMillis = WebhookConstants.DEFAULT_SERVICE_WAIT_MILLIS;
    private final AlertRateLimiter limiter = new AlertRateLimiter(WebhookConstants.DEFAULT_RATE_PER_MINUTE,
            WebhookConstants.DEFAULT_RATE_BURST);
    private final Set<Object> singletons;

    public WebhookApplication() {
        this.singletons = Set.of(new WebhookResource(new WebhookHandler(this, System::currentTimeMillis, limiter),
                () -> maxBodyBytes), new WebhookExceptionMapper());
    }

    @Activate
    @Modified
    void configure(WebhookConfiguration config) {
        maxBodyBytes = Math.max(256, Math.min(1 << 20, config.maxBodyBytes()));
        limiter.configure(Math.max(0, config.ratePerMinute()), Math.max(1, config.rateBurst()));
        serviceWaitMillis = Math.max(0, Math.min(60_000, config.serviceWaitMillis()));
    }

    @Override
    public long serviceWaitMillis() {
        return serviceWaitMillis;
    }

    /** Deprecated in Jakarta REST 3.1 in favour of CDI, which OSGi does not use; Jersey and the whiteboard support it. */
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        return singletons;
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true, "jersey.config.disableAutoDiscovery", true,
                "jersey.config.server.disableMetainfServicesLookup", true);
    }

    @Override
    public StrategyRunner runner() {
        return runner;
    }

    @Override
    public OrderService orders() {
        return orders;
    }

    @Override
    public KeyRing keyRing() {
        return keyRing;
    }

    @Override
    public RequestVerifier verifier() {
        return verifier;
    }

    @Override
    public NonceStore nonces() {
        return nonces;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }
}
