package io.cambist.exchange.paper.internal;

import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExecutionReport;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.model.MarketEvent;

/**
 * Events a paper account produced under its lock (execution reports, market events, status changes), delivered to
 * the core in the order they were produced, by one thread at a time, outside that lock.
 */
final class Outbox {

    private final Logger logger = LoggerFactory.getLogger(Outbox.class);
    private final String account;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final Object deliveryLock = new Object();
    private volatile VenueListener listener;

    Outbox(String account) {
        this.account = account;
    }

    void listener(VenueListener l) {
        this.listener = l;
    }

    VenueListener listener() {
        return listener;
    }

    /** Queues an {@link ExecutionReport}, a {@link MarketEvent} or a {@link ConnectionStatus}. */
    void add(Object event) {
        queue.add(event);
    }

    /** Drops what was not delivered (state that was never journaled must not be reported). */
    void discard() {
        queue.clear();
    }

    /** Delivers everything queued; events with no listener connected are dropped. */
    void flush() {
        synchronized (deliveryLock) {
            Object e;
            while ((e = queue.poll()) != null) {
                VenueListener l = listener;
                if (l == null) {
                    continue;
                }
                try {
                    if (e instanceof ExecutionReport r) {
                        l.onExecution(r);
                    } else if (e instanceof MarketEvent m) {
                        l.onMarketEvent(m);
                    } else {
                        l.onStatus((ConnectionStatus) e);
                    }
                } catch (RuntimeException ex) {
                    logger.warn("Paper account '{}': the core's listener failed on a {}", account,
                            e.getClass().getSimpleName(), ex);
                }
            }
        }
    }
}
