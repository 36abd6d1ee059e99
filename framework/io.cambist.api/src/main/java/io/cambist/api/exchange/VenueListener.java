package io.cambist.api.exchange;

import java.util.concurrent.ScheduledExecutorService;

import org.osgi.annotation.versioning.ProviderType;

import io.cambist.api.model.MarketEvent;

/**
 * The core's side of a connected {@link ExchangeConnector}: where the connector delivers market data, execution reports
 * and status changes, and where it gets the framework's scheduler (plugins create no threads of their own).
 * All methods are thread-safe and return quickly.
 */
@ProviderType
public interface VenueListener {

    /** Delivers a market data event to the market data bus. */
    void onMarketEvent(MarketEvent event);

    /** Delivers an order update or fill. */
    void onExecution(ExecutionReport report);

    /** Reports a change of connection state. */
    void onStatus(ConnectionStatus status);

    /**
     * The framework's shared scheduler for network work, timers and reconnect backoff. Do not shut it down; cancel
     * your own tasks in {@link ExchangeConnector#disconnect()}.
     */
    ScheduledExecutorService scheduler();

    /** The current time of the framework's clock (simulated in backtests), epoch milliseconds. */
    long now();
}
