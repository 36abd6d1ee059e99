package io.cambist.launcher.internal.backtest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.cambist.launcher.CambistException;

/**
 * The log of a backtest container. Its bundles log through the launcher's SLF4J into java.util.logging; for the run,
 * everything at INFO and above goes to {@code <out>/backtest.log} (the bots' cycle lines, warnings about orders they
 * could not pay for), and the console shows errors only, so the command's own output stays readable.
 * {@link #close()} puts the console back and closes the file.
 */
public final class BacktestLogging implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final Logger root = Logger.getLogger("");
    private final Map<Handler, Level> consoleLevels = new HashMap<>();
    private final Level rootLevel;
    private final FileHandler file;

    private BacktestLogging(FileHandler file) {
        this.file = file;
        this.rootLevel = root.getLevel();
        for (Handler h : root.getHandlers()) {
            consoleLevels.put(h, h.getLevel());
            h.setLevel(Level.SEVERE);
        }
        if (rootLevel == null || rootLevel.intValue() > Level.INFO.intValue()) {
            root.setLevel(Level.INFO);
        }
        root.addHandler(file);
    }

    /** Starts logging to {@code logFile} (replacing it). */
    public static BacktestLogging to(Path logFile) {
        try {
            FileHandler handler = new FileHandler(logFile.toAbsolutePath().toString().replace("%", "%%"), false);
            handler.setEncoding("UTF-8");
            handler.setLevel(Level.INFO);
            handler.setFormatter(new LineFormatter());
            return new BacktestLogging(handler);
        } catch (IOException e) {
            throw new CambistException("cannot write the backtest log " + logFile + " (" + e.getMessage()
                    + "); choose another directory with --out");
        }
    }

    @Override
    public void close() {
        root.removeHandler(file);
        file.close();
        consoleLevels.forEach(Handler::setLevel);
        root.setLevel(rootLevel);
    }

    /** {@code 2026-01-01 12:00:00.000 INFO  logger - message}, and the stack trace of a throwable. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(128).append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(String.format("%-5s", name(r.getLevel()))).append(' ').append(r.getLoggerName())
                    .append(" - ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }

        private static String name(Level level) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "WARN";
            }
            return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
        }
    }
}
