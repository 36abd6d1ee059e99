package io.cambist.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.cambist.launcher.testbundle.FakeHttpActivator;

/**
 * {@code cambist run} advertises its admin API in {@code data/admin.url} once the API answers, and removes the file
 * when it stops cleanly. The HTTP bundle is a stand-in that reports the endpoint of a server this test runs.
 */
class RunCommandAdminUrlTest {

    @TempDir
    Path home;

    private HttpServer server;

    @AfterEach
    void cleanUp() {
        System.clearProperty(FakeHttpActivator.ENDPOINT);
        System.clearProperty(FakeHttpActivator.STOP);
        System.clearProperty("cambist.home");
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void runWritesTheLiveAdminUrlAndRemovesItOnStop() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/health", x -> {
            byte[] ok = "{\"status\":\"UP\"}".getBytes();
            x.sendResponseHeaders(200, ok.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        System.setProperty(FakeHttpActivator.ENDPOINT, origin + "/");

        Path platform = Path.of(System.getProperty("cambist.test.platform", "target/test-platform"), "bundles");
        try (Stream<Path> jars = Files.walk(platform)) {
            for (Path jar : (Iterable<Path>) jars.filter(Files::isRegularFile)::iterator) {
                Path target = home.resolve("bundles").resolve(platform.relativize(jar).toString());
                Files.createDirectories(target.getParent());
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        fakeHttpBundle(home.resolve("bundles/3/fake-http.jar"));
        System.setProperty("cambist.home", home.toString());
        Path data = home.resolve("data");

        CompletableFuture<CommandRunner> run = CompletableFuture.supplyAsync(() -> CommandRunner.run("run", "--port", "0",
                "--data", data.toString()));
        Path file = data.resolve("admin.url");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(file) && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).hasContent(origin);

        System.setProperty(FakeHttpActivator.STOP, "true");
        CommandRunner stopped = run.get(30, TimeUnit.SECONDS);
        assertThat(stopped.exitCode).as(stopped.err()).isZero();
        assertThat(file).doesNotExist();
    }

    private static void fakeHttpBundle(Path file) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.fake.http");
        a.putValue("Bundle-Activator", FakeHttpActivator.class.getName());
        a.putValue("Import-Package", "org.osgi.framework");
        a.putValue("Provide-Capability", "osgi.implementation;osgi.implementation=\"osgi.http\";version:Version=\"2.0\"");
        Files.createDirectories(file.getParent());
        String name = FakeHttpActivator.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), m);
                InputStream in = FakeHttpActivator.class.getClassLoader().getResourceAsStream(name)) {
            jar.putNextEntry(new JarEntry(name));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
