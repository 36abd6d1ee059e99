package io.cambist.strategy.signal.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.order.OrderService;
import io.cambist.api.security.AuditEvent;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.KeyVersion;
import io.cambist.api.security.NonceResult;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.RequestVerifier;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;
import io.cambist.api.strategy.Parameters;
import io.cambist.api.strategy.Signal;
import io.cambist.api.strategy.SignalAction;
import io.cambist.api.strategy.SignalFile;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.api.strategy.StrategyStatus;

/**
 * Decides what to do with one alert for one signal bot, in this order: the bot exists and is a signal bot (404); the
 * source address is allowed (403); the body is one JSON object (400); the sender is authenticated as the bot's
 * configuration allows, by the secret in the body (compared in constant time by the key ring) or by the signature
 * headers with a {@code webhook}-scoped key (401/403); the alert's fields are valid and for the bot's instrument (400);
 * its time is inside the bot's window (401); its id is claimed in the nonce store, per key, so a replay is refused
 * (409); a fresh client order id is taken and the signal goes to the bot's queue (202). Every refusal and every
 * acceptance is audited and logged without the secret; nothing is delivered, so nothing trades, unless every check
 * passed. Plain Java, so the checks are tested without HTTP.
 */
final class WebhookHandler {

    private static final long WAIT_STEP_MILLIS = 20;

    private final Logger logger = LoggerFactory.getLogger(WebhookHandler.class);
    private final WebhookServices services;
    private final LongSupplier clock;
    private final AlertRateLimiter limiter;

    WebhookHandler(WebhookServices services, LongSupplier clock, AlertRateLimiter limiter) {
        this.services = services;
        this.clock = clock;
        this.limiter = limiter;
    }

    /**
     * One alert.
     *
     * @param botId        the bot named in the path
     * @param method       the HTTP method
     * @param pathAndQuery the raw path and query as received (what a signature covers)
     * @param headers      the request headers
     * @param body         the raw body
     * @param remote       the client's address, or {@code null} when unknown
     */
    WebhookAnswer handle(String botId, String method, String pathAndQuery, Map<String, String> headers, byte[] body,
            String remote) {
        if (botId == null || !botId.matches("[A-Za-z0-9._~-]{1,128}")) {
            return refuse(new Call("?", remote), new Refusal(404, "unknown bot", "a bot id has 1 to 128 of the characters "
                    + "A-Z a-z 0-9 . _ ~ -"));
        }
        Call call = new Call(botId, remote);
        AlertRateLimiter.Decision rate = limiter.acquire(botId, remote, clock.getAsLong());
        if (rate != AlertRateLimiter.Decision.ALLOWED) {
            return limited(call, rate == AlertRateLimiter.Decision.LIMITED_FIRST);
        }
        try {
            return accept(call, method, pathAndQuery, headers, body);
        } catch (Refusal r) {
            return refuse(call, r);
        }
    }

    /** What is known about the call so far, for the audit record. */
    private static final class Call {
        final String botId;
        final String remote;
        String keyId;
        String alertId;

        Call(String botId, String remote) {
            this.botId = botId;
            this.remote = remote;
        }
    }

    private WebhookAnswer accept(Call call, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        StrategyRunner runner = require(services::runner, "strategy runner", "io.cambist.core");
        StrategyStatus bot = runner.instance(call.botId).filter(s -> SignalStrategy.TYPE.equals(s.type()))
                .orElseThrow(() -> new Refusal(404, "unknown bot", "there is no signal bot '" + call.botId
                        + "': create one with a configuration of " + SignalStrategy.PID));
        SignalSettings settings;
        try {
            settings = SignalSettings.from(Parameters.of(bot.parameters()));
        } catch (IllegalArgumentException e) {
            throw new Refusal(409, "bot misconfigured", "signal bot '" + call.botId + "' cannot take alerts: "
                    + e.getMessage());
        }
        if (!settings.allows(call.remote)) {
            throw new Refusal(403, "source not allowed", "alerts for bot '" + call.botId + "' are accepted only from "
                    + settings.allowFrom().stream().map(Cidr::text).toList() + "; this one came from "
                    + (call.remote == null ? "an unknown address" : call.remote));
        }
        Map<String, Object> fields;
        try {
            fields = AlertJson.fields(body);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "malformed alert", e.getMessage());
        }
        Object secret = fields.remove(AlertJson.SECRET);
        call.keyId = authenticate(call, settings, method, pathAndQuery, headers, body, secret);
        Signal alert;
        try {
            alert = SignalFile.signal(fields, null, "webhook:" + call.keyId);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "invalid alert", e.getMessage());
        }
        call.alertId = alert.id();
        if (!alert.instrument().equals(bot.instrument())) {
            throw new Refusal(400, "wrong instrument", "the alert is for " + alert.instrument() + " but bot '" + call.botId
                    + "' trades " + bot.instrument());
        }
        if (alert.action() == SignalAction.BUY && alert.size() == null && alert.sizeQuote() == null
                && settings.defaultQuote() == null) {
            throw new Refusal(400, "no size", "the buy alert gives neither size nor sizeQuote and bot '" + call.botId
                    + "' has no defaultQuote");
        }
        long skew = clock.getAsLong() - alert.time();
        if (Math.abs(skew) > settings.windowSeconds() * 1000) {
            throw new Refusal(401, "stale alert", "the alert's time is " + Math.abs(skew) / 1000 + " s "
                    + (skew > 0 ? "in the past" : "in the future") + "; bot '" + call.botId + "' accepts alerts within "
                    + settings.windowSeconds() + " s of the server's clock");
        }
        AuditLog audit = require(services::audit, "audit log", "io.cambist.security.vault");
        NonceStore nonces = require(services::nonces, "nonce store", "io.cambist.security.nonce");
        OrderService orders = require(services::orders, "order service", "io.cambist.core");
        NonceResult claim = nonces.claim(WebhookConstants.NONCE_PREFIX + call.keyId, alert.id(), alert.time());
        if (claim == NonceResult.REPLAYED) {
            throw new Refusal(409, "replayed alert", "alert id '" + alert.id() + "' was already used; every alert needs "
                    + "a new id");
        }
        if (claim != NonceResult.ACCEPTED) {
            throw new Refusal(401, "stale alert", "the alert's time is outside the nonce store's window ("
                    + nonces.windowMillis() / 1000 + " s)");
        }
        ClientOrderId id = orders.newClientOrderId();
        Signal signal = new Signal(alert.id(), alert.time(), alert.action(), alert.instrument(), alert.size(),
                alert.sizeQuote(), alert.price(), id, alert.source());
        try {
            runner.deliver(call.botId, signal);
        } catch (NoSuchElementException e) {
            throw new Refusal(404, "unknown bot", "signal bot '" + call.botId + "' went away");
        } catch (IllegalStateException e) {
            throw new Refusal(409, "bot not running", e.getMessage());
        }
        Map<String, String> details = details(call);
        details.put("action", alert.action().name().toLowerCase(java.util.Locale.ROOT));
        details.put("clientOrderId", id.value());
        auditQuietly(audit, new AuditEvent(WebhookConstants.AUDIT_ACCEPTED, call.keyId, subject(call), "ok", details));
        logger.info("signal bot {}: alert {} ({}) accepted from {} (key {}), client order id {}", call.botId, alert.id(),
                details.get("action"), call.remote == null ? "?" : call.remote, call.keyId, id);
        return WebhookAnswer.accepted(id.value(), alert.id());
    }

    /** Who sent the alert: the bot's webhook key (secret) or the signing key (signature). */
    private String authenticate(Call call, SignalSettings settings, String method, String pathAndQuery,
            Map<String, String> headers, byte[] body, Object secret) {
        SignedRequest request = new SignedRequest(method, pathAndQuery, headers, body, call.remote);
        boolean signed = request.header(SignedRequest.SIGNATURE) != null || request.header(SignedRequest.KEY) != null;
        if (signed) {
            if (!settings.auth().allowsSignature()) {
                throw new Refusal(401, "signature not accepted", "bot '" + call.botId + "' accepts only alerts with its "
                        + "secret in the body (auth=secret)");
            }
            RequestVerifier verifier = require(services::verifier, "request verifier", "io.cambist.security.hmac");
            Verification v = verifier.verify(request, Scope.WEBHOOK);
            if (v instanceof Verification.Refused r) {
                throw new Refusal(r.status() == 403 || r.status() == 503 ? r.status() : 401, "bad signature", r.reason());
            }
            String key = ((Verification.Verified) v).keyId();
            call.keyId = key;
            if (!settings.signingKeys().isEmpty() && !settings.signingKeys().contains(key)) {
                throw new Refusal(403, "key not allowed", "key '" + key + "' may not send alerts to bot '" + call.botId
                        + "'; its signingKeys are " + settings.signingKeys());
            }
            return key;
        }
        if (!settings.auth().allowsSecret()) {
            throw new Refusal(401, "signature required", "bot '" + call.botId + "' accepts only signed alerts: send the "
                    + SignedRequest.KEY + ", " + SignedRequest.TIMESTAMP + ", " + SignedRequest.NONCE + " and "
                    + SignedRequest.SIGNATURE + " headers made with a key that has the webhook scope");
        }
        if (!(secret instanceof String s) || s.isEmpty()) {
            throw new Refusal(401, "missing secret", "the alert must carry the bot's webhook secret in the field 'secret'");
        }
        KeyRing ring = require(services::keyRing, "key ring", "io.cambist.security.vault");
        char[] presented = s.toCharArray();
        Optional<KeyVersion> match;
        try {
            match = ring.matchSecret(settings.webhookKey(), presented);
        } finally {
            Arrays.fill(presented, '\0');
        }
        if (match.isEmpty()) {
            throw new Refusal(401, "wrong secret", "the secret does not match webhook key '" + settings.webhookKey()
                    + "' of bot '" + call.botId + "'");
        }
        if (!match.get().scopes().contains(Scope.WEBHOOK)) {
            throw new Refusal(403, "key lacks scope webhook", "key '" + settings.webhookKey() + "' does not have the "
                    + "webhook scope; use a key created for webhooks");
        }
        return settings.webhookKey();
    }

    /**
     * 429 before any parsing or key lookup. Only the first refusal of a streak is audited and logged, so a flood
     * cannot fill the audit log; the streak ends with the sender's next allowed alert.
     */
    private WebhookAnswer limited(Call call, boolean first) {
        long retry = limiter.retryAfterSeconds(call.botId, call.remote);
        String detail = "more than " + limiter.perMinute() + " alerts a minute (bursts of " + limiter.burst()
                + ") for bot '" + call.botId + "' from " + (call.remote == null ? "this sender" : call.remote)
                + "; retry in " + retry + " s";
        WebhookAnswer answer = first ? refuse(call, new Refusal(429, "too many alerts", detail))
                : WebhookAnswer.refused(429, "too many alerts", detail);
        answer.body().put("retryAfterSeconds", retry);
        return answer;
    }

    private WebhookAnswer refuse(Call call, Refusal r) {
        Map<String, String> details = details(call);
        details.put("status", Integer.toString(r.status));
        details.put("reason", r.error + ": " + r.detail);
        AuditLog audit = services.audit();
        if (audit != null) {
            auditQuietly(audit, new AuditEvent(WebhookConstants.AUDIT_REFUSED, call.keyId == null ? "?" : call.keyId,
                    subject(call), "refused", details));
        } else {
            logger.warn("signal bot {}: a refused alert could not be audited: the audit log is not available", call.botId);
        }
        logger.info("signal bot {}: alert{} from {} refused ({}): {}: {}", call.botId,
                call.alertId == null ? "" : " " + call.alertId, call.remote == null ? "?" : call.remote, r.status, r.error,
                r.detail);
        return WebhookAnswer.refused(r.status, r.error, r.detail);
    }

    private void auditQuietly(AuditLog audit, AuditEvent event) {
        try {
            audit.append(event);
        } catch (RuntimeException e) {
            logger.warn("could not audit webhook event {} for {}: {}", event.action(), event.subject(), e.getMessage());
        }
    }

    private static Map<String, String> details(Call call) {
        Map<String, String> d = new LinkedHashMap<>();
        if (call.alertId != null) {
            d.put("alert", call.alertId);
        }
        if (call.remote != null) {
            d.put("remote", call.remote);
        }
        return d;
    }

    private static String subject(Call call) {
        String bot = call.botId.length() > 100 ? call.botId.substring(0, 100) : call.botId;
        return WebhookConstants.BASE + "/signal/" + bot;
    }

    /**
     * The service, waiting up to {@link WebhookServices#serviceWaitMillis()} while its bundle is being updated (an
     * alert sender like TradingView does not retry, so a 503 loses the alert).
     */
    private <T> T require(Supplier<T> source, String what, String bundle) {
        T service = source.get();
        long deadline = System.nanoTime() + services.serviceWaitMillis() * 1_000_000L;
        while (service == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(WAIT_STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            service = source.get();
        }
        if (service == null) {
            throw new Refusal(503, what + " unavailable", "the " + what + " (bundle " + bundle + ") is not active; retry "
                    + "shortly");
        }
        return service;
    }

    /** A refused alert: status, short error and what to do. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;
        final String detail;

        Refusal(int status, String error, String detail) {
            super(error, null, false, false);
            this.status = status;
            this.error = error;
            this.detail = detail;
        }
    }
}
