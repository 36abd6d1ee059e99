package io.cambist.admin.internal.platform;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A configuration as the API shows it: secrets masked.
 *
 * @param pid        its PID
 * @param factoryPid its factory PID, or {@code null}
 * @param metatype   the name of the metatype it was checked against, or {@code null} when there is none
 * @param properties its properties (without {@code service.*}), secrets replaced by the mask
 * @param warnings   notes about a write (attributes the metatype does not define); absent when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigurationView(String pid, String factoryPid, String metatype, Map<String, Object> properties,
        List<String> warnings) {

    @Override
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public Map<String, Object> properties() {
        return properties;
    }
}
