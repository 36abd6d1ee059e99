package io.cambist.launcher.internal;

import java.util.logging.Level;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * Sends Felix's own messages (resolution failures, bundle start errors) to java.util.logging instead of stdout,
 * so that the log bridge bundle puts them into Logback beside everything else.
 */
final class FelixLogBridge extends org.apache.felix.framework.Logger {

    private final java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.apache.felix.framework");

    @Override
    @SuppressWarnings("rawtypes")
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        Level julLevel = switch (level) {
            case LOG_ERROR -> Level.SEVERE;
            case LOG_WARNING -> Level.WARNING;
            case LOG_INFO -> Level.INFO;
            default -> Level.FINE;
        };
        String text = bundle == null ? msg : "[" + bundle.getSymbolicName() + "] " + msg;
        if (throwable instanceof BundleException) {
            // resolution failures: the message says everything, the stack trace only points into Felix;
            // an activator that threw: show its exception, not Felix's wrapper
            logger.log(julLevel, text + ": " + throwable.getMessage(), throwable.getCause());
        } else {
            logger.log(julLevel, text, throwable);
        }
    }
}
