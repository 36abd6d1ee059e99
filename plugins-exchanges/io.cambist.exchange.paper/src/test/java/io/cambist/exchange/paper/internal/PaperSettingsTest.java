package io.cambist.exchange.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/** Paper account configuration: defaults, and errors that name the setting. */
class PaperSettingsTest {

    private static PaperSettings parse(Map<String, Object> values) {
        return PaperSettings.from(Configs.paper(values), Path.of("/opt/cambist"));
    }

    @Test
    void defaultsGiveASyntheticBtcUsdtMarketWithTenThousandUsdt() {
        PaperSettings s = parse(Map.of());
        assertThat(s.account()).isEqualTo("paper");
        assertThat(s.instrument()).isEqualTo(Instrument.of("BTC", "USDT"));
        assertThat(s.synthetic()).isTrue();
        assertThat(s.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(s.speed().millisPerCandle(Timeframe.M1)).isEqualTo(1000.0);
        assertThat(s.makerFee()).isEqualByComparingTo("0.001");
        assertThat(s.takerFee()).isEqualByComparingTo("0.001");
        assertThat(s.balances()).containsOnlyKeys("USDT");
        assertThat(s.balances().get("USDT")).isEqualByComparingTo("10000");
        assertThat(s.tickSize()).isNull();
        assertThat(s.stepSize()).isEqualByComparingTo("0");
        MarketSource.Synthetic m = (MarketSource.Synthetic) s.source(123);
        assertThat(m.seed()).isEqualTo(42);
        assertThat(m.startTime()).isEqualTo(123);
        assertThat(m.count()).isZero();
    }

    @Test
    void aRelativeCandleFileIsResolvedAgainstTheDistribution() {
        PaperSettings s = parse(Map.of("source", "file", "file", "data/eth.json", "instrument", "eth/btc",
                "balances", "BTC=1, ETH=0.5", "speed", "x300", "timeframe", "5m"));
        assertThat(s.file()).isEqualTo(Path.of("/opt/cambist/data/eth.json"));
        assertThat(s.balances()).containsOnlyKeys("BTC", "ETH");
        assertThat(s.speed().millisPerCandle(Timeframe.M5)).isEqualTo(1000.0);
        assertThat(((MarketSource.CandleFile) s.source(0)).timeframe()).isEqualTo(Timeframe.M5);
    }

    @Test
    void everyBadSettingIsNamed() {
        assertThatThrownBy(() -> parse(Map.of("account", "my account"))).hasMessageContaining("account 'my account' must be");
        assertThatThrownBy(() -> parse(Map.of("instrument", "BTCUSDT"))).hasMessageStartingWith("instrument: ");
        assertThatThrownBy(() -> parse(Map.of("source", "ftp"))).hasMessage("source 'ftp' must be synthetic or file");
        assertThatThrownBy(() -> parse(Map.of("source", "file"))).hasMessageContaining("source=file needs a file");
        assertThatThrownBy(() -> parse(Map.of("speed", "fast"))).hasMessageContaining("speed 'fast' must be a positive");
        assertThatThrownBy(() -> parse(Map.of("speed", "x0"))).hasMessageContaining("speed 'x0'");
        assertThatThrownBy(() -> parse(Map.of("makerFee", "1"))).hasMessage("makerFee 1 must be a rate below 1, e.g. 0.001 "
                + "for 0.1 %");
        assertThatThrownBy(() -> parse(Map.of("takerFee", "abc"))).hasMessage("takerFee 'abc' must be a number");
        assertThatThrownBy(() -> parse(Map.of("balances", "USDT=abc"))).hasMessage("balances 'USDT=abc': amount 'abc' "
                + "of USDT is not a number; write e.g. USDT=10000,BTC=0");
        assertThatThrownBy(() -> parse(Map.of("balances", "USDT"))).hasMessageContaining("is not CURRENCY=AMOUNT");
        assertThatThrownBy(() -> parse(Map.of("balances", "USDT=-1"))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> parse(Map.of("volumeLimit", "2"))).hasMessageContaining("volumeLimit 2 must be a share");
        assertThatThrownBy(() -> parse(Map.of("timeframe", "7m"))).hasMessageStartingWith("timeframe: timeframe '7m'");
        assertThatThrownBy(() -> parse(Map.of("startPrice", "0"))).hasMessageContaining("startPrice 0 must be positive");
        assertThatThrownBy(() -> parse(Map.of("tickSize", "0"))).hasMessageContaining("tickSize 0 must be positive");
    }

    @Test
    void theFingerprintFollowsTheMarketSource() {
        assertThat(parse(Map.of()).fingerprint()).isEqualTo(parse(Map.of("speed", "5")).fingerprint());
        assertThat(parse(Map.of()).fingerprint()).isNotEqualTo(parse(Map.of("seed", 43L)).fingerprint());
        assertThat(parse(Map.of("volatility", "1")).volatility()).isEqualByComparingTo(BigDecimal.ONE);
    }
}
