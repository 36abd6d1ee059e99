package io.cambist.admin.internal.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Configuration Admin in memory, with the semantics the admin API relies on (no properties = does not exist). */
public final class FakeConfigurationAdmin implements ConfigurationAdmin {

    private final Map<String, FakeConfiguration> configurations = new TreeMap<>();
    /** Called after every update or delete (pid, properties or null). */
    public Consumer<FakeConfiguration> listener = c -> {
    };

    /** The properties of a configuration, or null. */
    public synchronized Dictionary<String, Object> properties(String pid) {
        FakeConfiguration c = configurations.get(pid);
        return c == null ? null : c.getProperties();
    }

    /** Every configuration with properties. */
    public synchronized List<String> listConfigurationsQuietly() {
        return configurations.values().stream().filter(c -> c.properties != null).map(FakeConfiguration::getPid).toList();
    }

    @Override
    public synchronized Configuration createFactoryConfiguration(String factoryPid) {
        return createFactoryConfiguration(factoryPid, null);
    }

    @Override
    public synchronized Configuration createFactoryConfiguration(String factoryPid, String location) {
        return configurations.computeIfAbsent(factoryPid + "." + UUID.randomUUID(), pid -> new FakeConfiguration(pid, factoryPid,
                location));
    }

    @Override
    public synchronized Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, p -> new FakeConfiguration(p, null, location));
    }

    @Override
    public synchronized Configuration getConfiguration(String pid) {
        return getConfiguration(pid, "bound");
    }

    @Override
    public synchronized Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configurations.computeIfAbsent(factoryPid + "~" + name, p -> new FakeConfiguration(p, factoryPid, location));
    }

    @Override
    public synchronized Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, "bound");
    }

    @Override
    public synchronized Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> out = new ArrayList<>();
        for (FakeConfiguration c : configurations.values()) {
            if (c.properties != null && (f == null || f.match(c.getProperties()))) {
                out.add(c);
            }
        }
        return out.isEmpty() ? null : out.toArray(new Configuration[0]);
    }

    /** One configuration. */
    public final class FakeConfiguration implements Configuration {
        private final String pid;
        private final String factoryPid;
        public final String location;
        private Hashtable<String, Object> properties;
        private long changes;

        FakeConfiguration(String pid, String factoryPid, String location) {
            this.pid = pid;
            this.factoryPid = factoryPid;
            this.location = location;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            synchronized (FakeConfigurationAdmin.this) {
                if (properties == null) {
                    return null;
                }
                Hashtable<String, Object> copy = new Hashtable<>(properties);
                copy.put("service.pid", pid);
                if (factoryPid != null) {
                    copy.put("service.factoryPid", factoryPid);
                }
                return copy;
            }
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> props) {
            synchronized (FakeConfigurationAdmin.this) {
                Hashtable<String, Object> copy = new Hashtable<>();
                for (String k : Collections.list(props.keys())) {
                    if (!k.equalsIgnoreCase("service.pid") && !k.equalsIgnoreCase("service.factoryPid")) {
                        copy.put(k, props.get(k));
                    }
                }
                properties = copy;
                changes++;
                configurations.put(pid, this);
            }
            listener.accept(this);
        }

        @Override
        public void delete() {
            synchronized (FakeConfigurationAdmin.this) {
                configurations.remove(pid);
                properties = null;
            }
            listener.accept(this);
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public void update() {
            update(properties == null ? new Hashtable<>() : properties);
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> props) {
            update(props);
            return true;
        }

        @Override
        public void setBundleLocation(String location) {
        }

        @Override
        public String getBundleLocation() {
            return location;
        }

        @Override
        public long getChangeCount() {
            return changes;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return EnumSet.noneOf(ConfigurationAttribute.class);
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
        }
    }
}
