package io.cambist.core.internal.bus;

import io.cambist.api.model.MarketEvent;

/** Receives market events from the bus (a strategy instance's queue). Must not block. */
@FunctionalInterface
public interface MarketSubscriber {

    /** Offers an event; false when it was refused (queue full, instance not running). */
    boolean offerMarket(MarketEvent event);
}
