package io.cambist.admin.internal.platform;

import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cambist.admin.internal.services.ServiceSource;

/** {@link OcdLookup} through the MetaTypeService: asks every bundle's metatype information for the PID. */
public final class MetaTypeLookup implements OcdLookup {

    private final BundleContext context;
    private final ServiceSource<MetaTypeService> metaType;

    public MetaTypeLookup(BundleContext context, ServiceSource<MetaTypeService> metaType) {
        this.context = context;
        this.metaType = metaType;
    }

    @Override
    public Optional<ObjectClassDefinition> find(String pid, String factoryPid) {
        MetaTypeService service = metaType.require();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = service.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            if (factoryPid != null && contains(info.getFactoryPids(), factoryPid)) {
                return Optional.ofNullable(info.getObjectClassDefinition(factoryPid, null));
            }
            if (factoryPid == null && contains(info.getPids(), pid)) {
                return Optional.ofNullable(info.getObjectClassDefinition(pid, null));
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String[] values, String wanted) {
        if (values != null) {
            for (String v : values) {
                if (wanted.equals(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
