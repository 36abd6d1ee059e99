package io.cambist.connector;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.model.Subscription;

/**
 * The {@code ExchangeConnector} lifecycle every connector shares: at most one {@link VenueSession} at a time, a new
 * one per {@code connect} (the old one stopped first), the market data subscriptions kept across sessions and made
 * again on the next, the status OFFLINE while there is no session, and a clear refusal of work before
 * {@code connect}.
 *
 * @param <S> the venue's session type
 */
public final class ConnectorLifecycle<S extends VenueSession<?>> {

    private final Logger logger = LoggerFactory.getLogger(ConnectorLifecycle.class);
    private final String venue;
    private final String account;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile S session;

    /**
     * @param venue   the venue's name for messages, e.g. {@code binance}
     * @param account the account id
     */
    public ConnectorLifecycle(String venue, String account) {
        this.venue = venue;
        this.account = account;
    }

    /** The session's status, or OFFLINE "not connected" while there is none. */
    public ConnectionStatus status() {
        S s = session;
        return s == null ? ConnectionStatus.of(ConnectionState.OFFLINE, "not connected", System.currentTimeMillis())
                : s.health().status();
    }

    /** Stops the current session, if any, then starts a new one and makes every kept subscription again. */
    public synchronized void connect(Supplier<S> sessions) {
        if (session != null) {
            session.stop();
        }
        session = sessions.get();
        session.start();
        for (Subscription s : subscriptions) {
            try {
                session.subscribe(s);
            } catch (RuntimeException e) {
                logger.warn("{} account {}: cannot subscribe again to {}: {}", venue, account, s, e.getMessage());
            }
        }
    }

    /** Stops the current session, if any; subscriptions are kept for the next {@link #connect}. */
    public synchronized void disconnect() {
        S s = session;
        session = null;
        if (s != null) {
            s.stop();
            logger.info("{} account {} disconnected", venue, account);
        }
    }

    /** The current session, or {@code null}. */
    public S current() {
        return session;
    }

    /**
     * The current session.
     *
     * @throws ExchangeUnavailableException before {@code connect} and after {@code disconnect}
     */
    public S require() {
        S s = session;
        if (s == null) {
            throw new ExchangeUnavailableException(venue + " account " + account
                    + " is not connected: the core connects it once it is bound", (String) null);
        }
        return s;
    }

    /** Subscribes on the current session and keeps the subscription for later sessions. */
    public void subscribe(Subscription subscription) {
        require().subscribe(subscription);
        subscriptions.add(subscription);
    }

    /** Forgets a subscription and stops its stream on the current session, if any. */
    public void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
        S s = session;
        if (s != null) {
            s.unsubscribe(subscription);
        }
    }
}
