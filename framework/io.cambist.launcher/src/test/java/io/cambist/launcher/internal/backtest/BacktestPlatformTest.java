package io.cambist.launcher.internal.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.launcher.CambistException;

/** Which bundles a backtest takes from a distribution. */
class BacktestPlatformTest {

    static final String STRATEGY = "osgi.service;objectClass:List<String>=\"io.cambist.api.strategy.Strategy\";"
            + "uses:=\"io.cambist.api.strategy\"";

    @TempDir
    Path home;

    static Path bundle(Path file, String bsn, String capability) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn + ";singleton:=true");
        if (capability != null) {
            m.getMainAttributes().putValue("Provide-Capability", capability);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return file;
    }

    private void distribution() throws IOException {
        bundle(home.resolve("bundles/1/30-slf4j-api.jar"), "slf4j.api", null);
        bundle(home.resolve("bundles/1/32-logback-classic.jar"), "ch.qos.logback.classic", null);
        bundle(home.resolve("bundles/2/20-configadmin.jar"), "org.apache.felix.configadmin", null);
        bundle(home.resolve("bundles/2/21-metatype.jar"), "org.apache.felix.metatype", null);
        bundle(home.resolve("bundles/2/22-scr.jar"), "org.apache.felix.scr", null);
        bundle(home.resolve("bundles/3/21-jetty.jar"), "org.apache.felix.http.jetty12",
                "osgi.implementation;osgi.implementation=\"osgi.http\"");
        bundle(home.resolve("bundles/5/10-api.jar"), "io.cambist.api", null);
        bundle(home.resolve("bundles/5/20-core.jar"), "io.cambist.core", null);
        bundle(home.resolve("bundles/5/30-admin.jar"), "io.cambist.admin", null);
        bundle(home.resolve("bundles/6/20-paper.jar"), "io.cambist.exchange.paper",
                "osgi.service;objectClass:List<String>=\"io.cambist.api.exchange.SimulatedVenueFactory\"");
        bundle(home.resolve("bundles/6/21-binance.jar"), "io.cambist.exchange.binance", null);
        bundle(home.resolve("bundles/6/30-smacross.jar"), "io.cambist.strategy.smacross", STRATEGY);
        bundle(home.resolve("bundles/6/33-signal.jar"), "io.cambist.strategy.signal", STRATEGY + ",osgi.service;"
                + "objectClass:List<String>=\"jakarta.ws.rs.core.Application\"");
        bundle(home.resolve("bundles/7/10-fileinstall.jar"), "org.apache.felix.fileinstall", null);
    }

    private static List<String> staged(BacktestPlatform p) throws IOException {
        try (Stream<Path> files = Files.walk(p.bundles())) {
            return files.filter(Files::isRegularFile).map(f -> p.bundles().relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void takesDsConfigAdminCorePaperAndTheStrategiesOnly() throws IOException {
        distribution();
        Path mine = bundle(home.resolve("elsewhere/my-strategy.jar"), "com.example.mine", "osgi.service;"
                + "objectClass:List<String>=\"com.example.Other,io.cambist.api.strategy.Strategy\"");
        bundle(home.resolve("deploy/dropped.jar"), "com.example.dropped", STRATEGY);
        bundle(home.resolve("deploy/other.jar"), "com.example.other", null);
        Path root;
        try (BacktestPlatform p = BacktestPlatform.stage(home, List.of(mine), home.resolve("scratch"))) {
            root = p.root();
            assertThat(root).startsWith(home.resolve("scratch"));
            assertThat(staged(p)).containsExactly("2/20-configadmin.jar", "2/22-scr.jar", "5/20-core.jar",
                    "6/20-paper.jar", "6/30-smacross.jar", "6/33-signal.jar", "6/900-dropped.jar", "6/901-my-strategy.jar");
            assertThat(p.strategyBundles()).containsExactlyInAnyOrder("io.cambist.strategy.smacross",
                    "io.cambist.strategy.signal", "com.example.dropped", "com.example.mine");
            assertThat(p.data()).isEqualTo(root.resolve("data"));
        }
        assertThat(root).doesNotExist();
        assertThat(home.resolve("bundles/6/30-smacross.jar")).exists();
    }

    @Test
    void aDistributionWithoutTheCoreOrBundlesIsOneClearError() throws IOException {
        assertThatThrownBy(() -> BacktestPlatform.stage(home, List.of(), home.resolve("scratch")))
                .isInstanceOf(CambistException.class).hasMessageContaining("no bundles directory at " + home.resolve("bundles"));
        bundle(home.resolve("bundles/6/20-paper.jar"), "io.cambist.exchange.paper", null);
        assertThatThrownBy(() -> BacktestPlatform.stage(home, List.of(), home.resolve("scratch")))
                .isInstanceOf(CambistException.class).hasMessageContaining("bundle io.cambist.core is not in");
        try (Stream<Path> left = Files.list(home.resolve("scratch"))) {
            assertThat(left).isEmpty();
        }
    }
}
