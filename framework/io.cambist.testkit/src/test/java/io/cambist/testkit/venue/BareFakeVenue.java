package io.cambist.testkit.venue;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderBook;
import io.cambist.api.model.Timeframe;

/** A fake venue with only the shared plumbing and one WebSocket endpoint ({@code /ws}); counts market moves. */
public final class BareFakeVenue extends AbstractFakeVenue {

    public final AtomicInteger moves = new AtomicInteger();
    public volatile boolean closed;

    public BareFakeVenue() {
        super("fake-bare");
        server().webSocket("/ws", new SocketHandler() {
        });
    }

    @Override
    public ExchangeConnector createConnector() {
        throw new UnsupportedOperationException("no connector for the bare venue");
    }

    @Override
    public Instrument instrument() {
        return Instrument.of("ETH", "BTC");
    }

    @Override
    public BigDecimal orderQuantity() {
        return BigDecimal.ONE;
    }

    @Override
    public OrderBook venueBook(int depth) {
        throw new UnsupportedOperationException("the bare venue has no book");
    }

    @Override
    public void marketActivity() {
        moves.incrementAndGet();
    }

    @Override
    public void closeCandle(Timeframe timeframe) {
    }

    @Override
    public void fillRestingOrder(ClientOrderId clientOrderId) {
    }

    @Override
    public void skipNextBookUpdate() {
    }

    @Override
    public void close() {
        closed = true;
        super.close();
    }
}
