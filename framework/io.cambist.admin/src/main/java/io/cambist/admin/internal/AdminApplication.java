package io.cambist.admin.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.platform.MetaTypeLookup;
import io.cambist.admin.internal.services.Services;
import io.cambist.admin.internal.trading.StrategyType;
import jakarta.ws.rs.core.Application;

/**
 * The admin API: one Jakarta REST whiteboard application at {@value AdminConstants#BASE} holding every resource and
 * provider, so Jersey loads it once at start-up. The services behind the resources are tracked, not referenced, so
 * their coming and going never re-registers (and reloads) the application.
 */
@Component(service = Application.class, configurationPid = AdminConstants.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AdminConfiguration.class)
@JakartarsApplicationBase(AdminConstants.BASE)
@JakartarsName(AdminConstants.APPLICATION_NAME)
public class AdminApplication extends Application {

    private final Logger logger = LoggerFactory.getLogger(AdminApplication.class);
    private final AtomicReference<AdminSettings> settings = new AtomicReference<>(AdminSettings.DEFAULTS);
    private final List<AutoCloseable> trackers = Services.closeables();
    private final Set<Object> singletons;

    @Activate
    public AdminApplication(BundleContext context, AdminConfiguration config) {
        int platform = platformStartLevel(context.getProperty(AdminConstants.PLATFORM_START_LEVEL));
        settings.set(settings(config, platform));
        long activated = System.currentTimeMillis();
        boolean ownProcess = "run".equals(context.getProperty(AdminConstants.MODE));
        Services services = Services.track(context, trackers);
        String home = context.getProperty(AdminConstants.HOME);
        singletons = AdminApi.singletons(new AdminApi.Parts(context, services, settings::get, backtestDirectory(context),
                home == null ? null : Path.of(home), () -> ownProcess ? ManagementFactory.getRuntimeMXBean().getUptime()
                        : System.currentTimeMillis() - activated,
                StrategyType.registry(context), new MetaTypeLookup(context, services.metaType()), System::currentTimeMillis));
    }

    @Modified
    void modified(AdminConfiguration config) {
        settings.set(settings(config, settings.get().platformStartLevel()));
        logger.info("admin API limits changed: {}", settings.get());
    }

    @Deactivate
    void deactivate() {
        for (AutoCloseable c : trackers) {
            try {
                c.close();
            } catch (Exception e) {
                logger.debug("closing {} failed: {}", c, e.toString());
            }
        }
    }

    /** Deprecated in JAX-RS 3.1 in favour of CDI, which OSGi does not use; Jersey and the whiteboard support it fully. */
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        return singletons;
    }

    @Override
    public Map<String, Object> getProperties() {
        // no WADL (no JAXB here) and no classpath scanning: faster start-up, nothing registered behind our back
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.disableAutoDiscovery", true,
                "jersey.config.server.disableMetainfServicesLookup", true);
    }

    private static AdminSettings settings(AdminConfiguration c, int platform) {
        return new AdminSettings(c.maxJsonBytes(), c.maxJarBytes(), c.verifierWaitMillis(), c.stateWaitMillis(),
                c.maxBacktests(), platform);
    }

    private int platformStartLevel(String text) {
        if (text == null || text.isBlank()) {
            return AdminConstants.DEFAULT_PLATFORM_START_LEVEL;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            logger.warn("framework property {}='{}' is not a number; using {}", AdminConstants.PLATFORM_START_LEVEL, text,
                    AdminConstants.DEFAULT_PLATFORM_START_LEVEL);
            return AdminConstants.DEFAULT_PLATFORM_START_LEVEL;
        }
    }

    private Path backtestDirectory(BundleContext context) {
        String data = context.getProperty(AdminConstants.DATA);
        if (data != null && !data.isBlank()) {
            return Path.of(data, "backtests");
        }
        try {
            Path tmp = Files.createTempDirectory("cambist-backtests");
            logger.warn("framework property {} is not set; backtests are stored in {} and will not survive", AdminConstants.DATA,
                    tmp);
            return tmp;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary backtest directory", e);
        }
    }
}
