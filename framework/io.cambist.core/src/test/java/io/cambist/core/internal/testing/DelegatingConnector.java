package io.cambist.core.internal.testing;

import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.core.internal.account.ForwardingConnector;

/** A connector object in front of a venue: a new one stands for a connector bundle's new version. */
public final class DelegatingConnector extends ForwardingConnector {

    public DelegatingConnector(ExchangeConnector venue) {
        super(venue);
    }

    @Override
    public String venue() {
        return "live";
    }
}
