package io.cambist.exchange.paper.internal.store;

import java.math.BigDecimal;

import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.Timeframe;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderStatus;
import io.cambist.exchange.paper.internal.engine.EngineOrder;

/**
 * Text records of a paper account's state, one per line in a snapshot and tab-separated in a journal entry. Each
 * record holds the full new state of one thing, so applying a record twice is harmless:
 * {@code A} account header, {@code N} id counters, {@code B} a balance, {@code O} an order, {@code F} a fill,
 * {@code M} the replay position and last candle.
 */
public final class StateCodec {

    /** Format version written into the header record. */
    static final int VERSION = 1;

    private StateCodec() {
    }

    public static String header(AccountHeader h) {
        return new RecordWriter('A').number(VERSION).text(h.account()).text(h.instrument().symbol()).text(h.idPrefix())
                .text(h.fingerprint()).number(h.syntheticStart()).toString();
    }

    public static String counters(long nextOrder, long nextTrade) {
        return new RecordWriter('N').number(nextOrder).number(nextTrade).toString();
    }

    public static String balance(String currency, BigDecimal free, BigDecimal locked) {
        return new RecordWriter('B').text(currency).decimal(free).decimal(locked).toString();
    }

    public static String order(EngineOrder o) {
        EngineOrder.Terms t = o.terms();
        return new RecordWriter('O').number(t.sequence()).text(t.clientOrderId().value())
                .text(t.venueOrderId().value()).text(t.side().name()).text(t.type().name()).text(t.timeInForce().name())
                .decimal(t.quantity()).decimal(t.quoteQuantity()).decimal(t.limitPrice()).decimal(t.stopPrice())
                .number(t.createdTime()).text(o.status().name()).decimal(o.filled()).decimal(o.filledNotional())
                .decimal(o.fees()).text(o.reason()).number(o.updatedTime()).flag(o.triggered()).decimal(o.locked())
                .toString();
    }

    public static String fill(Fill f) {
        return new RecordWriter('F').text(f.tradeId()).text(f.clientOrderId().value())
                .text(f.venueOrderId() == null ? null : f.venueOrderId().value()).text(f.side().name())
                .decimal(f.price()).decimal(f.quantity()).decimal(f.fee()).text(f.feeCurrency())
                .text(f.liquidity() == null ? null : f.liquidity().name()).number(f.time()).toString();
    }

    public static String market(long published, Candle latest) {
        RecordWriter w = new RecordWriter('M').number(published);
        if (latest == null) {
            return w.text(null).toString();
        }
        return w.text(latest.timeframe().label()).number(latest.openTime()).decimal(latest.open()).decimal(latest.high())
                .decimal(latest.low()).decimal(latest.close()).decimal(latest.volume()).toString();
    }

    static AccountHeader readHeader(RecordReader r) {
        long version = r.number();
        if (version != VERSION) {
            throw r.bad("state format version " + version + " is not supported (expected " + VERSION + ")");
        }
        return new AccountHeader(r.required(), Instrument.parse(r.required()), r.required(), r.required(), r.number());
    }

    static EngineOrder readOrder(RecordReader r) {
        EngineOrder.Terms terms = new EngineOrder.Terms(r.number(), ClientOrderId.of(r.required()),
                new VenueOrderId(r.required()), Side.valueOf(r.required()), OrderType.valueOf(r.required()),
                TimeInForce.valueOf(r.required()), r.decimal(), r.decimal(), r.decimal(), r.decimal(), r.number());
        return EngineOrder.restore(terms, OrderStatus.valueOf(r.required()), r.decimal(), r.decimal(), r.decimal(), r.text(),
                r.number(), r.flag(), r.decimal());
    }

    static Fill readFill(RecordReader r, Instrument instrument) {
        String tradeId = r.required();
        ClientOrderId id = ClientOrderId.of(r.required());
        String venueId = r.text();
        Side side = Side.valueOf(r.required());
        BigDecimal price = r.decimal();
        BigDecimal quantity = r.decimal();
        BigDecimal fee = r.decimal();
        String feeCurrency = r.text();
        String liquidity = r.text();
        return new Fill(tradeId, id, venueId == null ? null : new VenueOrderId(venueId), instrument, side, price, quantity,
                fee, feeCurrency, liquidity == null ? null : Liquidity.valueOf(liquidity), r.number());
    }

    static Candle readCandle(RecordReader r, String account, Instrument instrument) {
        String label = r.text();
        if (label == null) {
            return null;
        }
        return new Candle(account, instrument, Timeframe.parse(label), r.number(), r.decimal(), r.decimal(), r.decimal(),
                r.decimal(), r.decimal());
    }
}
