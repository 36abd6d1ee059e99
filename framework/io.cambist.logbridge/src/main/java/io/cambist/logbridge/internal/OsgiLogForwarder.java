package io.cambist.logbridge.internal;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards OSGi Log Service entries (what SCR, Config Admin and Metatype report, e.g. a component that failed to
 * activate) to SLF4J, under the entry's logger name.
 * The framework's own bundle, service and framework events ({@code Events.*}) are left out: Felix already logs its
 * errors through the launcher, and the rest is lifecycle noise.
 */
final class OsgiLogForwarder implements LogListener {

    @Override
    public void logged(LogEntry entry) {
        String name = entry.getLoggerName();
        if (name != null && name.startsWith("Events.")) {
            return;
        }
        Logger logger = LoggerFactory.getLogger(loggerName(name, entry.getBundle()));
        String message = entry.getMessage();
        Throwable exception = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, exception);
            case WARN -> logger.warn(message, exception);
            case INFO -> logger.info(message, exception);
            case DEBUG -> logger.debug(message, exception);
            default -> logger.trace(message, exception);
        }
    }

    /** Legacy {@code LogService.log(..)} calls all share the name "LogService": name them after their bundle instead. */
    static String loggerName(String name, Bundle bundle) {
        if (name != null && !name.isEmpty() && !name.equals("LogService")) {
            return name;
        }
        return bundle != null && bundle.getSymbolicName() != null ? bundle.getSymbolicName() : "osgi.log";
    }
}
