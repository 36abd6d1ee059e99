package io.cambist.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/cambist run} as an operator runs it: ready line, health, clean stop on signals, one-line errors. */
class CambistProcessIT {

    private static final Pattern READY = CambistProcess.READY;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void runPrintsOneReadyLineServesHealthAndStopsWithExitCode0OnSigterm() throws Exception {
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(),
                "run", "--port", "0", "--data", dir.resolve("data").toString())) {
            String ready = cambist.awaitOutput(line -> READY.matcher(line).find(), START)
                    .orElseThrow(() -> new AssertionError("no ready line; stdout " + cambist.out() + " stderr " + cambist.err()));
            Matcher m = READY.matcher(ready);
            assertThat(m.find()).isTrue();
            assertThat(Integer.parseInt(m.group(2))).as("the real port, not 0").isPositive();

            AdminClient.Response health = new AdminClient(URI.create(m.group(1)), dir.resolve("data")).get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(dir.resolve("data/felix-cache")).isDirectory();
            assertThat(dir.resolve("data/config")).isDirectory();

            cambist.signal("TERM");

            assertThat(cambist.awaitExit(STOP)).as("exit code after SIGTERM").hasValue(0);
            assertThat(cambist.out().stream().filter(line -> READY.matcher(line).find())).hasSize(1);
        }
    }

    @Test
    void aBundleInstalledThroughTheApiSurvivesARestart() throws Exception {
        Path data = dir.resolve("data");
        long id;
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(), "run", "--port", "0", "--data", data.toString())) {
            AdminClient admin = ready(cambist, data);
            admin.awaitKey(START);
            AdminClient.Response installed = admin.post("/bundles", TestBundles.greeting("1.0.0"), "application/java-archive");
            assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
            id = installed.number("id").orElseThrow();
            cambist.signal("TERM");
            assertThat(cambist.awaitExit(STOP)).hasValue(0);
        }
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(), "run", "--port", "0", "--data", data.toString())) {
            AdminClient admin = ready(cambist, data);
            AdminClient.Response bundle = admin.await("/bundles/" + id, 200, Duration.ofSeconds(10));
            assertThat(bundle.body()).contains(TestBundles.SYMBOLIC_NAME).contains("\"state\":\"ACTIVE\"");
            cambist.signal("TERM");
            assertThat(cambist.awaitExit(STOP)).hasValue(0);
        }
    }

    /** Waits for the ready line and returns a client for the admin API it names. */
    private static AdminClient ready(CambistProcess cambist, Path data) throws InterruptedException {
        String ready = cambist.awaitOutput(line -> READY.matcher(line).find(), START)
                .orElseThrow(() -> new AssertionError("no ready line; stdout " + cambist.out() + " stderr " + cambist.err()));
        Matcher m = READY.matcher(ready);
        assertThat(m.find()).isTrue();
        return new AdminClient(URI.create(m.group(1)), data);
    }

    @Test
    void theFirstStartWritesAClassDataSharingArchiveThatTheNextStartUses() throws Exception {
        Path home = dir.resolve("home");
        copyTree(CambistOptions.distribution(), home, "data", "cds");
        String javaOpts = "-Xlog:class+load=info:file=" + dir.resolve("classes.log");

        try (CambistProcess first = CambistProcess.startWithJavaOpts(home, javaOpts, "run", "--port", "0", "--data", dir.resolve("data1").toString())) {
            assertThat(first.awaitOutput(line -> line.contains("wrote the class data sharing archive"), START))
                    .as("stdout " + first.out()).isPresent();
            first.signal("TERM");
            assertThat(first.awaitExit(STOP)).hasValue(0);
        }
        try (var archives = Files.list(home.resolve("cds"))) {
            assertThat(archives.map(p -> p.getFileName().toString())).singleElement().asString().matches("cambist-\\d+\\.jsa");
        }
        try (CambistProcess second = CambistProcess.startWithJavaOpts(home, javaOpts, "run", "--port", "0", "--data", dir.resolve("data2").toString())) {
            ready(second, dir.resolve("data2"));
            second.signal("TERM");
            assertThat(second.awaitExit(STOP)).hasValue(0);
            assertThat(second.out()).noneMatch(line -> line.contains("class data sharing archive"));
        }
        // bundle classes (Jetty's, loaded by a bundle class loader) come out of the archive on the second start
        assertThat(Files.readAllLines(dir.resolve("classes.log")))
                .anyMatch(line -> line.contains("org.eclipse.jetty.server.Server ") && line.contains("shared objects file"));
    }

    /** Copies a directory tree, leaving out the named top-level entries. */
    private static void copyTree(Path from, Path to, String... skip) throws IOException {
        java.util.Set<String> skipped = java.util.Set.of(skip);
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.getNameCount() > 0 && skipped.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void ctrlCStopsCleanlyToo() throws Exception {
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(),
                "run", "--port", "0", "--data", dir.resolve("data").toString())) {
            assertThat(cambist.awaitOutput(line -> READY.matcher(line).find(), START)).isPresent();

            cambist.signal("INT");

            assertThat(cambist.awaitExit(STOP)).as("exit code after SIGINT").hasValue(0);
        }
    }

    @Test
    void aTakenPortIsOneLineAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(),
                        "run", "--port", String.valueOf(taken.getLocalPort()), "--data", dir.resolve("data").toString())) {
            assertThat(cambist.awaitExit(STOP)).hasValue(1);
            assertThat(cambist.err()).containsExactly("cambist: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use; choose another with --port");
            assertThat(cambist.out()).isEmpty();
        }
    }

    @Test
    void aBadFlagIsOneLineAndANonZeroExit() throws Exception {
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(), "run", "--prot", "8080")) {
            assertThat(cambist.awaitExit(STOP)).hasValue(2);
            assertThat(cambist.err()).singleElement().asString().startsWith("cambist: Unknown option");
            assertThat(cambist.out()).isEmpty();
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsOneLineAndANonZeroExit() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "not a directory");
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(), "run", "--data", file.toString())) {
            assertThat(cambist.awaitExit(STOP)).hasValue(1);
            assertThat(cambist.err()).containsExactly(
                    "cambist: data directory " + file + " is not a directory; choose another with --data");
        }
    }

    @Test
    void anUnreadableDataDirectoryIsOneLineAndANonZeroExit() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads and writes any directory");
        Path locked = Files.createDirectory(dir.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("---------")));
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(), "run", "--data", locked.toString())) {
            assertThat(cambist.awaitExit(STOP)).hasValue(1);
            assertThat(cambist.err()).singleElement().asString()
                    .startsWith("cambist: data directory " + locked + " is not readable and writable");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsOneLineAndANonZeroExit() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(),
                "run", "--data", file.resolve("data").toString())) {
            assertThat(cambist.awaitExit(STOP)).hasValue(1);
            assertThat(cambist.err()).singleElement().asString()
                    .startsWith("cambist: cannot create data directory " + file.resolve("data"));
        }
    }

    @Test
    void versionAndHelp() throws IOException, InterruptedException {
        try (CambistProcess cambist = CambistProcess.start(CambistOptions.distribution(), "--version")) {
            assertThat(cambist.awaitExit(STOP)).hasValue(0);
            assertThat(cambist.out().get(0)).matches("cambist \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }
}
