package io.cambist.strategy.signal.internal;

/** Names of the signal webhook: its configuration PID, application, paths and limits. */
final class WebhookConstants {

    /** Configuration PID of the webhook application (optional configuration). */
    static final String PID = "io.cambist.strategy.signal.webhook";
    /** The whiteboard name of the webhook application. */
    static final String APPLICATION_NAME = "cambist-webhooks";
    /** The application base path, outside the admin API. */
    static final String BASE = "/webhooks";
    /** Largest alert body accepted by default. */
    static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    /** Alerts a minute per bot and source address by default. */
    static final int DEFAULT_RATE_PER_MINUTE = 60;
    /** Alerts a sender may send at once by default. */
    static final int DEFAULT_RATE_BURST = 20;
    /** How long an alert waits for a service whose bundle is being updated, by default. */
    static final int DEFAULT_SERVICE_WAIT_MILLIS = 5_000;
    /** Audit action of an accepted alert. */
    static final String AUDIT_ACCEPTED = "webhook.signal";
    /** Audit action of a refused alert. */
    static final String AUDIT_REFUSED = "webhook.refused";
    /** Key id namespace in the nonce store, so that alert ids never collide with request nonces of the same key. */
    static final String NONCE_PREFIX = "webhook:";

    private WebhookConstants() {
    }
}
