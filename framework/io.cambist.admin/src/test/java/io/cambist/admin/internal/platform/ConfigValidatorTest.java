package io.cambist.admin.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.ObjectClassDefinition;

import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.testing.XmlMetatype;

/** Validation against metatype read by Felix's metatype reader: a strategy-like OCD and the admin bundle's own. */
class ConfigValidatorTest {

    private static ObjectClassDefinition grid;
    private static ObjectClassDefinition admin;

    @BeforeAll
    static void load() throws Exception {
        XmlMetatype xml = new XmlMetatype().add(ConfigValidatorTest.class.getResourceAsStream("/metatype/grid.xml"))
                .add(ConfigValidatorTest.class.getResourceAsStream("/OSGI-INF/metatype/io.cambist.admin.xml"));
        grid = xml.factory("io.cambist.strategy.grid");
        admin = xml.pid("io.cambist.admin");
        assertThat(grid).isNotNull();
        assertThat(admin).as("bnd generated the admin metatype").isNotNull();
    }

    private static Map<String, Object> valid() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", "0.0300");
        m.put("upper", new BigDecimal("0.0400"));
        m.put("levels", 20);
        return m;
    }

    private static ConfigValidator.Result validate(Map<String, Object> input) {
        return ConfigValidator.validate(grid, input, null, k -> false);
    }

    private static String error(Map<String, Object> input) {
        try {
            validate(input);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.body().detail();
        }
        throw new AssertionError("accepted " + input);
    }

    @Test
    void convertsJsonValuesToTheMetatypeTypes() {
        Map<String, Object> in = valid();
        in.put("orderSize", "0.25");
        in.put("trailing", "true");
        in.put("weights", List.of(1, 2, 3));
        in.put("tags", List.of("a", "b"));
        Hashtable<String, Object> out = validate(in).properties();
        assertThat(out.get("levels")).isEqualTo(20);
        assertThat(out.get("upper")).isEqualTo("0.0400");
        assertThat(out.get("orderSize")).isEqualTo(0.25d);
        assertThat(out.get("trailing")).isEqualTo(Boolean.TRUE);
        assertThat(out.get("weights")).isEqualTo(new Long[] {1L, 2L, 3L});
        assertThat(out.get("tags")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void aWrongTypeNamesTheAttribute() {
        Map<String, Object> in = valid();
        in.put("levels", "many");
        assertThat(error(in)).contains("'levels'").contains("whole number").doesNotContain("many");
        in.put("levels", 2.5);
        assertThat(error(in)).contains("'levels'");
        in.put("levels", 20);
        in.put("trailing", "yes");
        assertThat(error(in)).contains("'trailing'").contains("true or false");
        in.put("trailing", true);
        in.put("orderSize", Map.of("x", 1));
        assertThat(error(in)).contains("'orderSize'").contains("object");
    }

    @Test
    void aMissingRequiredAttributeWithoutDefaultNamesIt() {
        Map<String, Object> in = valid();
        in.remove("upper");
        assertThat(error(in)).isEqualTo("attribute 'upper' (Upper price) is required");
    }

    @Test
    void requiredAttributesWithADefaultMayBeLeftOut() {
        assertThat(validate(valid()).properties()).doesNotContainKey("spacing");
    }

    @Test
    void minAndMaxAreCheckedByTheMetatypeProvider() {
        Map<String, Object> in = valid();
        in.put("levels", 1);
        assertThat(error(in)).contains("'levels'").contains("less than minimum");
        in.put("levels", 201);
        assertThat(error(in)).contains("greater than maximum");
        in.put("levels", 200);
        assertThat(validate(in).properties().get("levels")).isEqualTo(200);
    }

    @Test
    void optionsAreEnforced() {
        Map<String, Object> in = valid();
        in.put("spacing", "random");
        assertThat(error(in)).isEqualTo("attribute 'spacing' must be one of arithmetic, geometric");
        in.put("spacing", "geometric");
        assertThat(validate(in).properties().get("spacing")).isEqualTo("geometric");
    }

    @Test
    void cardinalityIsEnforced() {
        Map<String, Object> in = valid();
        in.put("levels", List.of(1, 2));
        assertThat(error(in)).contains("takes one value");
        in.put("levels", 20);
        in.put("weights", List.of(1, 2, 3, 4));
        assertThat(error(in)).contains("at most 3");
        in.put("weights", 7);
        assertThat(validate(in).properties().get("weights")).isEqualTo(new Long[] {7L});
    }

    @Test
    void unknownAttributesAreKeptWithAWarningUnlessReserved() {
        Map<String, Object> in = valid();
        in.put("instrument", "ETH/BTC");
        in.put("exit.stopLoss", 2);
        in.put("colour", "blue");
        ConfigValidator.Result r = ConfigValidator.validate(grid, in, null,
                k -> k.equals("instrument") || k.startsWith("exit."));
        assertThat(r.properties().get("instrument")).isEqualTo("ETH/BTC");
        assertThat(r.properties().get("exit.stopLoss")).isEqualTo(2L);
        assertThat(r.warnings()).hasSize(1);
        assertThat(r.warnings().get(0)).contains("'colour'").contains("Grid strategy");
    }

    @Test
    void aPasswordSentBackMaskedKeepsTheStoredValue() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("webhookToken", "tok-123");
        Map<String, Object> in = valid();
        in.put("webhookToken", "********");
        assertThat(ConfigValidator.validate(grid, in, stored, k -> false).properties().get("webhookToken")).isEqualTo("tok-123");
        assertThatThrownBy(() -> ConfigValidator.validate(grid, in, null, k -> false)).isInstanceOf(ApiException.class)
                .hasMessageContaining("mask");
    }

    @Test
    void configurationAdminKeysCannotBeSet() {
        Map<String, Object> in = valid();
        in.put("service.pid", "x");
        assertThat(error(in)).contains("set by Configuration Admin");
    }

    @Test
    void nullRemovesAnAttribute() {
        Map<String, Object> in = valid();
        in.put("trailing", null);
        assertThat(validate(in).properties()).doesNotContainKey("trailing");
    }

    @Test
    void withoutMetatypeJsonTypesMapToConfigurationTypes() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("port", 8080);
        in.put("ratio", new BigDecimal("0.000001"));
        in.put("on", true);
        in.put("names", List.of("a", "b"));
        in.put("ids", List.of(1, 2));
        in.put("mixed", List.of(1, "a"));
        Hashtable<String, Object> out = ConfigValidator.validate(null, in, null, k -> false).properties();
        assertThat(out.get("port")).isEqualTo(8080L);
        assertThat(out.get("ratio")).isEqualTo("0.000001");
        assertThat(out.get("on")).isEqualTo(true);
        assertThat(out.get("names")).isEqualTo(new String[] {"a", "b"});
        assertThat(out.get("ids")).isEqualTo(new Long[] {1L, 2L});
        assertThat(out.get("mixed")).isEqualTo(new String[] {"1", "a"});
        assertThatThrownBy(() -> ConfigValidator.validate(null, Map.of("o", Map.of()), null, k -> false))
                .isInstanceOf(ApiException.class).hasMessageContaining("'o'");
    }

    @Test
    void theAdminBundlesOwnMetatypeIsEnforced() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("maxBacktests", 0);
        assertThatThrownBy(() -> ConfigValidator.validate(admin, in, null, k -> false)).isInstanceOf(ApiException.class)
                .hasMessageContaining("'maxBacktests'").hasMessageContaining("less than minimum");
        in.put("maxBacktests", 8);
        in.put("maxJsonBytes", "2097152");
        Hashtable<String, Object> out = ConfigValidator.validate(admin, in, null, k -> false).properties();
        assertThat(out.get("maxBacktests")).isEqualTo(8);
        assertThat(out.get("maxJsonBytes")).isEqualTo(2_097_152L);
    }
}
