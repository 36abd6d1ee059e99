package io.cambist.admin.internal.platform;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cambist.admin.internal.AdminConstants;

/** Decides which property names look secret and turns property values into JSON-friendly, masked values. */
public final class Secrets {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(password|passwd|pwd|secret|token|credential|passphrase|private[._-]?key|api[._-]?key|signature|cookie|salt)");

    private Secrets() {
    }

    /** True when a property name suggests its value must never be shown. */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    /** Properties as JSON values, sorted by name, with secret-looking ones masked. */
    public static Map<String, Object> masked(Map<String, ?> properties) {
        return masked(properties, Set.of());
    }

    /** Properties as JSON values, sorted by name, with secret-looking ones and the named ones masked. */
    public static Map<String, Object> masked(Map<String, ?> properties, Set<String> alsoSecret) {
        Map<String, Object> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put(k, isSecretName(k) || alsoSecret.contains(k) ? AdminConstants.MASK : jsonValue(v)));
        return out;
    }

    /**
     * The attributes of type PASSWORD in the metatype of a configuration (none without metatype). Fails with 503 when
     * the metatype service is absent, rather than show a password it could not recognise.
     */
    public static Set<String> passwordAttributes(OcdLookup ocds, String pid, String factoryPid) {
        Optional<ObjectClassDefinition> ocd = ocds.find(pid, factoryPid);
        if (ocd.isEmpty()) {
            return Set.of();
        }
        AttributeDefinition[] all = ocd.get().getAttributeDefinitions(ObjectClassDefinition.ALL);
        Set<String> out = new HashSet<>();
        if (all != null) {
            for (AttributeDefinition ad : all) {
                if (ad.getType() == AttributeDefinition.PASSWORD) {
                    out.add(ad.getID());
                }
            }
        }
        return out;
    }

    /** A property value as something Jackson writes plainly: arrays and collections as lists, odd objects as text. */
    public static Object jsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(jsonValue(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>(c.size());
            c.forEach(e -> list.add(jsonValue(e)));
            return list;
        }
        return value.toString();
    }
}
