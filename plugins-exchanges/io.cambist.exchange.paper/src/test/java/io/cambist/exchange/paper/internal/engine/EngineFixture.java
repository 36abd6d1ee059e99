package io.cambist.exchange.paper.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.OrderRequest;

/** A BTC/USDT engine with 10000 USDT and 1 BTC, maker fee 0.1 %, taker fee 0.2 %, and helpers to drive it. */
final class EngineFixture {

    static final Instrument BTC_USDT = Instrument.of("BTC", "USDT");
    static final long T0 = 1_700_000_000_000L;

    final List<ExecutionReport> reports = new ArrayList<>();
    final MatchingEngine engine;
    private long nextOpen = T0;
    private int ids;

    EngineFixture() {
        this(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    EngineFixture(BigDecimal volumeLimit, BigDecimal step) {
        InstrumentSpec spec = new InstrumentSpec(BTC_USDT, "BTCUSDT", new BigDecimal("0.01"), step, BigDecimal.ZERO, null,
                BigDecimal.ZERO, true);
        engine = new MatchingEngine(new EngineSettings("paper", spec, new BigDecimal("0.001"), new BigDecimal("0.002"),
                volumeLimit, ""), ChangeTracker.NONE);
        engine.balances().set("USDT", new BigDecimal("10000"), BigDecimal.ZERO);
        engine.balances().set("BTC", BigDecimal.ONE, BigDecimal.ZERO);
        engine.sink(reports::add);
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** Feeds the next one-minute candle. */
    Candle candle(String open, String high, String low, String close) {
        return candle(open, high, low, close, "1000");
    }

    Candle candle(String open, String high, String low, String close, String volume) {
        Candle c = new Candle("paper", BTC_USDT, Timeframe.M1, nextOpen, d(open), d(high), d(low), d(close), d(volume));
        nextOpen += 60_000;
        engine.onCandle(c);
        return c;
    }

    /** The time of the venue: the close of the last candle. */
    long now() {
        return nextOpen;
    }

    VenueOrder place(OrderRequest r) {
        return engine.place(r.clientOrderId() == null ? r.withClientOrderId(ClientOrderId.of("c" + ++ids)) : r, now());
    }

    VenueOrder marketBuy(String qty) {
        return place(OrderRequest.market(BTC_USDT, Side.BUY, d(qty)));
    }

    VenueOrder limit(Side side, String qty, String price) {
        return place(OrderRequest.limit(BTC_USDT, side, d(qty), d(price)));
    }

    VenueOrder limit(Side side, String qty, String price, TimeInForce tif) {
        return place(OrderRequest.limit(BTC_USDT, side, d(qty), d(price)).withTimeInForce(tif));
    }

    VenueOrder order(VenueOrder o) {
        return engine.query(o.clientOrderId()).orElseThrow();
    }

    BigDecimal free(String currency) {
        return engine.balances().free(currency);
    }

    BigDecimal locked(String currency) {
        return engine.balances().locked(currency);
    }

    ExecutionReport lastReport() {
        return reports.get(reports.size() - 1);
    }
}
