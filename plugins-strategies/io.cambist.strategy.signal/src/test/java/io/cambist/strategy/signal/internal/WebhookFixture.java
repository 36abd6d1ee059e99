package io.cambist.strategy.signal.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cambist.api.model.Candle;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import io.cambist.api.order.Order;
import io.cambist.api.security.Scope;
import io.cambist.testkit.strategy.StrategySession;

/**
 * A webhook wired to the real engine: signal bots in a {@link StrategySession} on a paper venue (in-memory candles, so
 * these tests always run), fake security services with real semantics, and the handler's clock on the candle clock.
 * Bots: {@code tv} (secret {@code s3cret} of key {@code tv-key}, default quote 0.1 BTC), {@code agent} (signatures
 * only, from key {@code agent-key}), {@code both} (either), {@code lan} (secret, only from 10.0.0.0/8).
 */
final class WebhookFixture implements AutoCloseable {

    /** The webhook's rate limit as shipped: 60 alerts a minute, bursts of 20, per bot and source. */
    final AlertRateLimiter limiter = new AlertRateLimiter(60, 20);

    static final Instrument ETH_BTC = Instrument.of("ETH", "BTC");
    static final String SECRET = "s3cret";

    final StrategySession session;
    final Fakes.Keys keys = new Fakes.Keys().add("tv-key", SECRET, Scope.WEBHOOK).add("admin", "adm1n", Scope.ADMIN);
    final Fakes.Verifier verifier = new Fakes.Verifier();
    final Fakes.Nonces nonces;
    final Fakes.Audit audit = new Fakes.Audit();
    final WebhookHandler handler;

    WebhookFixture() {
        session = StrategySession.of(SignalStrategy.TYPE, SignalStrategy.PID, SignalStrategy::new)
                .candles(ETH_BTC, candles(300)).instance("tv").parameter("webhookKey", "tv-key")
                .parameter("defaultQuote", "0.1").balance("BTC", "1").fee("0.001").start();
        session.addInstance("agent", Map.of("auth", "signature", "signingKeys", "agent-key"));
        session.addInstance("both", Map.of("auth", "both", "webhookKey", "tv-key", "defaultQuote", "0.05"));
        session.addInstance("lan", Map.of("webhookKey", "tv-key", "allowFrom", "10.0.0.0/8, 192.0.2.7"));
        session.addInstance("admin-key", Map.of("webhookKey", "admin"));
        session.step(5);
        nonces = new Fakes.Nonces(session::time, 300_000);
        handler = new WebhookHandler(services(), session::time, limiter);
    }

    Fakes.Services services() {
        return new Fakes.Services(session.runner(), session.orders(), keys, verifier, nonces, audit);
    }

    /** A gently rolling ETH/BTC market, one-minute candles. */
    static List<Candle> candles(int n) {
        List<Candle> out = new ArrayList<>();
        BigDecimal open = new BigDecimal("0.1");
        for (int i = 0; i < n; i++) {
            BigDecimal close = new BigDecimal(0.1 + 0.002 * Math.sin(i / 7.0), new MathContext(8));
            out.add(new Candle("paper", ETH_BTC, Timeframe.M1, 1_700_000_000_000L + i * 60_000L, open,
                    open.max(close).add(new BigDecimal("0.0001")), open.min(close).subtract(new BigDecimal("0.0001")), close,
                    BigDecimal.TEN));
            open = close;
        }
        return out;
    }

    /** An alert body for bot tv's instrument; {@code extra} is added verbatim inside the object. */
    String alert(String id, long time, String action, String extra) {
        return "{\"secret\":\"" + SECRET + "\",\"id\":\"" + id + "\",\"time\":" + time + ",\"action\":\"" + action
                + "\",\"instrument\":\"ETH/BTC\"" + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
    }

    WebhookAnswer post(String bot, String body) {
        return post(bot, body, Map.of(), "203.0.113.9");
    }

    WebhookAnswer post(String bot, String body, Map<String, String> headers, String remote) {
        return handler.handle(bot, "POST", "/webhooks/signal/" + bot, headers,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), remote);
    }

    List<Order> orders(String bot) {
        return session.orders(bot);
    }

    @Override
    public void close() {
        session.close();
    }
}
