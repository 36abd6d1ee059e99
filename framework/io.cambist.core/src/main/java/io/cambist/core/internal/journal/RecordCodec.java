package io.cambist.core.internal.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Liquidity;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.core.internal.journal.JournalRecord.ExitSaved;
import io.cambist.core.internal.journal.JournalRecord.FillApplied;
import io.cambist.core.internal.journal.JournalRecord.IdEpoch;
import io.cambist.core.internal.journal.JournalRecord.InstanceRemoved;
import io.cambist.core.internal.journal.JournalRecord.OrderSaved;
import io.cambist.core.internal.journal.JournalRecord.PositionSaved;
import io.cambist.core.internal.journal.JournalRecord.SnapshotSaved;

/** Binary encoding of journal records: a type byte, then the fields; decimals as text so nothing is rounded. */
public final class RecordCodec {

    private static final byte ORDER = 1;
    private static final byte FILL = 2;
    private static final byte SNAPSHOT = 3;
    private static final byte EXIT = 4;
    private static final byte REMOVED = 5;
    private static final byte POSITION = 6;
    private static final byte EPOCH = 7;

    private RecordCodec() {
    }

    /** The record's bytes. */
    public static byte[] encode(JournalRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (record instanceof OrderSaved r) {
                out.writeByte(ORDER);
                writeOrder(out, r.order());
                out.writeInt(r.tradeIds().size());
                for (String id : r.tradeIds()) {
                    str(out, id);
                }
            } else if (record instanceof FillApplied r) {
                out.writeByte(FILL);
                str(out, r.account());
                str(out, r.strategyId());
                writeFill(out, r.fill());
                dec(out, r.quoteFee());
            } else if (record instanceof SnapshotSaved r) {
                out.writeByte(SNAPSHOT);
                str(out, r.instanceId());
                out.writeInt(r.snapshot().version());
                out.writeInt(r.snapshot().values().size());
                for (Map.Entry<String, String> e : r.snapshot().values().entrySet()) {
                    str(out, e.getKey());
                    str(out, e.getValue());
                }
            } else if (record instanceof ExitSaved r) {
                out.writeByte(EXIT);
                str(out, r.instanceId());
                out.writeBoolean(r.rules() != null);
                if (r.rules() != null) {
                    ExitRules x = r.rules();
                    dec(out, x.stopLossPrice());
                    dec(out, x.stopLossPercent());
                    dec(out, x.takeProfitPercent());
                    dec(out, x.trailingActivationPercent());
                    dec(out, x.trailingCallbackPercent());
                }
                out.writeBoolean(r.armed());
                dec(out, r.highest());
            } else if (record instanceof InstanceRemoved r) {
                out.writeByte(REMOVED);
                str(out, r.instanceId());
            } else if (record instanceof PositionSaved r) {
                out.writeByte(POSITION);
                str(out, r.account());
                str(out, r.strategyId());
                instrument(out, r.instrument());
                dec(out, r.quantity());
                dec(out, r.average());
                dec(out, r.realized());
                dec(out, r.fees());
                out.writeLong(r.day());
                dec(out, r.realizedAtDayStart());
            } else if (record instanceof IdEpoch r) {
                out.writeByte(EPOCH);
                out.writeLong(r.epoch());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a record.
     *
     * @throws IllegalArgumentException when the bytes are not a record this version knows
     */
    public static JournalRecord decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte type = in.readByte();
            switch (type) {
                case ORDER: {
                    Order order = readOrder(in);
                    int n = in.readInt();
                    List<String> ids = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        ids.add(str(in));
                    }
                    return new OrderSaved(order, ids);
                }
                case FILL:
                    return new FillApplied(str(in), str(in), readFill(in), dec(in));
                case SNAPSHOT: {
                    String id = str(in);
                    int version = in.readInt();
                    int n = in.readInt();
                    Map<String, String> values = new TreeMap<>();
                    for (int i = 0; i < n; i++) {
                        values.put(str(in), str(in));
                    }
                    return new SnapshotSaved(id, new StrategySnapshot(version, values));
                }
                case EXIT: {
                    String id = str(in);
                    ExitRules rules = in.readBoolean() ? new ExitRules(dec(in), dec(in), dec(in), dec(in), dec(in)) : null;
                    return new ExitSaved(id, rules, in.readBoolean(), dec(in));
                }
                case REMOVED:
                    return new InstanceRemoved(str(in));
                case POSITION:
                    return new PositionSaved(str(in), str(in), instrument(in), dec(in), dec(in), dec(in), dec(in),
                            in.readLong(), dec(in));
                case EPOCH:
                    return new IdEpoch(in.readLong());
                default:
                    throw new IllegalArgumentException("unknown journal record type " + type);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("journal record is truncated: " + e.getMessage(), e);
        }
    }

    private static void writeOrder(DataOutputStream out, Order o) throws IOException {
        str(out, o.clientOrderId().value());
        str(out, o.venueOrderId() == null ? null : o.venueOrderId().value());
        str(out, o.account());
        str(out, o.strategyId());
        instrument(out, o.instrument());
        str(out, o.side().name());
        str(out, o.type().name());
        str(out, o.timeInForce() == null ? null : o.timeInForce().name());
        dec(out, o.quantity());
        dec(out, o.quoteQuantity());
        dec(out, o.limitPrice());
        dec(out, o.stopPrice());
        str(out, o.status().name());
        dec(out, o.filledQuantity());
        dec(out, o.averagePrice());
        dec(out, o.fees());
        str(out, o.feeCurrency());
        str(out, o.tag());
        str(out, o.reason());
        out.writeLong(o.createdTime());
        out.writeLong(o.updatedTime());
    }

    private static Order readOrder(DataInputStream in) throws IOException {
        ClientOrderId id = ClientOrderId.of(str(in));
        String venueId = str(in);
        String account = str(in);
        String strategyId = str(in);
        Instrument instrument = instrument(in);
        Side side = Side.valueOf(str(in));
        OrderType type = OrderType.valueOf(str(in));
        String tif = str(in);
        BigDecimal quantity = dec(in);
        BigDecimal quoteQuantity = dec(in);
        BigDecimal limit = dec(in);
        BigDecimal stop = dec(in);
        OrderStatus status = OrderStatus.valueOf(str(in));
        BigDecimal filled = dec(in);
        BigDecimal average = dec(in);
        BigDecimal fees = dec(in);
        String feeCurrency = str(in);
        String tag = str(in);
        String reason = str(in);
        long created = in.readLong();
        long updated = in.readLong();
        return new Order(id, venueId == null ? null : new VenueOrderId(venueId), account, strategyId, instrument, side,
                type, tif == null ? null : TimeInForce.valueOf(tif), quantity, quoteQuantity, limit, stop, status,
                filled, average, fees, feeCurrency, tag, reason, created, updated);
    }

    private static void writeFill(DataOutputStream out, Fill f) throws IOException {
        str(out, f.tradeId());
        str(out, f.clientOrderId().value());
        str(out, f.venueOrderId() == null ? null : f.venueOrderId().value());
        instrument(out, f.instrument());
        str(out, f.side().name());
        dec(out, f.price());
        dec(out, f.quantity());
        dec(out, f.fee());
        str(out, f.feeCurrency());
        str(out, f.liquidity() == null ? null : f.liquidity().name());
        out.writeLong(f.time());
    }

    private static Fill readFill(DataInputStream in) throws IOException {
        String tradeId = str(in);
        ClientOrderId id = ClientOrderId.of(str(in));
        String venueId = str(in);
        Instrument instrument = instrument(in);
        Side side = Side.valueOf(str(in));
        BigDecimal price = dec(in);
        BigDecimal quantity = dec(in);
        BigDecimal fee = dec(in);
        String feeCurrency = str(in);
        String liquidity = str(in);
        long time = in.readLong();
        return new Fill(tradeId, id, venueId == null ? null : new VenueOrderId(venueId), instrument, side, price,
                quantity, fee, feeCurrency, liquidity == null ? null : Liquidity.valueOf(liquidity), time);
    }

    private static void instrument(DataOutputStream out, Instrument i) throws IOException {
        str(out, i.base());
        str(out, i.quote());
    }

    private static Instrument instrument(DataInputStream in) throws IOException {
        return Instrument.of(str(in), str(in));
    }

    private static void dec(DataOutputStream out, BigDecimal v) throws IOException {
        str(out, v == null ? null : v.toString());
    }

    private static BigDecimal dec(DataInputStream in) throws IOException {
        String s = str(in);
        return s == null ? null : new BigDecimal(s);
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > in.available()) {
            throw new IOException("string of " + n + " bytes runs past the record");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
