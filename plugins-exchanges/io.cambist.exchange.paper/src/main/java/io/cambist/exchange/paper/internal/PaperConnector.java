package io.cambist.exchange.paper.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ExchangeConnector;

/**
 * One paper account per factory configuration of {@value PaperConstants#PID}. It registers the account's
 * {@link ExchangeConnector} itself (rather than through DS) because the service property
 * {@value ExchangeConnector#ACCOUNT} must carry the configured {@code account}, which DS cannot compute.
 * Activation only parses the configuration and registers; state and market load on first use or on the scheduler.
 */
@Component(configurationPid = PaperConstants.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = PaperConfiguration.class, factory = true)
public class PaperConnector {

    private final Logger logger = LoggerFactory.getLogger(PaperConnector.class);
    private PaperAccount account;
    private ServiceRegistration<ExchangeConnector> registration;

    @Activate
    void activate(BundleContext context, PaperConfiguration config) {
        PaperSettings settings;
        try {
            settings = PaperSettings.from(config, directory(context.getProperty(PaperConstants.HOME_PROPERTY)));
        } catch (IllegalArgumentException e) {
            logger.error("Paper account configuration refused: {}. Fix the {} configuration.", e.getMessage(),
                    PaperConstants.PID);
            return;
        }
        Path data = directory(context.getProperty(PaperConstants.DATA_PROPERTY));
        if (data == null) {
            try {
                data = Files.createTempDirectory("cambist-paper-");
            } catch (IOException e) {
                logger.error("Paper account '{}' has no data directory: {}", settings.account(), e.getMessage());
                return;
            }
            logger.warn("Framework property {} is not set: paper account '{}' keeps its state in {}, which is temporary",
                    PaperConstants.DATA_PROPERTY, settings.account(), data);
        }
        account = new PaperAccount(settings, data.resolve(PaperConstants.AREA).resolve(settings.account()),
                System::currentTimeMillis);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ExchangeConnector.ACCOUNT, settings.account());
        props.put(ExchangeConnector.VENUE, PaperConstants.VENUE);
        registration = context.registerService(ExchangeConnector.class, account, props);
        logger.info("Paper account '{}' registered: {} on a {} market", settings.account(), settings.instrument(),
                settings.synthetic() ? "synthetic" : "file " + settings.file());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping the bundle and has unregistered it
            }
            registration = null;
        }
        if (account != null) {
            account.close();
            account = null;
        }
    }

    private static Path directory(String property) {
        return property == null || property.isBlank() ? null : Path.of(property.strip());
    }
}
