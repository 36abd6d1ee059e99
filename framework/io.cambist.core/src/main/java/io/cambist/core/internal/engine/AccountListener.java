package io.cambist.core.internal.engine;

import java.util.concurrent.ScheduledExecutorService;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.MarketEvent;
import io.cambist.core.internal.account.AccountSlot;
import io.cambist.core.internal.bus.MarketDataBus;
import io.cambist.core.internal.order.OrderManager;
import io.cambist.core.internal.order.VenueCalls;

/** The core's callbacks for one bound connector: market data to the bus, executions to the order manager. */
final class AccountListener implements VenueListener {

    private final AccountSlot slot;
    private final String account;
    private final MarketDataBus bus;
    private final OrderManager orders;
    private final VenueCalls venueCalls;
    private final ScheduledExecutorService scheduler;
    private final EngineClock clock;

    AccountListener(AccountSlot slot, MarketDataBus bus, OrderManager orders, VenueCalls venueCalls,
            ScheduledExecutorService scheduler, EngineClock clock) {
        this.slot = slot;
        this.account = slot.account();
        this.bus = bus;
        this.orders = orders;
        this.venueCalls = venueCalls;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        if (event != null) {
            bus.publish(account, event);
        }
    }

    @Override
    public void onExecution(ExecutionReport report) {
        if (report != null) {
            orders.onExecution(new ExecutionReport(account, report.order(), report.fill()));
        }
    }

    @Override
    public void onStatus(ConnectionStatus status) {
        if (status == null) {
            return;
        }
        ConnectionStatus previous = slot.lastStatus();
        slot.lastStatus(status);
        if (status.state() == ConnectionState.ONLINE && previous != null && previous.state() != ConnectionState.ONLINE
                && slot.ready()) {
            venueCalls.refresh(slot); // a reconnect: open orders and balances may have moved meanwhile
        }
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler != null ? scheduler : SharedScheduler.fallback();
    }

    @Override
    public long now() {
        return clock.now();
    }
}
