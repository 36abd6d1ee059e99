package io.cambist.exchange.kraken.internal.ws;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.cambist.connector.Backoff;
import io.cambist.connector.ws.KeepAlive;
import io.cambist.connector.ws.ReconnectingWebSocket;
import io.cambist.exchange.kraken.internal.KrakenConstants;
import io.cambist.exchange.kraken.internal.KrakenSettings;

/**
 * Kraken's liveness rules for the shared {@link ReconnectingWebSocket}, as WebSocket v2 documents them: the client
 * sends {@code {"method":"ping","req_id":n}} (answered by a {@code pong} message) every third of
 * {@code stream.staleAfterMillis}, on top of the heartbeats a subscribed connection receives every second; silence is
 * checked twice as often; pong frames are not Kraken's answer, so they do not count; Kraken sets no age limit.
 */
public final class KrakenSockets {

    private KrakenSockets() {
    }

    /** The keep-alive policy for one socket (its pings are numbered from 1). */
    public static KeepAlive keepAlive(Duration staleAfter) {
        long third = Math.max(100, staleAfter.toMillis() / 3);
        AtomicLong pings = new AtomicLong();
        return KeepAlive.of(staleAfter, "message, heartbeat or pong").withChecks(third, Math.max(50, third / 2))
                .withProbe(Math.min(1_000, third)).withPongActivity(false)
                .withPing(third, () -> "{\"method\":\"ping\",\"req_id\":" + pings.incrementAndGet() + "}");
    }

    /** A socket for one stream (not started). */
    public static ReconnectingWebSocket create(String name, HttpClient http, ScheduledExecutorService scheduler,
            Backoff backoff, KrakenSettings settings, ReconnectingWebSocket.Handler handler) {
        return new ReconnectingWebSocket(name, KrakenConstants.VENUE, http, scheduler, backoff,
                keepAlive(settings.staleAfter()), settings.requestTimeout(), System::currentTimeMillis, handler);
    }
}
