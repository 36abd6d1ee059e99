package io.cambist.security.hmac.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the signer and the request verifier (PID {@value HmacConstants#PID}). */
@ObjectClassDefinition(name = "Cambist request signing", description = "Outbound signing and verification of "
        + "signed admin API requests.")
@interface HmacConfiguration {

    @AttributeDefinition(name = "Timestamp window (seconds)", description = "A signed request whose timestamp is "
            + "further than this from the server's clock is refused.", min = "1")
    long windowSeconds() default 30;

    @AttributeDefinition(name = "Service wait (milliseconds)", description = "How long signing and verification wait "
            + "for a key ring, nonce store or scheme that is being updated before they fail.", min = "0")
    long waitTimeoutMillis() default 5000;
}
