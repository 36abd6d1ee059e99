package io.cambist.launcher.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Constants;

/**
 * The framework properties of a Cambist container: storage under {@code data/}, FileInstall on {@code deploy/} and
 * {@code etc/}, the HTTP port and host, and the {@code cambist.*} properties bundles read.
 */
public final class FrameworkProperties {

    /** Start levels up to this one are the protected platform (the admin API refuses to stop or remove them). */
    public static final int PLATFORM_START_LEVEL = 5;
    /** Start level of bundles installed at runtime (admin API, deploy/): plugins, not the protected platform. */
    public static final int PLUGIN_START_LEVEL = 6;

    /** FileInstall handles bundles and configuration files only (not logback.xml or READMEs in etc/). */
    static final String FILEINSTALL_FILTER = ".*\\.(jar|cfg|config)";

    private Path home;
    private Path data;
    private String mode;
    private int port;
    private String host;
    private int beginningStartLevel = 1;
    private String apiExports;
    private Map<String, String> extra = Map.of();

    private FrameworkProperties() {
    }

    public static FrameworkProperties builder() {
        return new FrameworkProperties();
    }

    public FrameworkProperties home(Path home) {
        this.home = home;
        return this;
    }

    public FrameworkProperties data(Path data) {
        this.data = data;
        return this;
    }

    public FrameworkProperties mode(String mode) {
        this.mode = mode;
        return this;
    }

    public FrameworkProperties port(int port) {
        this.port = port;
        return this;
    }

    public FrameworkProperties host(String host) {
        this.host = host;
        return this;
    }

    public FrameworkProperties beginningStartLevel(int level) {
        this.beginningStartLevel = level;
        return this;
    }

    /** The value for {@code org.osgi.framework.system.packages.extra}, or null. */
    public FrameworkProperties apiExports(String apiExports) {
        this.apiExports = apiExports;
        return this;
    }

    public FrameworkProperties extra(Map<String, String> extra) {
        this.extra = extra;
        return this;
    }

    /**
     * The properties as Felix takes them. One value is not a string: {@code felix.log.logger} carries the logger that
     * routes Felix's own messages to java.util.logging (and so to Logback once the log bridge runs).
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Map<String, String> build() {
        Map<String, Object> p = new LinkedHashMap<>();
        // The cache persists across restarts, so bundles installed through the admin API survive them; the launcher
        // re-synchronises bundles/<N> with it on every start (see PlatformBundles).
        p.put(Constants.FRAMEWORK_STORAGE, data.resolve("felix-cache").toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, "none");
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(beginningStartLevel));
        p.put("felix.startlevel.bundle", String.valueOf(PLUGIN_START_LEVEL));
        p.put("cambist.platform.startlevel", String.valueOf(PLATFORM_START_LEVEL));
        p.put("felix.log.level", "2");
        p.put("felix.log.logger", new FelixLogBridge());
        p.put("felix.cm.dir", data.resolve("config").toString());
        p.put("felix.fileinstall.dir", home.resolve("deploy") + "," + home.resolve("etc"));
        p.put("felix.fileinstall.filter", FILEINSTALL_FILTER);
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        // no write-back into etc/: FileInstall 3.7 rewrites a .cfg file in place (truncate, then write) from its
        // configuration event while its own watcher may be reading that file, and a read of the truncated file emptied
        // the demo bot's configuration on a first start here. Files stay what the operator wrote; changes made through
        // the admin API live in Config Admin's store (data/config) until the file itself changes.
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.default", "jul");
        p.put("felix.fileinstall.log.level", "3");
        p.put("org.osgi.service.http.port", String.valueOf(port));
        p.put("org.apache.felix.http.host", host);
        p.put("cambist.home", home.toString());
        p.put("cambist.data", data.toString());
        p.put("cambist.mode", mode);
        p.put("cambist.version", Version.get());
        if (apiExports != null && !apiExports.isEmpty()) {
            p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiExports);
        }
        p.putAll(extra);
        return (Map) p;
    }
}
