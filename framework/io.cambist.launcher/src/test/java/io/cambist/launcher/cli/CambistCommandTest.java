package io.cambist.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.launcher.Cambist;
import picocli.CommandLine;

class CambistCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aDistributionWithAnHttpBundle() throws IOException {
        // bundles/3 holds a bundle that declares the HTTP whiteboard, so `run` checks its port before starting
        Path jar = home.resolve("bundles/3/http.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "test.http");
        manifest.getMainAttributes().putValue("Provide-Capability", "osgi.implementation;osgi.implementation=\"osgi.http\";version:Version=\"2.0\"");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        System.setProperty("cambist.home", home.toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty("cambist.home");
    }

    private int execute(String... args) {
        CommandLine cli = CambistCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String[] errLines() {
        return err.toString().lines().toArray(String[]::new);
    }

    @Test
    void versionNamesTheProductVersion() {
        assertThat(execute("--version")).isZero();
        assertThat(out.toString()).startsWith("cambist " + Cambist.version() + System.lineSeparator());
        assertThat(Cambist.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpListsTheSubCommands() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("run").contains("Start the Cambist container");
        assertThat(execute("run", "--help")).isZero();
        assertThat(out.toString()).contains("--data=DIR").contains("--port=N").contains("--host=H");
    }

    @Test
    void anUnknownFlagIsOneLineAndExitCode2() {
        assertThat(execute("run", "--bogus")).isEqualTo(2);
        assertThat(errLines()).containsExactly("cambist: Unknown option: '--bogus' (see 'cambist run --help')");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aNonNumericPortIsOneLineAndExitCode2() {
        assertThat(execute("run", "--port", "eighty")).isEqualTo(2);
        assertThat(errLines()).singleElement().asString()
                .startsWith("cambist: Invalid value for option '--port': 'eighty' is not an int");
    }

    @Test
    void anOutOfRangePortIsOneLine() {
        assertThat(execute("run", "--port", "70000")).isEqualTo(1);
        assertThat(errLines()).containsExactly("cambist: port 70000 is out of range; use 0 (any free port) to 65535");
    }

    @Test
    void aTakenPortIsOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(execute("run", "--port", String.valueOf(port), "--data", home.resolve("data").toString())).isEqualTo(1);
            assertThat(errLines()).containsExactly(
                    "cambist: port " + port + " on 127.0.0.1 is already in use; choose another with --port");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsOneLine() throws IOException {
        Path file = Files.writeString(home.resolve("file"), "x");
        assertThat(execute("run", "--data", file.toString())).isEqualTo(1);
        assertThat(errLines()).containsExactly(
                "cambist: data directory " + file + " is not a directory; choose another with --data");
    }

    @Test
    void anUnknownHostIsOneLine() {
        assertThat(execute("run", "--host", "no-such-host.invalid")).isEqualTo(1);
        assertThat(errLines()).containsExactly(
                "cambist: unknown host no-such-host.invalid; use an IP address or a resolvable name with --host");
    }

    @Test
    void aNonLoopbackHostIsWarnedAbout() throws IOException {
        Path file = Files.writeString(home.resolve("file"), "x");
        assertThat(execute("run", "--host", "0.0.0.0", "--data", file.toString())).isEqualTo(1);
        assertThat(errLines()).hasSize(2);
        assertThat(errLines()[0]).isEqualTo("cambist: warning: the admin API listens on 0.0.0.0, reachable from other"
                + " machines; every request except /api/v1/health must be signed");
    }

    @Test
    void noCommandPrintsTheUsage() {
        assertThat(execute()).isZero();
        assertThat(out.toString()).contains("Usage: cambist");
    }
}
