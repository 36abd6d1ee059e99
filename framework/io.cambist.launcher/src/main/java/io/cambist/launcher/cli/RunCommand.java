package io.cambist.launcher.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import org.osgi.framework.BundleException;

import io.cambist.launcher.Cambist;
import io.cambist.launcher.CambistBuilder;
import io.cambist.launcher.CambistException;
import io.cambist.launcher.internal.ClassDataSharing;
import io.cambist.launcher.internal.Signals;
import io.cambist.launcher.internal.admin.AdminUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cambist run}: starts the container in the foreground and logs one line when the admin API answers.
 * SIGTERM or Ctrl-C stops the framework cleanly and the process exits with 0.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Start the Cambist container in the foreground.",
            "Stops cleanly on SIGTERM or Ctrl-C (exit code 0).",
        })
final class RunCommand implements Callable<Integer> {

    /** How long the admin API may take to answer its first health check. */
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final Logger logger = Logger.getLogger("io.cambist.launcher");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: <home>/data).")
    Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + CambistBuilder.DEFAULT_PORT,
            description = "Admin API port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = CambistBuilder.DEFAULT_HOST,
            description = "Address the admin API binds to (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        AtomicReference<Cambist> running = new AtomicReference<>();
        AtomicBoolean stopRequested = new AtomicBoolean();
        Signals.onTerminate(() -> requestStop(running, stopRequested));

        Path home = Home.resolve();
        warnIfNotLoopback();
        CambistBuilder builder = Cambist.builder().home(home).mode("run").port(port).host(host);
        if (data != null) {
            builder.dataDir(data);
        }
        Cambist cambist = builder.start();
        running.set(cambist);
        Path dataDir = Path.of(cambist.bundleContext().getProperty(CambistBuilder.DATA));
        boolean advertised = false;
        try {
            if (!stopRequested.get() && announce(cambist)) {
                advertised = advertise(cambist, dataDir);
                cambist.startupTrace().forEach(logger::info);
                ClassDataSharing.dumpIfRequested();
            }
            if (stopRequested.get()) {
                cambist.stop();
            }
            cambist.awaitStop();
            cambist.stop();
        } finally {
            if (advertised) {
                withdraw(cambist, dataDir);
            }
        }
        return 0;
    }

    /** Writes data/admin.url, so {@code cambist api} finds this container (also with --port 0). */
    private boolean advertise(Cambist cambist, Path dataDir) {
        if (cambist.adminUri().isEmpty()) {
            return false;
        }
        try {
            AdminUrl.write(dataDir, cambist.adminUri().get());
            return true;
        } catch (IOException e) {
            logger.warning(() -> "could not write " + dataDir.resolve(AdminUrl.FILE) + " (" + e.getMessage()
                    + "); cambist api needs --url " + AdminUrl.origin(cambist.adminUri().get()));
            return false;
        }
    }

    private void withdraw(Cambist cambist, Path dataDir) {
        try {
            AdminUrl.remove(dataDir, cambist.adminUri().get());
        } catch (IOException | RuntimeException e) {
            logger.warning(() -> "could not remove " + dataDir.resolve(AdminUrl.FILE) + " (" + e.getMessage() + ")");
        }
    }

    /** Logs the ready line once the admin API answers; false when it does not (or the container is stopping). */
    private boolean announce(Cambist cambist) {
        String version = Cambist.version();
        if (cambist.adminUri().isEmpty()) {
            logger.info(() -> "Cambist " + version + " ready: no admin API in this bundle set (started in "
                    + sinceLaunch() + " ms, " + cambist.bundleCount() + " bundles)");
            return true;
        }
        if (cambist.awaitAdmin(ADMIN_TIMEOUT)) {
            logger.info(() -> "Cambist " + version + " ready: admin API " + cambist.adminUri().get() + " (started in "
                    + sinceLaunch() + " ms, " + cambist.bundleCount() + " bundles)");
            return true;
        }
        if (cambist.isRunning()) {
            logger.warning(() -> "Cambist " + version + " is running, but " + cambist.adminUri().get()
                    + "/health did not answer within " + ADMIN_TIMEOUT.toSeconds() + " s; see the errors above");
        }
        return false;
    }

    private static void requestStop(AtomicReference<Cambist> running, AtomicBoolean stopRequested) {
        if (!stopRequested.compareAndSet(false, true)) {
            System.err.println("cambist: stopping now, without waiting for the bundles");
            Runtime.getRuntime().halt(CambistCommand.EXIT_FAILED);
        }
        Cambist cambist = running.get();
        if (cambist != null) {
            try {
                // returns at once; the main thread sees the framework stop and exits with 0
                cambist.framework().stop();
            } catch (BundleException | RuntimeException e) {
                System.err.println("cambist: the framework could not be stopped: " + e.getMessage());
                Runtime.getRuntime().halt(CambistCommand.EXIT_FAILED);
            }
        }
    }

    private void warnIfNotLoopback() {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                spec.commandLine().getErr().println("cambist: warning: the admin API listens on " + host
                        + ", reachable from other machines; every request except /api/v1/health must be signed");
            }
        } catch (UnknownHostException e) {
            throw new CambistException("unknown host " + host + "; use an IP address or a resolvable name with --host");
        }
    }

    /** Milliseconds since the process was launched (the JVM's own start-up included). */
    private static long sinceLaunch() {
        long launched = ProcessHandle.current().info().startInstant()
                .map(java.time.Instant::toEpochMilli)
                .orElseGet(() -> java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        return System.currentTimeMillis() - launched;
    }
}
