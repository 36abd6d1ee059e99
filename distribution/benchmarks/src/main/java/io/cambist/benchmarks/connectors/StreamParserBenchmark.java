package io.cambist.benchmarks.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.cambist.exchange.binance.internal.BinanceJson;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser;
import io.cambist.exchange.kraken.internal.KrakenJson;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser;

/**
 * Market data messages parsed per second per connector, one message per operation, through the connector's own
 * parser ({@link BinanceStreamParser}: combined-stream envelopes bound straight into the DTOs;
 * {@link KrakenStreamParser}: v2 channel messages), from the text of captured-style messages
 * ({@link BinanceStreams}, {@link KrakenStreams}; {@value #MESSAGES} different ones per kind, cycled).
 * Kinds: {@code book} (Binance diff depth of 1 to 40 levels; Kraken book update of 1 to 3 levels), {@code trade},
 * {@code ticker} (Binance bookTicker, Kraken ticker), {@code candle} (Binance kline, Kraken ohlc), and {@code mix}:
 * the four interleaved in equal numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamParserBenchmark {

    /** Different messages per kind (a power of two). */
    public static final int MESSAGES = 4096;

    @Param({"binance", "kraken"})
    public String connector;

    @Param({"mix", "book", "trade", "ticker", "candle"})
    public String kind;

    private String[] messages;
    private Function<String, Object> parser;
    private int next;

    @Setup(Level.Trial)
    public void record() {
        List<List<String>> kinds = new ArrayList<>();
        boolean binance = connector.equals("binance");
        for (String k : kind.equals("mix") ? List.of("book", "trade", "ticker", "candle") : List.of(kind)) {
            kinds.add(binance ? binance(k) : kraken(k));
        }
        messages = new String[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = kinds.get(i % kinds.size()).get(i);
        }
        if (binance) {
            BinanceStreamParser p = new BinanceStreamParser(BinanceJson.mapper());
            parser = p::parse;
        } else {
            KrakenStreamParser p = new KrakenStreamParser(KrakenJson.mapper());
            parser = p::parse;
        }
        for (String m : messages) {
            Object parsed = parser.apply(m);
            if (parsed instanceof BinanceStreamParser.Ignored || parsed instanceof KrakenStreamParser.Ignored) {
                throw new IllegalStateException("a benchmark message was not understood: " + m);
            }
        }
    }

    private static List<String> binance(String kind) {
        return switch (kind) {
            case "book" -> BinanceStreams.depth(3, 1000, MESSAGES, BinanceBookBenchmark.MAX_CHANGES).diffs();
            case "trade" -> BinanceStreams.trades(3, MESSAGES);
            case "ticker" -> BinanceStreams.bookTickers(3, MESSAGES);
            case "candle" -> BinanceStreams.klines(3, MESSAGES);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static List<String> kraken(String kind) {
        return switch (kind) {
            case "book" -> KrakenStreams.book(3, MESSAGES).updates();
            case "trade" -> KrakenStreams.trades(3, MESSAGES);
            case "ticker" -> KrakenStreams.tickers(3, MESSAGES);
            case "candle" -> KrakenStreams.ohlcs(3, MESSAGES);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    @Benchmark
    public Object parse() {
        String m = messages[next];
        next = (next + 1) & (MESSAGES - 1);
        return parser.apply(m);
    }
}
