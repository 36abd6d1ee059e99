package io.cambist.logbridge.internal;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging and the OSGi Log Service into SLF4J (and so into Logback) while this bundle is active.
 * Jersey, HK2, the Jakarta REST whiteboard, SPI Fly, FileInstall and the launcher log through JUL; SCR, Config Admin
 * and Metatype log through the OSGi Log Service.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class JulBridgeActivator implements BundleActivator {

    private final OsgiLogForwarder forwarder = new OsgiLogForwarder();
    private ServiceTracker<LogReaderService, LogReaderService> readers;

    @Override
    public void start(BundleContext context) {
        // G6: initialise SLF4J and Logback completely BEFORE routing JUL into them.
        // Otherwise the first JUL record (SPI Fly logs from inside its weaving hook) triggers Logback's lazy
        // initialisation, whose class loading re-enters the weaving hook: "ClassFormatError: Weaving hook failed".
        LoggerFactory.getILoggerFactory();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        if (context != null) {
            readers = new ServiceTracker<>(context, LogReaderService.class, null) {
                @Override
                public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
                    LogReaderService reader = super.addingService(reference);
                    reader.addLogListener(forwarder);
                    return reader;
                }

                @Override
                public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
                    reader.removeLogListener(forwarder);
                    super.removedService(reference, reader);
                }
            };
            readers.open();
        }
    }

    @Override
    public void stop(BundleContext context) {
        if (readers != null) {
            readers.close();
            readers = null;
        }
        SLF4JBridgeHandler.uninstall();
    }
}
