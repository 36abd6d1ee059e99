package io.cambist.core.internal.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;

/** A connector object in front of a venue: a new one stands for a connector bundle's new version. */
public final class DelegatingConnector implements ExchangeConnector {

    private final ExchangeConnector venue;

    public DelegatingConnector(ExchangeConnector venue) {
        this.venue = venue;
    }

    @Override
    public String account() {
        return venue.account();
    }

    @Override
    public String venue() {
        return "live";
    }

    @Override
    public Set<Capability> capabilities() {
        return venue.capabilities();
    }

    @Override
    public ConnectionStatus status() {
        return venue.status();
    }

    @Override
    public void connect(VenueListener listener) {
        venue.connect(listener);
    }

    @Override
    public void disconnect() {
        venue.disconnect();
    }

    @Override
    public List<InstrumentSpec> instruments() {
        return venue.instruments();
    }

    @Override
    public List<Balance> balances() {
        return venue.balances();
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        return venue.place(request);
    }

    @Override
    public VenueOrder cancel(Instrument instrument, ClientOrderId clientOrderId) {
        return venue.cancel(instrument, clientOrderId);
    }

    @Override
    public Optional<VenueOrder> query(Instrument instrument, ClientOrderId clientOrderId) {
        return venue.query(instrument, clientOrderId);
    }

    @Override
    public List<VenueOrder> openOrders() {
        return venue.openOrders();
    }

    @Override
    public List<Fill> fills(Instrument instrument, ClientOrderId clientOrderId) {
        return venue.fills(instrument, clientOrderId);
    }

    @Override
    public void subscribe(Subscription subscription) {
        venue.subscribe(subscription);
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        venue.unsubscribe(subscription);
    }
}
