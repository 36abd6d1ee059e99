package io.cambist.exchange.paper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.MarketDataKind;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.Ticker;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;

/** The backtest venue: stepping order, timing, subscriptions, and the factory on real and synthetic markets. */
class PaperVenueTest {

    static final Instrument BTC_USDT = Instrument.of("BTC", "USDT");

    private static Candle candle(long openTime, String o, String h, String l, String c) {
        return new Candle("file", BTC_USDT, Timeframe.M1, openTime, new BigDecimal(o), new BigDecimal(h), new BigDecimal(l),
                new BigDecimal(c), BigDecimal.TEN);
    }

    private static SimulatedVenue threeCandles() {
        List<Candle> candles = List.of(candle(0, "100", "101", "99", "100"), candle(60_000, "102", "103", "101", "102"),
                candle(120_000, "103", "104", "102", "103"));
        return new PaperVenueFactory().create(new SimulationSpec("bt", new MarketSource.Candles(BTC_USDT, candles),
                Map.of("USDT", new BigDecimal("1000")), new BigDecimal("0.001"), new BigDecimal("0.001")));
    }

    @Test
    void eachStepMatchesOrdersFirstThenPublishesTheCandle() {
        SimulatedVenue venue = threeCandles();
        RecordingListener l = new RecordingListener(0);
        venue.connect(l);
        assertThat(venue.status().state()).isEqualTo(ConnectionState.ONLINE);
        assertThat(venue.size()).isEqualTo(3);
        assertThat(venue.time()).isEqualTo(0);

        assertThat(venue.step()).isTrue();
        assertThat(venue.time()).isEqualTo(60_000);
        Candle first = l.candles().get(0);
        assertThat(first.source()).isEqualTo("bt");
        venue.place(OrderRequest.market(BTC_USDT, Side.BUY, BigDecimal.ONE).withClientOrderId(ClientOrderId.of("m1")));
        l.events.clear();

        assertThat(venue.step()).isTrue();
        assertThat(l.events).hasSize(2);
        ExecutionReport filled = (ExecutionReport) l.events.get(0);
        assertThat(filled.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fill().price()).isEqualByComparingTo("102");
        assertThat(l.events.get(1)).isInstanceOf(Candle.class);
        assertThat(((Candle) l.events.get(1)).openTime()).isEqualTo(60_000);
        assertThat(venue.published()).isEqualTo(2);
        assertThat(venue.balances()).anySatisfy(b -> {
            assertThat(b.currency()).isEqualTo("USDT");
            assertThat(b.free()).isEqualByComparingTo("897.898");
        });

        assertThat(venue.step()).isTrue();
        assertThat(venue.step()).isFalse();
        assertThat(venue.published()).isEqualTo(3);
        assertThat(venue.time()).isEqualTo(180_000);
    }

    @Test
    void tickersAreDerivedFromEachCloseOnlyWhenSubscribed() {
        SimulatedVenue venue = threeCandles();
        RecordingListener l = new RecordingListener(0);
        venue.connect(l);
        venue.step();
        venue.subscribe(Subscription.of(BTC_USDT, MarketDataKind.TICKER));
        venue.step();
        List<Ticker> tickers = l.events.stream().filter(Ticker.class::isInstance).map(Ticker.class::cast).toList();
        assertThat(tickers).hasSize(1);
        assertThat(tickers.get(0).last()).isEqualByComparingTo("102");
        assertThat(tickers.get(0).time()).isEqualTo(120_000);
        assertThat(tickers.get(0).source()).isEqualTo("bt");
        venue.unsubscribe(Subscription.of(BTC_USDT, MarketDataKind.TICKER));
        venue.step();
        assertThat(l.events.stream().filter(Ticker.class::isInstance)).hasSize(1);
    }

    @Test
    void unsupportedStreamsAreRefusedWithTheReason() {
        SimulatedVenue venue = threeCandles();
        assertThatThrownBy(() -> venue.subscribe(Subscription.of(BTC_USDT, MarketDataKind.ORDER_BOOK)))
                .isInstanceOf(ExchangeException.class).hasMessageContaining("has no order book stream");
        assertThatThrownBy(() -> venue.subscribe(Subscription.candles(BTC_USDT, Timeframe.H1)))
                .hasMessageContaining("replays 1m candles");
        assertThatThrownBy(() -> venue.subscribe(Subscription.candles(Instrument.of("ETH", "BTC"), null)))
                .hasMessageContaining("trades BTC/USDT only");
        venue.subscribe(Subscription.candles(BTC_USDT, Timeframe.M1));
        venue.subscribe(Subscription.candles(BTC_USDT, null));
        assertThatThrownBy(venue::step).isInstanceOf(IllegalStateException.class).hasMessageContaining("connect");
    }

    @Test
    void theFactoryReplaysARealCandleFile() {
        String data = System.getProperty("cambist.shared.data");
        Path file = data == null ? null : Path.of(data, "candles", "ETH_BTC-5m.json");
        assumeTrue(file != null && Files.exists(file), "shared market data not found: skipping real-file backtest venue test");
        Instrument ethBtc = Instrument.of("ETH", "BTC");
        SimulatedVenue venue = new PaperVenueFactory().create(new SimulationSpec("bt", new MarketSource.CandleFile(file,
                ethBtc, null), Map.of("BTC", BigDecimal.ONE), null, null));
        RecordingListener l = new RecordingListener(0);
        venue.connect(l);
        assertThat(venue.instruments().get(0).tickSize()).isEqualByComparingTo("0.00000001");
        assertThat(venue.balances()).extracting(b -> b.currency() + "=" + b.free().toPlainString())
                .containsExactly("BTC=1", "ETH=0");
        long n = 0;
        while (venue.step()) {
            n++;
        }
        assertThat(n).isEqualTo(5760);
        assertThat(l.candles()).hasSize(5760);
        assertThat(venue.time()).isEqualTo(1517287800000L + 300_000);
    }

    @Test
    void theSameSpecAndOrdersGiveTheSameReports() {
        MarketSource.Synthetic market = new MarketSource.Synthetic(BTC_USDT, Timeframe.M5, 11, new BigDecimal("30000"),
                new BigDecimal("1"), 0, 2_000);
        assertThat(run(market)).isEqualTo(run(market)).isNotEmpty();
    }

    /** A scripted trader: every 50 candles a limit buy 1 % below the close, every 75 a market sell of what is held. */
    private static List<String> run(MarketSource market) {
        SimulatedVenue venue = new PaperVenueFactory().create(new SimulationSpec("bt", market,
                Map.of("USDT", new BigDecimal("100000")), new BigDecimal("0.001"), new BigDecimal("0.002")));
        List<String> out = new ArrayList<>();
        venue.connect(new RecordingListener(0) {
            int n;

            @Override
            public void onMarketEvent(io.cambist.api.model.MarketEvent e) {
                Candle c = (Candle) e;
                n++;
                if (n % 50 == 0) {
                    BigDecimal price = venue.instruments().get(0).roundPriceDown(c.close().multiply(new BigDecimal("0.99")));
                    venue.place(OrderRequest.limit(BTC_USDT, Side.BUY, new BigDecimal("0.5"), price)
                            .withClientOrderId(ClientOrderId.of("b" + n)));
                }
                if (n % 75 == 0) {
                    BigDecimal held = venue.balances().stream().filter(b -> b.currency().equals("BTC")).findFirst()
                            .orElseThrow().free();
                    if (held.signum() > 0) {
                        venue.place(OrderRequest.market(BTC_USDT, Side.SELL, held).withClientOrderId(ClientOrderId.of("s" + n)));
                    }
                }
            }

            @Override
            public void onExecution(ExecutionReport r) {
                out.add(r.order().clientOrderId() + " " + r.order().status() + (r.fill() == null ? ""
                        : " " + r.fill().tradeId() + " " + r.fill().price().toPlainString() + " x "
                                + r.fill().quantity().toPlainString() + " fee " + r.fill().fee().toPlainString()));
            }
        });
        while (venue.step()) {
            // replay to the end
        }
        out.add(venue.balances().toString());
        return out;
    }
}
