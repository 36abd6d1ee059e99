package io.cambist.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every refusal names the key and says what to write instead. */
class SettingsChecksTest {

    @Test
    void accountsAndKeyAliasesAreShortIdentifiers() {
        assertThat(SettingsChecks.account("Kraken", "kraken-main")).isEqualTo("kraken-main");
        assertThatThrownBy(() -> SettingsChecks.account("Kraken", "has space"))
                .hasMessage("Kraken account id 'has space' must be 1 to 64 letters, digits, '_', '-' or '.' (set account)");
        assertThatThrownBy(() -> SettingsChecks.account("Kraken", null)).hasMessageContaining("account id 'null'");
        assertThat(SettingsChecks.keyAlias(null, "a")).isEmpty();
        assertThat(SettingsChecks.keyAlias("  bn.main ", "a")).isEqualTo("bn.main");
        assertThatThrownBy(() -> SettingsChecks.keyAlias("no/slash", "acc"))
                .hasMessageContaining("keyAlias 'no/slash' of account acc is not a vault alias");
    }

    @Test
    void urlsNeedASchemeAndAHostAndLoseATrailingSlash() {
        assertThat(SettingsChecks.url("restUrl", URI.create("https://api.x.com/"), Set.of("http", "https")))
                .isEqualTo(URI.create("https://api.x.com"));
        assertThatThrownBy(() -> SettingsChecks.url("streamUrl", URI.create("https://x"), Set.of("wss", "ws")))
                .hasMessage("streamUrl 'https://x' must be an absolute ws or wss URL with a host");
        assertThatThrownBy(() -> SettingsChecks.url("restUrl", URI.create("/relative"), Set.of("https")))
                .hasMessageContaining("restUrl '/relative'");
        assertThatThrownBy(() -> SettingsChecks.uri("restUrl", " ")).hasMessage("restUrl is empty: give the venue's base URL");
        assertThatThrownBy(() -> SettingsChecks.uri("restUrl", "http://a b")).hasMessageContaining("is not a URL");
        assertThat(SettingsChecks.uri("restUrl", " http://127.0.0.1:8080 ")).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void reconnectSettingsMustMakeASaneBackoff() {
        SettingsChecks.reconnect(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2);
        assertThatThrownBy(() -> SettingsChecks.reconnect(Duration.ZERO, Duration.ofSeconds(1), 2, 0))
                .hasMessage("reconnect.initialMillis must be a positive number of milliseconds");
        assertThatThrownBy(() -> SettingsChecks.reconnect(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .hasMessage("reconnect.maxMillis 1000 must not be below reconnect.initialMillis 2000");
        assertThatThrownBy(() -> SettingsChecks.reconnect(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0))
                .hasMessageContaining("reconnect.factor 0.5 must be between 1 and 10");
        assertThatThrownBy(() -> SettingsChecks.reconnect(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.5))
                .hasMessageContaining("reconnect.jitter 1.5 must be between 0 and 1");
        assertThatThrownBy(() -> SettingsChecks.reconnect(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN, 0))
                .hasMessageContaining("reconnect.factor NaN");
        assertThatThrownBy(() -> SettingsChecks.positive("signer.waitMillis", Duration.ofMillis(-1)))
                .hasMessageContaining("signer.waitMillis");
    }
}
