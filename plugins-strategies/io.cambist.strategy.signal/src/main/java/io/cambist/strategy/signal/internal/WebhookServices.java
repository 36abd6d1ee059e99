package io.cambist.strategy.signal.internal;

import io.cambist.api.order.OrderService;
import io.cambist.api.security.AuditLog;
import io.cambist.api.security.KeyRing;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.RequestVerifier;
import io.cambist.api.strategy.StrategyRunner;

/** The services the webhook needs, each {@code null} while its bundle is absent (the webhook then answers 503). */
interface WebhookServices {

    StrategyRunner runner();

    OrderService orders();

    KeyRing keyRing();

    RequestVerifier verifier();

    NonceStore nonces();

    AuditLog audit();

    /** How long an alert waits for a missing service (its bundle being updated) before the answer is 503. */
    default long serviceWaitMillis() {
        return 0;
    }
}
