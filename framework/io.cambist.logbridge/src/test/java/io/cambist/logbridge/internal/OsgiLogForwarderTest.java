package io.cambist.logbridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class OsgiLogForwarderTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final OsgiLogForwarder forwarder = new OsgiLogForwarder();

    @BeforeEach
    void attachAppender() {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void detachAppender() {
        root.detachAppender(appender);
    }

    @Test
    void anScrErrorArrivesWithItsLevelLoggerNameAndException() {
        IllegalStateException failure = new IllegalStateException("boom");
        forwarder.logged(entry("io.cambist.core.internal.OrderManager", LogLevel.ERROR, "activate failed", failure));

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLoggerName()).isEqualTo("io.cambist.core.internal.OrderManager");
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).isEqualTo("activate failed");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
        });
    }

    @Test
    void levelsMapOneToOne() {
        forwarder.logged(entry("a", LogLevel.WARN, "w", null));
        forwarder.logged(entry("a", LogLevel.INFO, "i", null));
        forwarder.logged(entry("a", LogLevel.AUDIT, "x", null));

        assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO, Level.ERROR);
    }

    @Test
    void frameworkEventsAreLeftOut() {
        forwarder.logged(entry("Events.Service", LogLevel.INFO, "ServiceEvent REGISTERED", null));
        forwarder.logged(entry("Events.Framework", LogLevel.ERROR, "FrameworkEvent ERROR", null));

        assertThat(appender.list).isEmpty();
    }

    @Test
    void legacyLogServiceCallsAreNamedAfterTheirBundle() {
        assertThat(OsgiLogForwarder.loggerName("LogService", null)).isEqualTo("osgi.log");
        assertThat(OsgiLogForwarder.loggerName(null, null)).isEqualTo("osgi.log");
        assertThat(OsgiLogForwarder.loggerName("org.apache.felix.scr", null)).isEqualTo("org.apache.felix.scr");
    }

    private static LogEntry entry(String loggerName, LogLevel level, String message, Throwable exception) {
        return new LogEntry() {
            @Override public Bundle getBundle() { return null; }
            @Override @SuppressWarnings("rawtypes") public ServiceReference getServiceReference() { return null; }
            @Override @Deprecated public int getLevel() { return level.ordinal(); }
            @Override public String getMessage() { return message; }
            @Override public Throwable getException() { return exception; }
            @Override public long getTime() { return 0; }
            @Override public LogLevel getLogLevel() { return level; }
            @Override public String getLoggerName() { return loggerName; }
            @Override public long getSequence() { return 0; }
            @Override public String getThreadInfo() { return "main"; }
            @Override public StackTraceElement getLocation() { return null; }
        };
    }
}
