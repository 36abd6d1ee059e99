package io.cambist.logbridge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class JulBridgeActivatorTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final JulBridgeActivator activator = new JulBridgeActivator();

    @BeforeEach
    void attachAppender() {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void detachAppender() {
        activator.stop(null);
        root.detachAppender(appender);
    }

    @Test
    void julRecordsReachLogbackWhileActive() {
        activator.start(null);

        java.util.logging.Logger.getLogger("org.glassfish.jersey.test").log(Level.WARNING, "reload {0}", "app");

        assertThat(appender.list).anySatisfy(event -> {
            assertThat(event.getLoggerName()).isEqualTo("org.glassfish.jersey.test");
            assertThat(event.getFormattedMessage()).isEqualTo("reload app");
            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        });
    }

    @Test
    void startReplacesTheConsoleHandlerAndStopRemovesTheBridge() {
        activator.start(null);
        assertThat(rootHandlers()).hasSize(1).allMatch(SLF4JBridgeHandler.class::isInstance);

        activator.stop(null);
        assertThat(rootHandlers()).noneMatch(SLF4JBridgeHandler.class::isInstance);

        java.util.logging.Logger.getLogger("after.stop").warning("not bridged");
        assertThat(appender.list).noneMatch(event -> event.getLoggerName().equals("after.stop"));
    }

    private static Handler[] rootHandlers() {
        return Arrays.stream(java.util.logging.LogManager.getLogManager().getLogger("").getHandlers()).toArray(Handler[]::new);
    }
}
