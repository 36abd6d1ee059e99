package io.cambist.exchange.binance.internal.ws;

import java.net.http.HttpClient;
import java.util.concurrent.ScheduledExecutorService;

import io.cambist.connector.Backoff;
import io.cambist.connector.ws.KeepAlive;
import io.cambist.connector.ws.ReconnectingWebSocket;
import io.cambist.exchange.binance.internal.BinanceConstants;
import io.cambist.exchange.binance.internal.BinanceSettings;

/**
 * Binance's liveness rules for the shared {@link ReconnectingWebSocket}: Binance pings every 20 s (the JDK client
 * answers) and allows unsolicited pongs, so silence means neither a message nor a ping arrived; a connection is cut
 * at 24 h, so it is replaced at {@code connection.maxAgeMillis} without a gap.
 */
public final class BinanceSockets {

    private BinanceSockets() {
    }

    /** The keep-alive policy: silence checks every quarter of {@code stream.staleAfterMillis}, planned replacement. */
    public static KeepAlive keepAlive(BinanceSettings settings) {
        return KeepAlive.of(settings.staleAfter(), "message or ping").withMaxAge(settings.maxConnectionAge());
    }

    /** A socket for one stream (not started). */
    public static ReconnectingWebSocket create(String name, HttpClient http, ScheduledExecutorService scheduler,
            Backoff backoff, BinanceSettings settings, ReconnectingWebSocket.Handler handler) {
        return new ReconnectingWebSocket(name, BinanceConstants.VENUE, http, scheduler, backoff, keepAlive(settings),
                settings.requestTimeout(), System::currentTimeMillis, handler);
    }
}
