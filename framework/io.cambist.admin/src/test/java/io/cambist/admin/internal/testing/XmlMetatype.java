package io.cambist.admin.internal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.metatype.AD;
import org.apache.felix.metatype.Designate;
import org.apache.felix.metatype.MetaData;
import org.apache.felix.metatype.MetaDataReader;
import org.apache.felix.metatype.OCD;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cambist.admin.internal.platform.OcdLookup;

/**
 * Metatype XML (as bnd writes it from {@code @ObjectClassDefinition}) read by Felix's own metatype reader, with Felix's
 * own validation behind {@link AttributeDefinition#validate}: the same code the container runs.
 */
public final class XmlMetatype implements OcdLookup {

    private final Map<String, ObjectClassDefinition> byPid = new HashMap<>();
    private final Map<String, ObjectClassDefinition> byFactoryPid = new HashMap<>();

    public XmlMetatype add(InputStream xml) throws IOException {
        MetaData md = new MetaDataReader().parse(xml);
        Map<?, ?> ocds = md.getObjectClassDefinitions();
        for (Object d : md.getDesignates()) {
            Designate designate = (Designate) d;
            OCD ocd = (OCD) ocds.get(designate.getObject().getOcdRef());
            Ocd adapted = new Ocd(ocd);
            if (designate.getFactoryPid() != null) {
                byFactoryPid.put(designate.getFactoryPid(), adapted);
            } else {
                byPid.put(designate.getPid(), adapted);
            }
        }
        return this;
    }

    public ObjectClassDefinition pid(String pid) {
        return byPid.get(pid);
    }

    public ObjectClassDefinition factory(String factoryPid) {
        return byFactoryPid.get(factoryPid);
    }

    @Override
    public Optional<ObjectClassDefinition> find(String pid, String factoryPid) {
        return Optional.ofNullable(factoryPid != null ? byFactoryPid.get(factoryPid) : byPid.get(pid));
    }

    private record Ocd(OCD ocd) implements ObjectClassDefinition {
        @Override
        public String getName() {
            return ocd.getName();
        }

        @Override
        public String getID() {
            return ocd.getID();
        }

        @Override
        public String getDescription() {
            return ocd.getDescription();
        }

        @Override
        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            List<AttributeDefinition> out = new ArrayList<>();
            for (Object o : ocd.getAttributeDefinitions().values()) {
                AD ad = (AD) o;
                if (filter == ALL || filter == REQUIRED && ad.isRequired() || filter == OPTIONAL && !ad.isRequired()) {
                    out.add(new Attr(ad));
                }
            }
            return out.toArray(new AttributeDefinition[0]);
        }

        @Override
        public InputStream getIcon(int size) {
            return null;
        }
    }

    private record Attr(AD ad) implements AttributeDefinition {
        @Override
        public String getName() {
            return ad.getName();
        }

        @Override
        public String getID() {
            return ad.getID();
        }

        @Override
        public String getDescription() {
            return ad.getDescription();
        }

        @Override
        public int getCardinality() {
            return ad.getCardinality();
        }

        @Override
        public int getType() {
            return ad.getType();
        }

        @Override
        public String[] getOptionValues() {
            return ad.getOptionValues();
        }

        @Override
        public String[] getOptionLabels() {
            return ad.getOptionLabels();
        }

        @Override
        public String validate(String value) {
            return ad.validate(value);
        }

        @Override
        public String[] getDefaultValue() {
            return ad.getDefaultValue();
        }
    }
}
