package io.cambist.exchange.paper.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.Candle;
import io.cambist.api.model.MarketEvent;

/** A venue listener that records everything, with a manual clock and scheduler. */
class RecordingListener implements VenueListener {

    final List<Object> events = new CopyOnWriteArrayList<>();
    final AtomicLong clock;
    final ManualScheduler scheduler;

    RecordingListener(long start) {
        clock = new AtomicLong(start);
        scheduler = new ManualScheduler(clock);
    }

    @Override
    public void onMarketEvent(MarketEvent event) {
        events.add(event);
    }

    @Override
    public void onExecution(ExecutionReport report) {
        events.add(report);
    }

    @Override
    public void onStatus(ConnectionStatus status) {
        events.add(status);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public long now() {
        return clock.get();
    }

    List<Candle> candles() {
        return events.stream().filter(Candle.class::isInstance).map(Candle.class::cast).toList();
    }

    List<ExecutionReport> reports() {
        return events.stream().filter(ExecutionReport.class::isInstance).map(ExecutionReport.class::cast).toList();
    }

    ConnectionStatus lastStatus() {
        ConnectionStatus last = null;
        for (Object e : events) {
            if (e instanceof ConnectionStatus s) {
                last = s;
            }
        }
        return last;
    }
}
