package io.cambist.launcher.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void prettyIndentsWithoutTouchingTokens() {
        assertThat(Json.pretty("{\"a\":[1,2.50,{}],\"b\":\"x, {y}: \\\"z\\\"\",\"c\":[],\"d\":1E-7}")).isEqualTo("""
                {
                  "a": [
                    1,
                    2.50,
                    {}
                  ],
                  "b": "x, {y}: \\"z\\"",
                  "c": [],
                  "d": 1E-7
                }""");
        assertThat(Json.pretty("[]")).isEqualTo("[]");
        assertThat(Json.pretty("<html>oops</html>")).isEqualTo("<html>oops</html>");
        assertThat(Json.pretty("{\"unbalanced\": [1}")).isEqualTo("{\"unbalanced\": [1}");
    }

    @Test
    void readsAFlatObject() {
        assertThat(Json.object(" {\"keyId\": \"admin\", \"secret\": \"a\\\"b\\u0041\\n\", \"n\": 12, \"ok\": true} "))
                .containsEntry("keyId", "admin").containsEntry("secret", "a\"bA\n").containsEntry("n", "12")
                .containsEntry("ok", "true");
        assertThat(Json.object("{}")).isEmpty();
        assertThatThrownBy(() -> Json.object("{\"a\": \"b\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.object("{\"a\": {}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.object("{\"a\": 1} x")).isInstanceOf(IllegalArgumentException.class);
    }
}
