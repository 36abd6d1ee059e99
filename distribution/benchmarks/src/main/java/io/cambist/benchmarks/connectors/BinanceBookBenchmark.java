package io.cambist.benchmarks.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.api.model.Instrument;
import io.cambist.exchange.binance.internal.BinanceConstants;
import io.cambist.exchange.binance.internal.BinanceJson;
import io.cambist.exchange.binance.internal.dto.BinanceDepth;
import io.cambist.exchange.binance.internal.dto.BinanceDepthUpdate;
import io.cambist.exchange.binance.internal.ws.BinanceStreamParser;
import io.cambist.exchange.binance.internal.ws.LocalOrderBook;

/**
 * Binance local order book: diff depth events applied per second from a recorded stream ({@link BinanceStreams}:
 * a 1,000-level snapshot per side, then {@value #EVENTS} events of 1 to 40 level changes), each handled as the
 * connector handles it ({@code OrderBookSync.onDiff}: under the book's lock, {@link LocalOrderBook#onDiff} with its
 * update-id checks, then the published top {@value BinanceConstants#DEFAULT_BOOK_DEPTH} levels
 * ({@link LocalOrderBook#view})). {@code apply} starts from parsed events; {@code parseAndApply} from the text of the
 * combined stream, through {@link BinanceStreamParser}. One operation is one event; the book is loaded from the
 * snapshot again before each replay (not timed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BinanceBookBenchmark {

    /** Events in the recorded stream. */
    public static final int EVENTS = 20_000;
    /** Most level changes in one event. */
    public static final int MAX_CHANGES = 40;

    private final ObjectMapper mapper = BinanceJson.mapper();
    private final BinanceStreamParser parser = new BinanceStreamParser(mapper);
    private BinanceStreams.DepthStream stream;
    private BinanceDepth snapshot;
    private List<BinanceDepthUpdate> parsed;
    private LocalOrderBook book;

    @Setup(Level.Trial)
    public void record() throws Exception {
        stream = BinanceStreams.depth(7, 1000, EVENTS, MAX_CHANGES);
        snapshot = mapper.readValue(stream.snapshot(), BinanceDepth.class);
        parsed = new ArrayList<>(EVENTS);
        for (String text : stream.diffs()) {
            parsed.add(((BinanceStreamParser.Depth) parser.parse(text)).update());
        }
        load();
        for (BinanceDepthUpdate u : parsed) {
            if (book.onDiff(u) != LocalOrderBook.Result.APPLIED) {
                throw new IllegalStateException("the recorded stream does not apply cleanly at update "
                        + u.firstUpdateId());
            }
        }
        System.out.printf("%n%,d events, %,d level changes (%.1f per event)%n", EVENTS, stream.levelChanges(),
                stream.levelChanges() / (double) EVENTS);
    }

    @Setup(Level.Invocation)
    public void load() {
        book = new LocalOrderBook("binance", Instrument.of("BTC", "USDT"), "BTCUSDT",
                BinanceConstants.DEFAULT_BOOK_DEPTH);
        if (book.onSnapshot(book.startSync(), snapshot) != LocalOrderBook.Result.APPLIED) {
            throw new IllegalStateException("the snapshot was not applied");
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void apply(Blackhole bh) {
        for (BinanceDepthUpdate u : parsed) {
            onDiff(u, bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void parseAndApply(Blackhole bh) {
        for (String text : stream.diffs()) {
            if (parser.parse(text) instanceof BinanceStreamParser.Depth d) {
                onDiff(d.update(), bh);
            }
        }
    }

    /** What {@code OrderBookSync.onDiff} does with an event (publishing is the core's business: consumed here). */
    private void onDiff(BinanceDepthUpdate u, Blackhole bh) {
        synchronized (book) {
            if (book.onDiff(u) == LocalOrderBook.Result.APPLIED) {
                bh.consume(book.view(0));
            } else {
                throw new IllegalStateException("update " + u.firstUpdateId() + " was not applied");
            }
        }
    }
}
