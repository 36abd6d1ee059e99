package io.cambist.admin.internal.platform;

import java.util.Optional;

import org.osgi.service.metatype.ObjectClassDefinition;

/** Finds the metatype description of a configuration. */
@FunctionalInterface
public interface OcdLookup {

    /**
     * The object class definition designated for a PID or factory PID.
     *
     * @param pid        the configuration PID
     * @param factoryPid its factory PID, or {@code null}
     */
    Optional<ObjectClassDefinition> find(String pid, String factoryPid);

    /** No metatype at all (for tests of unvalidated configurations). */
    OcdLookup NONE = (pid, factoryPid) -> Optional.empty();
}
