package io.cambist.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

    @Test
    void theEndpointPropertyMayBeAStringAnArrayOrACollection() {
        assertThat(HttpEndpoints.endpoints("http://127.0.0.1:8080/")).containsExactly("http://127.0.0.1:8080/");
        assertThat(HttpEndpoints.endpoints(new String[] { "a", "b" })).containsExactly("a", "b");
        assertThat(HttpEndpoints.endpoints(List.of("a"))).containsExactly("a");
        assertThat(HttpEndpoints.endpoints(null)).isEmpty();
    }

    @Test
    void loopbackIsPreferredThenIpv4() {
        assertThat(HttpEndpoints.choose(List.of("http://[fe80::1]:8080/", "http://10.0.0.5:8080/", "http://127.0.0.1:8080/")))
                .hasValue("http://127.0.0.1:8080/");
        assertThat(HttpEndpoints.choose(List.of("http://[fe80::1]:8080/", "http://10.0.0.5:8080/")))
                .hasValue("http://10.0.0.5:8080/");
        assertThat(HttpEndpoints.choose(List.of("http://[fe80::1]:8080/"))).hasValue("http://[fe80::1]:8080/");
    }

    @Test
    void anEndpointWithoutARealPortIsNotUsable() {
        assertThat(HttpEndpoints.choose(List.of("http://127.0.0.1:0/"))).isEmpty();
        assertThat(HttpEndpoints.choose(List.of())).isEmpty();
    }
}
