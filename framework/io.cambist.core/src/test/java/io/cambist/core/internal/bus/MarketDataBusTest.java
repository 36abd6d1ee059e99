package io.cambist.core.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.Timeframe;
import io.cambist.core.internal.portfolio.LastPrices;

class MarketDataBusTest {

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final Instrument LTC_BTC = Instrument.of("LTC", "BTC");

    private static Candle candle(Instrument i, Timeframe tf, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Candle("a", i, tf, 0, c, c, c, c, BigDecimal.ONE);
    }

    @Test
    void eventsReachOnlyMatchingSubscribersOfTheSameAccountOncePerEvent() {
        LastPrices prices = new LastPrices();
        MarketDataBus bus = new MarketDataBus(prices);
        List<MarketEvent> x = new ArrayList<>();
        List<MarketEvent> y = new ArrayList<>();
        MarketSubscriber sx = e -> x.add(e);
        MarketSubscriber sy = e -> y.add(e);
        assertThat(bus.subscribe("a", Subscription.candles(ETH_BTC, null), sx)).isTrue();
        assertThat(bus.subscribe("a", Subscription.candles(ETH_BTC, null), sx)).isFalse();
        bus.subscribe("a", Subscription.candles(ETH_BTC, Timeframe.M5), sx);
        bus.subscribe("a", Subscription.candles(ETH_BTC, Timeframe.H1), sy);
        bus.subscribe("a", Subscription.of(ETH_BTC, MarketDataKind.TICKER), sy);
        Candle m5 = candle(ETH_BTC, Timeframe.M5, "0.1");
        bus.publish("a", m5);
        bus.publish("b", candle(ETH_BTC, Timeframe.M5, "0.2"));
        bus.publish("a", candle(LTC_BTC, Timeframe.M5, "0.01"));
        Candle h1 = candle(ETH_BTC, Timeframe.H1, "0.11");
        bus.publish("a", h1);
        Ticker t = new Ticker("a", ETH_BTC, new BigDecimal("0.1"), null, new BigDecimal("0.12"), null, null, 5);
        bus.publish("a", t);
        assertThat(x).containsExactly(m5, h1);
        assertThat(y).containsExactly(h1, t);
        assertThat(prices.price("a", ETH_BTC)).isEqualByComparingTo("0.11");
        assertThat(prices.price("b", ETH_BTC)).isEqualByComparingTo("0.2");
        bus.unsubscribe("a", Subscription.candles(ETH_BTC, null), sx);
        bus.publish("a", h1);
        assertThat(x).hasSize(2);
        bus.publish("a", m5);
        assertThat(x).hasSize(3);
    }
}
