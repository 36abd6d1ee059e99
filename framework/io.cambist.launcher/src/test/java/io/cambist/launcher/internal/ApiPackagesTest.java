package io.cambist.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

import io.cambist.launcher.CambistException;

class ApiPackagesTest {

    @Test
    void theApiJarOnTheClassPathGivesItsExportsWithVersions() {
        String exports = ApiPackages.fromClassPath();

        assertThat(exports).contains("io.cambist.api.model;version=\"1.0.0\"")
                .contains("io.cambist.api.order;version=").contains("io.cambist.api.security;version=");
    }

    @Test
    void withoutTheApiJarTheMessageSaysWhatToAdd() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> ApiPackages.fromClassLoader(empty))
                    .isInstanceOf(CambistException.class)
                    .hasMessageContaining("add the io.cambist:io.cambist.api dependency");
        }
    }
}
