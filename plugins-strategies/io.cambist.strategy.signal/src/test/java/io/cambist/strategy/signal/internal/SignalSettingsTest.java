package io.cambist.strategy.signal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.strategy.Parameters;

class SignalSettingsTest {

    @Test
    void aBotThatTakesSecretsNeedsAWebhookKeyAliasExceptInABacktest() {
        assertThatThrownBy(() -> SignalSettings.from(Parameters.of(Map.of())))
                .hasMessageStartingWith("webhookKey is required with auth=secret");
        assertThatThrownBy(() -> SignalSettings.from(Parameters.of(Map.of("auth", "both"))))
                .hasMessageStartingWith("webhookKey is required with auth=both");
        assertThat(SignalSettings.from(Parameters.of(Map.of()), false).webhookKey()).isNull();
        assertThat(SignalSettings.from(Parameters.of(Map.of("auth", "signature"))).webhookKey()).isNull();
        assertThatThrownBy(() -> SignalSettings.from(Parameters.of(Map.of("webhookKey", "not an alias"))))
                .hasMessageContaining("may only hold letters");
    }

    @Test
    void listsAreCommaSeparated() {
        SignalSettings s = SignalSettings.from(Parameters.of(Map.of("auth", "signature", "signingKeys", "a, b",
                "allowFrom", "10.0.0.0/8, 2001:db8::/32", "window", "60", "defaultQuote", "25")));
        assertThat(s.signingKeys()).containsExactly("a", "b");
        assertThat(s.allowFrom()).extracting(Cidr::text).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThat(s.allows("10.9.9.9")).isTrue();
        assertThat(s.allows("11.0.0.1")).isFalse();
        assertThat(s.windowSeconds()).isEqualTo(60);
        assertThat(s.defaultQuote()).isEqualByComparingTo("25");
        assertThatThrownBy(() -> SignalSettings.from(Parameters.of(Map.of("auth", "signature", "defaultQuote", "-1"))))
                .hasMessage("defaultQuote -1 must be positive");
    }
}
