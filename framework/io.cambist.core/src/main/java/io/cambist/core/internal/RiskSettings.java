package io.cambist.core.internal;

import java.math.BigDecimal;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.core.internal.risk.RiskLimits;

/** Reads the global risk limits (PID {@code io.cambist.core.risk}) and passes changes on to the engine live. */
@Component(service = RiskSettings.class, configurationPid = CoreConstants.RISK_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RiskConfiguration.class)
public class RiskSettings {

    private final Logger logger = LoggerFactory.getLogger(RiskSettings.class);
    private volatile RiskLimits limits = RiskLimits.NONE;
    private volatile Consumer<RiskLimits> listener = l -> {
    };

    @Activate
    @Modified
    void configure(RiskConfiguration config) {
        RiskLimits next;
        try {
            next = new RiskLimits(decimal("maxOrderNotional", config.maxOrderNotional()),
                    decimal("maxPosition", config.maxPosition()), config.maxOpenOrders(),
                    decimal("dailyLossLimit", config.dailyLossLimit()));
        } catch (IllegalArgumentException e) {
            logger.error("risk limits not changed: {}", e.getMessage());
            return;
        }
        limits = next;
        listener.accept(next);
        logger.info("global risk limits: {}", next);
    }

    private static BigDecimal decimal(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CoreConstants.RISK_PID + " " + name + " must be a number, not '" + text + "'");
        }
    }

    /** The limits in force. */
    public RiskLimits limits() {
        return limits;
    }

    /** Who to tell about changes (the engine). */
    public void onChange(Consumer<RiskLimits> l) {
        this.listener = l;
    }
}
