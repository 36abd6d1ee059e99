package io.cambist.strategy.signal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the signal webhook ({@code POST /webhooks/signal/{botId}}); each bot configures its own authentication. */
@ObjectClassDefinition(id = WebhookConstants.PID, name = "Signal webhook",
        description = "The endpoint that receives trading alerts for signal bots.")
@interface WebhookConfiguration {

    @AttributeDefinition(name = "Largest body (bytes)", description = "Larger alert bodies are refused with 413.",
            min = "256", max = "1048576")
    int maxBodyBytes() default WebhookConstants.DEFAULT_MAX_BODY_BYTES;

    @AttributeDefinition(name = "Service wait (ms)", description = "While a bundle the webhook needs (vault, nonce "
            + "store, signer, core) is being updated, an alert waits this long for it before the answer is 503.",
            min = "0", max = "60000")
    int serviceWaitMillis() default WebhookConstants.DEFAULT_SERVICE_WAIT_MILLIS;

    @AttributeDefinition(name = "Alerts per minute", description = "Per bot and source address; more are refused with "
            + "429 and a Retry-After header before any other check. 0 turns the limit off.", min = "0", max = "60000")
    int ratePerMinute() default WebhookConstants.DEFAULT_RATE_PER_MINUTE;

    @AttributeDefinition(name = "Burst", description = "How many alerts a sender may send at once before the per-minute "
            + "rate applies.", min = "1", max = "10000")
    int rateBurst() default WebhookConstants.DEFAULT_RATE_BURST;
}
