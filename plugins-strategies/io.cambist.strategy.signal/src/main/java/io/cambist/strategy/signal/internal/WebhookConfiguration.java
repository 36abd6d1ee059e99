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
}
