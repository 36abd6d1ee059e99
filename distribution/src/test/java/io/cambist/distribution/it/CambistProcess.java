package io.cambist.distribution.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bin/cambist} of the assembled distribution, run as a child process with its output captured by line. */
public final class CambistProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outPump;
    private final Thread errPump;

    private CambistProcess(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), out, "cambist-stdout");
        this.errPump = pump(process.getErrorStream(), err, "cambist-stderr");
    }

    /** Starts {@code sh <dist>/bin/cambist args...}. */
    public static CambistProcess start(Path distribution, String... args) {
        return startWithJavaOpts(distribution, null, args);
    }

    /** Starts {@code sh <dist>/bin/cambist args...} with {@code JAVA_OPTS} (or none when null). */
    public static CambistProcess startWithJavaOpts(Path distribution, String javaOpts, String... args) {
        return startWithEnvironment(distribution, javaOpts == null ? Map.of() : Map.of("JAVA_OPTS", javaOpts), args);
    }

    /**
     * Starts {@code sh <home>/bin/cambist args...} with these environment variables ({@code JAVA_OPTS},
     * {@code CAMBIST_CDS}, ...) and none of the test JVM's own {@code JAVA_OPTS} and {@code CAMBIST_CDS}.
     */
    public static CambistProcess startWithEnvironment(Path home, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/cambist").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("CAMBIST_CDS");
        builder.environment().putAll(environment);
        try {
            return new CambistProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line {@code cambist run} prints once it serves; group 1 is the admin API's base URI. */
    public static final Pattern READY = Pattern.compile(
            "Cambist \\S+ ready: admin API (http://127\\.0\\.0\\.1:(\\d+)/api/v1) \\(started in \\d+ ms, \\d+ bundles\\)$");

    /**
     * Waits for the ready line of {@code cambist run --data data}, then until the admin API answers signed requests;
     * returns a client for it.
     */
    public AdminClient awaitAdmin(Path data, Duration timeout) throws InterruptedException {
        String line = awaitOutput(l -> READY.matcher(l).find(), timeout)
                .orElseThrow(() -> new AssertionError("no ready line; stdout " + out + " stderr " + err));
        Matcher m = READY.matcher(line);
        if (!m.find()) {
            throw new AssertionError(line);
        }
        AdminClient admin = new AdminClient(URI.create(m.group(1)), data);
        admin.awaitSigned(timeout);
        return admin;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for a stdout line matching {@code condition}. */
    public Optional<String> awaitOutput(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = out.stream().filter(condition).findFirst();
            if (line.isPresent()) {
                return line;
            }
            if (!process.isAlive() && !outPump.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        return out.stream().filter(condition).findFirst();
    }

    /** Kills the JVM at once (SIGKILL: no shutdown hook, no flush, no clean close) and waits until it is gone. */
    public void kill9() throws IOException, InterruptedException {
        signal("KILL"); // the script exec'd java, so this is the JVM's pid
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
        }
    }

    /** Sends a signal ({@code TERM}, {@code INT}) with kill(1). */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** Waits for the process to end and its output to be read; returns the exit code, or empty on timeout. */
    public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        outPump.join(5000);
        errPump.join(5000);
        return Optional.of(process.exitValue());
    }

    public List<String> out() {
        return List.copyOf(out);
    }

    public List<String> err() {
        return List.copyOf(err);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Thread pump(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<read failed: " + e + ">");
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
