package io.cambist.core.internal.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.Candle;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.MarketEvent;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;

/**
 * A connector that passes every call to another one; subclasses override what they watch or change (the backtester's
 * candle tap, test stand-ins for a connector bundle's new version, the benchmarks' timing probe).
 */
public class ForwardingConnector implements ExchangeConnector {

    protected final ExchangeConnector delegate;

    public ForwardingConnector(ExchangeConnector delegate) {
        this.delegate = delegate;
    }

    /** A listener that shows every candle to {@code tap} before passing it, and everything else, to {@code listener}. */
    public static VenueListener tapCandles(VenueListener listener, Consumer<Candle> tap) {
        return new VenueListener() {
            @Override
            public void onMarketEvent(MarketEvent event) {
                if (event instanceof Candle c) {
                    tap.accept(c);
                }
                listener.onMarketEvent(event);
            }

            @Override
            public void onExecution(ExecutionReport report) {
                listener.onExecution(report);
            }

            @Override
            public void onStatus(ConnectionStatus status) {
                listener.onStatus(status);
            }

            @Override
            public ScheduledExecutorService scheduler() {
                return listener.scheduler();
            }

            @Override
            public long now() {
                return listener.now();
            }
        };
    }

    @Override
    public String account() {
        return delegate.account();
    }

    @Override
    public String venue() {
        return delegate.venue();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public ConnectionStatus status() {
        return delegate.status();
    }

    @Override
    public void connect(VenueListener listener) {
        delegate.connect(listener);
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public List<InstrumentSpec> instruments() {
        return delegate.instruments();
    }

    @Override
    public List<Balance> balances() {
        return delegate.balances();
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        return delegate.place(request);
    }

    @Override
    public VenueOrder cancel(Instrument instrument, ClientOrderId clientOrderId) {
        return delegate.cancel(instrument, clientOrderId);
    }

    @Override
    public Optional<VenueOrder> query(Instrument instrument, ClientOrderId clientOrderId) {
        return delegate.query(instrument, clientOrderId);
    }

    @Override
    public List<VenueOrder> openOrders() {
        return delegate.openOrders();
    }

    @Override
    public List<Fill> fills(Instrument instrument, ClientOrderId clientOrderId) {
        return delegate.fills(instrument, clientOrderId);
    }

    @Override
    public void subscribe(Subscription subscription) {
        delegate.subscribe(subscription);
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        delegate.unsubscribe(subscription);
    }

    @Override
    public long malformedMessages() {
        return delegate.malformedMessages();
    }
}
