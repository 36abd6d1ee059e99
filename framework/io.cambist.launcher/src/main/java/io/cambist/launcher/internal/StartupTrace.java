package io.cambist.launcher.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Where start-up time goes, for {@code -Dcambist.trace.startup=true}: the launcher's phases and each bundle's
 * activation time (STARTING to STARTED), summed per start level. Off by default; costs nothing when off.
 */
public final class StartupTrace implements SynchronousBundleListener {

    /** System property that turns the trace on. */
    public static final String PROPERTY = "cambist.trace.startup";

    private final long origin = System.nanoTime();
    /** From the process launch to the launcher's first line of work: JVM boot, class path, command line parsing. */
    private final long sinceLaunch = ProcessHandle.current().info().startInstant()
            .map(started -> java.time.Duration.between(started, java.time.Instant.now()).toNanos()).orElse(0L);
    private long last = origin;
    private long lastCpu = processCpuNanos();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private final Map<String, Long> phaseCpu = new LinkedHashMap<>();
    private final Map<Long, Long> starting = new ConcurrentHashMap<>();
    private final List<Activation> activations = new ArrayList<>();

    private record Activation(String name, int level, long nanos) {
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Records the time since the previous mark under {@code phase}. */
    public synchronized void mark(String phase) {
        long now = System.nanoTime();
        long cpu = processCpuNanos();
        phases.merge(phase, now - last, Long::sum);
        phaseCpu.merge(phase, cpu - lastCpu, Long::sum);
        last = now;
        lastCpu = cpu;
    }

    /** CPU time of the whole process (every thread, JIT and GC included), or 0 where the OS does not tell. */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() == BundleEvent.STARTING) {
            starting.put(bundle.getBundleId(), System.nanoTime());
        } else if (event.getType() == BundleEvent.STARTED) {
            Long began = starting.remove(bundle.getBundleId());
            if (began != null) {
                int level = bundle.adapt(BundleStartLevel.class).getStartLevel();
                synchronized (this) {
                    activations.add(new Activation(bundle.getSymbolicName(), level, System.nanoTime() - began));
                }
            }
        }
    }

    /** The report as lines: phases, activation time per level, the ten slowest activations. */
    public synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("start-up trace (milliseconds since the launcher started: " + ms(System.nanoTime() - origin)
                + ", process CPU since JVM start: " + ms(processCpuNanos()) + ")");
        lines.add(String.format("  phase %-22s %6d wall", "process launch", ms(sinceLaunch)));
        phases.forEach((phase, nanos) -> lines.add(String.format("  phase %-22s %6d wall %6d CPU", phase, ms(nanos),
                ms(phaseCpu.getOrDefault(phase, 0L)))));
        Map<Integer, Long> perLevel = new TreeMap<>();
        activations.forEach(a -> perLevel.merge(a.level(), a.nanos(), Long::sum));
        perLevel.forEach((level, nanos) -> lines.add(String.format("  level %d activators         %6d", level, ms(nanos))));
        activations.stream().sorted(Comparator.comparingLong(Activation::nanos).reversed()).limit(10)
                .forEach(a -> lines.add(String.format("  activator %-40s %6d (level %d)", a.name(), ms(a.nanos()), a.level())));
        return lines;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
