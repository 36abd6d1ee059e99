package io.cambist.security.nonce.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the nonce store and generator (PID {@value NonceConstants#PID}). */
@ObjectClassDefinition(name = "Cambist nonce store", description = "Replay protection for signed requests and "
        + "strictly increasing outbound nonces.")
@interface NonceConfiguration {

    @AttributeDefinition(name = "Store", description = "memory: fast and bounded, handed over on bundle update and "
            + "clean restart; file: durable under data/nonces, survives crashes.",
            options = {@Option(label = "memory", value = "memory"), @Option(label = "file", value = "file")})
    String store() default "memory";

    @AttributeDefinition(name = "Window (seconds)", description = "Timestamps further than this from now are refused "
            + "as stale or future; nonces are remembered this long.", min = "1")
    long windowSeconds() default 300;

    @AttributeDefinition(name = "Maximum entries", description = "The most nonces remembered at once. When reached, "
            + "the oldest are dropped and every timestamp at or below them is refused as stale.", min = "16")
    int maxEntries() default 1_000_000;

    @AttributeDefinition(name = "Generator block", description = "Outbound nonces reserved per high-water mark write "
            + "(milliseconds of headroom after a restart).", min = "1")
    long generatorBlock() default 10_000;
}
