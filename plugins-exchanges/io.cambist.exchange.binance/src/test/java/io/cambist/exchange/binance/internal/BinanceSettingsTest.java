package io.cambist.exchange.binance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BinanceSettingsTest {

    /** A configuration as DS builds it: the given properties, defaults for the rest. */
    static BinanceConfiguration config(Map<String, Object> values) {
        return (BinanceConfiguration) Proxy.newProxyInstance(BinanceConfiguration.class.getClassLoader(),
                new Class<?>[] {BinanceConfiguration.class}, (proxy, method, args) -> {
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    @Test
    void defaultsAreValidAndPointAtBinance() {
        BinanceSettings s = BinanceSettings.from(config(Map.of()));
        assertThat(s.account()).isEqualTo("binance");
        assertThat(s.restUrl()).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(s.streamUrl()).isEqualTo(URI.create("wss://stream.binance.com:9443"));
        assertThat(s.hasKey()).isFalse();
        assertThat(s.recvWindow()).isEqualTo(5000);
        assertThat(s.maxConnectionAge()).isLessThan(Duration.ofHours(24));
        assertThat(s.listenKeyKeepAlive()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void configurationValuesAreUsed() {
        BinanceSettings s = BinanceSettings.from(config(Map.of("account", "binance-main", "restUrl",
                "https://testnet.binance.vision/", "streamUrl", "wss://stream.testnet.binance.vision", "keyAlias",
                "binance.main", "reconnect_initialMillis", 250L, "connection_maxAgeMillis", 1000L)));
        assertThat(s.account()).isEqualTo("binance-main");
        assertThat(s.restUrl()).as("trailing slash dropped").isEqualTo(URI.create("https://testnet.binance.vision"));
        assertThat(s.keyAlias()).isEqualTo("binance.main");
        assertThat(s.reconnectInitial()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.maxConnectionAge()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void badValuesAreRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("recvWindow", 70_000L))))
                .hasMessageContaining("recvWindow 70000").hasMessageContaining("60000");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("restUrl", "ftp://x"))))
                .hasMessageContaining("restUrl").hasMessageContaining("http");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("streamUrl", "https://stream.binance.com"))))
                .hasMessageContaining("streamUrl").hasMessageContaining("ws");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("account", "has space"))))
                .hasMessageContaining("account id");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("keyAlias", "no/slash"))))
                .hasMessageContaining("keyAlias");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("connection_maxAgeMillis", 90_000_000L))))
                .hasMessageContaining("below 24 h");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("book_snapshotLimit", 300))))
                .hasMessageContaining("book.snapshotLimit");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("reconnect_maxMillis", 10L))))
                .hasMessageContaining("reconnect.maxMillis");
        assertThatThrownBy(() -> BinanceSettings.from(config(Map.of("rate_backoffAt", 1.5))))
                .hasMessageContaining("rate.backoffAt");
    }
}
