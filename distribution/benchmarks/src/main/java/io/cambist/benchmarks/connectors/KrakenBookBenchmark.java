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

import io.cambist.api.model.Instrument;
import io.cambist.exchange.kraken.internal.KrakenJson;
import io.cambist.exchange.kraken.internal.dto.KrakenBookData;
import io.cambist.exchange.kraken.internal.ws.KrakenBook;
import io.cambist.exchange.kraken.internal.ws.KrakenStreamParser;

/**
 * Kraken WebSocket v2 book: updates applied per second from a recorded {@code book} channel
 * ({@link KrakenStreams}: depth 25, then {@value #UPDATES} updates of one to three levels), each handled as the
 * connector handles it ({@code KrakenStreamClient.onBook}: under the book's lock, {@link KrakenBook#update} with the
 * truncation to the subscribed depth and the CRC32 checksum of the top 10 levels, then the published book
 * ({@link KrakenBook#view})). {@code apply} starts from parsed updates; {@code parseAndApply} from the text, through
 * {@link KrakenStreamParser}. One operation is one update; the book is loaded from the snapshot again before each
 * replay (not timed). Every update's checksum must match, or the benchmark stops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KrakenBookBenchmark {

    /** Updates in the recorded stream. */
    public static final int UPDATES = 50_000;

    private final KrakenStreamParser parser = new KrakenStreamParser(KrakenJson.mapper());
    private KrakenStreams.BookStream stream;
    private KrakenBookData snapshot;
    private List<KrakenBookData> parsed;
    private KrakenBook book;

    @Setup(Level.Trial)
    public void record() {
        stream = KrakenStreams.book(11, UPDATES);
        snapshot = only(stream.snapshot());
        parsed = new ArrayList<>(UPDATES);
        for (String text : stream.updates()) {
            parsed.add(only(text));
        }
        load();
        for (KrakenBookData d : parsed) {
            if (book.update(d, 0) != KrakenBook.Result.APPLIED) {
                throw new IllegalStateException("the recorded stream does not apply cleanly: " + book.mismatch());
            }
        }
        System.out.printf("%n%,d updates, %,d level changes (%.2f per update)%n", UPDATES, stream.levelChanges(),
                stream.levelChanges() / (double) UPDATES);
    }

    private KrakenBookData only(String text) {
        KrakenStreamParser.Book b = (KrakenStreamParser.Book) parser.parse(text);
        return b.data().get(0);
    }

    @Setup(Level.Invocation)
    public void load() {
        book = new KrakenBook("kraken", Instrument.of("BTC", "USD"), KrakenStreams.SYMBOL, KrakenStreams.DEPTH,
                KrakenStreams.PRICE_DECIMALS, KrakenStreams.QTY_DECIMALS);
        if (book.snapshot(snapshot, 0) != KrakenBook.Result.APPLIED) {
            throw new IllegalStateException("the snapshot's checksum does not match: " + book.mismatch());
        }
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public void apply(Blackhole bh) {
        for (KrakenBookData d : parsed) {
            onBook(d, bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public void parseAndApply(Blackhole bh) {
        for (String text : stream.updates()) {
            if (parser.parse(text) instanceof KrakenStreamParser.Book b) {
                for (KrakenBookData d : b.data()) {
                    onBook(d, bh);
                }
            }
        }
    }

    /** What {@code KrakenStreamClient.onBook} does with an update (publishing is the core's business: consumed). */
    private void onBook(KrakenBookData d, Blackhole bh) {
        synchronized (book) {
            if (book.update(d, 0) == KrakenBook.Result.APPLIED) {
                bh.consume(book.view());
            } else {
                throw new IllegalStateException("checksum mismatch: " + book.mismatch());
            }
        }
    }
}
