package io.cambist.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;

import io.cambist.api.risk.RiskRule;
import io.cambist.launcher.testbundle.TestRiskRule;
import io.cambist.launcher.testbundle.TestRiskRuleActivator;

class CambistTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private CambistBuilder builder() {
        return Cambist.builder().home(dir).bundles(TestPlatform.bundles()).dataDir(dir.resolve("data"));
    }

    @Test
    void startsThePlatformAtItsStartLevelsWithItsStateUnderData() throws Exception {
        try (Cambist cambist = builder().mode("backtest").start()) {
            BundleContext context = cambist.bundleContext();
            assertThat(Arrays.stream(context.getBundles()).filter(b -> b.getState() != Bundle.ACTIVE))
                    .as("bundles not ACTIVE").isEmpty();
            assertThat(startLevel(context, "org.apache.felix.scr")).isEqualTo(2);
            assertThat(startLevel(context, "io.cambist.api")).isEqualTo(5);
            assertThat(context.getProperty("cambist.home")).isEqualTo(dir.toString());
            assertThat(context.getProperty("cambist.data")).isEqualTo(dir.resolve("data").toString());
            assertThat(context.getProperty("cambist.mode")).isEqualTo("backtest");
            assertThat(dir.resolve("data/felix-cache")).isDirectory();

            createConfiguration(context, "io.cambist.test", Map.of("answer", "42"));
            assertThat(dir.resolve("data/config/io/cambist/test.config")).content().contains("answer=\"42\"");
            assertThat(cambist.adminUri()).as("no HTTP bundle in this platform").isEmpty();
            assertThat(cambist.awaitAdmin(Duration.ofMillis(100))).isFalse();
        }
    }

    @Test
    void bundlesInstalledAtRuntimeSurviveARestartAndThePlatformIsNotReinstalled() throws Exception {
        Path jar = TestBundles.write(dir.resolve("plugin.jar"), "io.cambist.test.plugin", "1.0.0");
        Map<String, Long> idsBefore;
        try (Cambist cambist = builder().start()) {
            Bundle plugin = cambist.bundleContext().installBundle(jar.toUri().toString());
            plugin.start();
            idsBefore = ids(cambist.bundleContext());
        }
        try (Cambist cambist = builder().start()) {
            assertThat(ids(cambist.bundleContext())).isEqualTo(idsBefore);
            assertThat(bundle(cambist.bundleContext(), "io.cambist.test.plugin"))
                    .hasValueSatisfying(b -> assertThat(b.getState()).isEqualTo(Bundle.ACTIVE));
        }
    }

    @Test
    void anUpgradedDistributionTakesEffectOnTheNextStart() throws Exception {
        Path bundles = TestPlatform.copyTo(dir.resolve("bundles"));
        Path pluginJar = bundles.resolve("6/10-io.cambist.test.plugin.jar");
        TestBundles.write(pluginJar, "io.cambist.test.plugin", "1.0.0");
        TestBundles.write(bundles.resolve("6/20-io.cambist.test.gone.jar"), "io.cambist.test.gone", "1.0.0");
        long pluginId;
        try (Cambist cambist = builder().bundles(bundles).start()) {
            Bundle plugin = bundle(cambist.bundleContext(), "io.cambist.test.plugin").orElseThrow();
            assertThat(plugin.getVersion()).hasToString("1.0.0");
            assertThat(plugin.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(plugin.getLocation()).isEqualTo("cambist:bundles/6/10-io.cambist.test.plugin.jar");
            pluginId = plugin.getBundleId();
        }

        TestBundles.write(pluginJar, "io.cambist.test.plugin", "2.0.0");
        Files.delete(bundles.resolve("6/20-io.cambist.test.gone.jar"));
        try (Cambist cambist = builder().bundles(bundles).start()) {
            Bundle plugin = bundle(cambist.bundleContext(), "io.cambist.test.plugin").orElseThrow();
            assertThat(plugin.getVersion()).as("updated in place").hasToString("2.0.0");
            assertThat(plugin.getBundleId()).isEqualTo(pluginId);
            assertThat(plugin.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(bundle(cambist.bundleContext(), "io.cambist.test.gone")).as("its jar left bundles/").isEmpty();
        }
    }

    @Test
    void aJarRebuiltWithTheSameSizeAndTimestampIsStillSeenAsChanged() throws Exception {
        // reproducible builds stamp every jar with the same time; a one-character change keeps the size
        Path bundles = TestPlatform.copyTo(dir.resolve("bundles"));
        Path pluginJar = bundles.resolve("6/10-io.cambist.test.plugin.jar");
        TestBundles.writeStored(pluginJar, "io.cambist.test.plugin", "1.0.0");
        FileTime stamp = Files.getLastModifiedTime(pluginJar);
        long size = Files.size(pluginJar);
        try (Cambist cambist = builder().bundles(bundles).start()) {
            assertThat(bundle(cambist.bundleContext(), "io.cambist.test.plugin").orElseThrow().getVersion()).hasToString("1.0.0");
        }

        Path rebuilt = TestBundles.writeStored(dir.resolve("rebuilt.jar"), "io.cambist.test.plugin", "1.0.1");
        assertThat(Files.size(rebuilt)).as("same size").isEqualTo(size);
        Files.copy(rebuilt, pluginJar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(pluginJar, stamp);
        try (Cambist cambist = builder().bundles(bundles).start()) {
            assertThat(bundle(cambist.bundleContext(), "io.cambist.test.plugin").orElseThrow().getVersion()).hasToString("1.0.1");
        }
    }

    @Test
    void aPluginAnOperatorStoppedOrUninstalledStaysThatWay() throws Exception {
        Path bundles = TestPlatform.copyTo(dir.resolve("bundles"));
        TestBundles.write(bundles.resolve("6/10-io.cambist.test.stopped.jar"), "io.cambist.test.stopped", "1.0.0");
        TestBundles.write(bundles.resolve("6/20-io.cambist.test.removed.jar"), "io.cambist.test.removed", "1.0.0");
        try (Cambist cambist = builder().bundles(bundles).start()) {
            bundle(cambist.bundleContext(), "io.cambist.test.stopped").orElseThrow().stop();
            bundle(cambist.bundleContext(), "io.cambist.test.removed").orElseThrow().uninstall();
        }
        try (Cambist cambist = builder().bundles(bundles).start()) {
            assertThat(bundle(cambist.bundleContext(), "io.cambist.test.stopped"))
                    .hasValueSatisfying(b -> assertThat(b.getState()).isEqualTo(Bundle.RESOLVED));
            assertThat(bundle(cambist.bundleContext(), "io.cambist.test.removed")).isEmpty();
        }
        TestBundles.write(bundles.resolve("6/20-io.cambist.test.removed.jar"), "io.cambist.test.removed", "2.0.0");
        try (Cambist cambist = builder().bundles(bundles).start()) {
            assertThat(bundle(cambist.bundleContext(), "io.cambist.test.removed")).as("a new version comes back")
                    .hasValueSatisfying(b -> assertThat(b.getVersion()).hasToString("2.0.0"));
        }
    }

    @Test
    void exportApiLetsTheHostUseTypedServices() throws Exception {
        Path jar = riskRuleBundle();
        try (Cambist cambist = builder().exportApi(true).start()) {
            assertThat(bundle(cambist.bundleContext(), "io.cambist.api")).as("the host provides the API").isEmpty();
            cambist.bundleContext().installBundle(jar.toUri().toString()).start();

            RiskRule rule = cambist.service(RiskRule.class, WAIT);

            assertThat(rule.name()).isEqualTo("launcher-test");
            assertThat(rule.getClass().getClassLoader()).as("the bundle's own class").isNotSameAs(TestRiskRule.class.getClassLoader());
        }
    }

    @Test
    void withoutExportApiATypedLookupSaysWhatToDo() throws Exception {
        Path jar = riskRuleBundle();
        try (Cambist cambist = builder().start()) {
            cambist.bundleContext().installBundle(jar.toUri().toString()).start();

            assertThatThrownBy(() -> cambist.service(RiskRule.class, WAIT))
                    .isInstanceOf(CambistException.class).hasMessageContaining("exportApi(true)");
        }
    }

    @Test
    void aMissingServiceTimesOutWithItsName() {
        try (Cambist cambist = builder().start()) {
            assertThatThrownBy(() -> cambist.service(Runnable.class, Duration.ofMillis(200)))
                    .isInstanceOf(CambistException.class)
                    .hasMessage("no java.lang.Runnable service appeared within 200 ms;"
                            + " check that the bundle providing it is installed and ACTIVE");
        }
    }

    @Test
    void stopStopsTheFramework() throws Exception {
        Cambist cambist = builder().start();
        assertThat(cambist.isRunning()).isTrue();
        cambist.stop();
        assertThat(cambist.isRunning()).isFalse();
        assertThat(cambist.framework().getState()).isEqualTo(Bundle.RESOLVED);
    }

    @Test
    void badDirectoriesAreOneClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> builder().dataDir(file).start())
                .isInstanceOf(CambistException.class)
                .hasMessage("data directory " + file + " is not a directory; choose another with --data");
        assertThatThrownBy(() -> builder().dataDir(file.resolve("data")).start())
                .isInstanceOf(CambistException.class)
                .hasMessageStartingWith("cannot create data directory " + file.resolve("data"));
        assertThatThrownBy(() -> builder().bundles(dir.resolve("nowhere")).start())
                .isInstanceOf(CambistException.class)
                .hasMessageContaining("no bundles directory at " + dir.resolve("nowhere"));
        assertThatThrownBy(() -> Cambist.builder().port(65536))
                .isInstanceOf(CambistException.class).hasMessageContaining("out of range");
    }

    @Test
    void aBundleTwiceInBundlesIsRefusedBeforeStarting() {
        Path bundles = TestPlatform.copyTo(dir.resolve("bundles"));
        TestBundles.write(bundles.resolve("6/10-a.jar"), "io.cambist.test.twin", "1.0.0");
        TestBundles.write(bundles.resolve("6/11-b.jar"), "io.cambist.test.twin", "1.0.1");
        assertThatThrownBy(() -> builder().bundles(bundles).start())
                .isInstanceOf(CambistException.class)
                .hasMessage("bundle io.cambist.test.twin is in bundles/ twice (6/10-a.jar and 6/11-b.jar); remove one of them");
    }

    private Path riskRuleBundle() {
        return TestBundles.write(dir.resolve("risk-rule.jar"), "io.cambist.test.riskrule", "1.0.0",
                TestRiskRuleActivator.class, "io.cambist.api.risk,org.osgi.framework", TestRiskRule.class);
    }

    private static int startLevel(BundleContext context, String symbolicName) {
        return bundle(context, symbolicName).orElseThrow().adapt(BundleStartLevel.class).getStartLevel();
    }

    private static Optional<Bundle> bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    private static Map<String, Long> ids(BundleContext context) {
        return Arrays.stream(context.getBundles()).collect(Collectors.toMap(Bundle::getLocation, Bundle::getBundleId));
    }

    /** ConfigurationAdmin through reflection: its API classes live in the Config Admin bundle, not on this class path. */
    private static void createConfiguration(BundleContext context, String pid, Map<String, String> values) throws Exception {
        ServiceReference<?> reference = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        assertThat(reference).as("ConfigurationAdmin service").isNotNull();
        Object admin = context.getService(reference);
        Class<?> adminType = reference.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, null);
        Class<?> configurationType = reference.getBundle().loadClass("org.osgi.service.cm.Configuration");
        Method update = configurationType.getMethod("update", Dictionary.class);
        update.invoke(configuration, new Hashtable<>(values));
    }
}
