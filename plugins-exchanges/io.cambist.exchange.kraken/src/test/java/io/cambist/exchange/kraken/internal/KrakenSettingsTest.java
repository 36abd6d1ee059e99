package io.cambist.exchange.kraken.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;

/** Settings validation: every bad value is refused with a message naming the key and what to write. */
class KrakenSettingsTest {

    @Test
    void defaultsAreKrakensProductionEndpoints() {
        KrakenSettings s = KrakenSettings.builder("kraken").build();
        assertThat(s.restUrl()).isEqualTo(URI.create("https://api.kraken.com"));
        assertThat(s.streamUrl()).isEqualTo(URI.create("wss://ws.kraken.com/v2"));
        assertThat(s.privateStreamUrl()).isEqualTo(URI.create("wss://ws-auth.kraken.com/v2"));
        assertThat(s.hasKey()).isFalse();
        assertThat(s.counterMax()).isEqualTo(15);
        assertThat(s.bookDepth()).isEqualTo(25);
    }

    private static KrakenConfiguration configuration(Map<String, Object> overrides) {
        return (KrakenConfiguration) Proxy.newProxyInstance(KrakenConfiguration.class.getClassLoader(),
                new Class<?>[] {KrakenConfiguration.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "configuration" : null;
                    }
                    return overrides.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    @Test
    void theComponentConfigurationBecomesSettings() {
        KrakenConnector c = new KrakenConnector(configuration(Map.of("account", "kraken-main", "keyAlias",
                "kraken-main", "reconnect_initialMillis", 250L, "book_depth", 100)));
        assertThat(c.account()).isEqualTo("kraken-main");
        assertThat(c.venue()).isEqualTo("kraken");
        assertThat(c.settings().reconnectInitial()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.settings().bookDepth()).isEqualTo(100);
        assertThat(c.capabilities()).contains(Capability.LIMIT_ORDER,
                Capability.EXECUTION_STREAM)
                .doesNotContain(Capability.MARKET_ORDER_BY_QUOTE,
                        Capability.STOP_ORDER);
        assertThat(c.status().state()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(new KrakenConnector(configuration(Map.of())).capabilities())
                .as("without a key alias: market data only")
                .containsExactlyInAnyOrder(Capability.TICKER_STREAM,
                        Capability.TRADE_STREAM, Capability.CANDLE_STREAM,
                        Capability.ORDER_BOOK_STREAM);
        assertThatThrownBy(() -> new KrakenConnector(configuration(Map.of("restUrl", " "))))
                .as("a bad value fails activation with the reason").hasMessageContaining("restUrl is empty");
    }

    @Test
    void trailingSlashesAreDropped() {
        KrakenSettings s = KrakenSettings.builder("k").urls(URI.create("http://127.0.0.1:9/"),
                URI.create("ws://127.0.0.1:9/v2/"), URI.create("ws://127.0.0.1:9/auth/v2")).keyAlias(" kraken-main ").build();
        assertThat(s.restUrl().toString()).isEqualTo("http://127.0.0.1:9");
        assertThat(s.streamUrl().toString()).isEqualTo("ws://127.0.0.1:9/v2");
        assertThat(s.keyAlias()).isEqualTo("kraken-main");
        assertThat(s.hasKey()).isTrue();
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> KrakenSettings.builder("bad account").build()).hasMessageContaining("account");
        assertThatThrownBy(() -> KrakenSettings.builder("k").urls(URI.create("ftp://x"), URI.create("ws://x"),
                URI.create("ws://x")).build()).hasMessageContaining("restUrl");
        assertThatThrownBy(() -> KrakenSettings.builder("k").urls(URI.create("http://x"), URI.create("http://x"),
                URI.create("ws://x")).build()).hasMessageContaining("streamUrl");
        assertThatThrownBy(() -> KrakenSettings.builder("k").keyAlias("no spaces please").build())
                .hasMessageContaining("keyAlias");
        assertThatThrownBy(() -> KrakenSettings.builder("k").bookDepth(20).build()).hasMessageContaining("book.depth")
                .hasMessageContaining("10, 25, 100, 500, 1000");
        assertThatThrownBy(() -> KrakenSettings.builder("k").rate(0, 1, Duration.ZERO).build())
                .hasMessageContaining("rate.counterMax");
        assertThatThrownBy(() -> KrakenSettings.builder("k").rate(15, 0, Duration.ZERO).build())
                .hasMessageContaining("rate.decayPerSecond");
        assertThatThrownBy(() -> KrakenSettings.builder("k").reconnect(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0)
                .build()).hasMessageContaining("reconnect.maxMillis");
        assertThatThrownBy(() -> KrakenSettings.builder("k").reconnect(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0)
                .build()).hasMessageContaining("reconnect.factor");
        assertThatThrownBy(() -> KrakenSettings.builder("k").staleAfter(Duration.ofMillis(100)).build())
                .hasMessageContaining("stream.staleAfterMillis");
    }
}
