package io.cambist.core.internal.backtest;

import static io.cambist.core.internal.testing.Fixtures.ETH_BTC;
import static io.cambist.core.internal.testing.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.SimulatedVenueFactory;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.core.internal.strategy.StrategyType;
import io.cambist.core.internal.testing.CandleData;
import io.cambist.core.internal.testing.Fixtures;
import io.cambist.core.internal.testing.TestSmaCross;
import io.cambist.core.internal.testing.TestVenue;

class BacktestServiceImplTest {

    private final List<SimulationSpec> specs = new ArrayList<>();
    private final SimulatedVenueFactory factory = spec -> {
        specs.add(spec);
        MarketSource.Candles source = (MarketSource.Candles) spec.source();
        return new TestVenue(spec.account(), source.instrument(), source.candles(), spec.balances(), spec.makerFee(),
                spec.takerFee());
    };
    private final StrategyType sma = Fixtures.type("smacross", TestSmaCross::new);

    private BacktestServiceImpl service(SimulatedVenueFactory f) {
        return new BacktestServiceImpl(() -> f, name -> name.equals("smacross") ? Optional.of(sma) : Optional.empty(),
                () -> List.of("smacross"));
    }

    @Test
    void runsOnTheSimulatedVenueWithOneUnitOfQuoteByDefault() {
        var candles = CandleData.flat(ETH_BTC, 0, 40, "0.1");
        BacktestRequest r = new BacktestRequest("smacross", new MarketSource.Candles(ETH_BTC, candles), Map.of(),
                Map.of(), d("0.001"), d("0.002"), List.of());
        BacktestReport report = service(factory).run(r, null);
        assertThat(specs).singleElement().satisfies(s -> {
            assertThat(s.balances()).containsExactly(Map.entry("BTC", BigDecimal.ONE));
            assertThat(s.takerFee()).isEqualByComparingTo("0.002");
            assertThat(s.account()).isEqualTo("backtest");
        });
        assertThat(report.candles()).isEqualTo(40);
        assertThat(report.trades()).isEmpty();
        assertThat(report.finalEquity()).isEqualByComparingTo("1");
        assertThat(service(factory).toJson(report)).isEqualTo(ReportJson.write(report));
        assertThat(service(factory).toHtml(report)).contains("Backtest smacross on ETH/BTC");
    }

    @Test
    void anUnknownTypeOrAMissingVenueIsAClearError() {
        BacktestRequest r = new BacktestRequest("grid", new MarketSource.Candles(ETH_BTC, List.of()), Map.of(), Map.of(),
                null, null, null);
        assertThatThrownBy(() -> service(factory).run(r, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy type 'grid'; available: smacross");
        BacktestRequest ok = new BacktestRequest("smacross", r.source(), Map.of(), Map.of(), null, null, null);
        assertThatThrownBy(() -> service(null).run(ok, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.cambist.exchange.paper");
        SimulatedVenueFactory unreadable = spec -> {
            throw new IllegalArgumentException("candle file /tmp/x.json line 3: not a number");
        };
        assertThatThrownBy(() -> service(unreadable).run(ok, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }
}
