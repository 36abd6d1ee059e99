package io.cambist.admin.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the admin API (PID {@value AdminConstants#PID}). */
@ObjectClassDefinition(id = AdminConstants.PID, name = "Cambist admin API",
        description = "Limits and waits of the signed admin REST API at /api/v1.")
@interface AdminConfiguration {

    @AttributeDefinition(name = "JSON body limit", description = "Largest JSON request body in bytes; a larger one is refused with 413.",
            min = "1024")
    long maxJsonBytes() default 1_048_576L;

    @AttributeDefinition(name = "Jar body limit", description = "Largest bundle jar upload in bytes; a larger one is refused with 413.",
            min = "1024")
    long maxJarBytes() default 67_108_864L;

    @AttributeDefinition(name = "Verifier wait", description = "Milliseconds a request waits for the request verifier (a security "
            + "bundle being updated) before it is refused with 503.", min = "0", max = "60000")
    long verifierWaitMillis() default 5_000L;

    @AttributeDefinition(name = "Strategy state wait", description = "Milliseconds a strategy state change waits for the runner to "
            + "report the new state before answering.", min = "0", max = "60000")
    long stateWaitMillis() default 2_000L;

    @AttributeDefinition(name = "Backtests at once", description = "Backtests queued or running at the same time; more are refused "
            + "with 429.", min = "1", max = "64")
    int maxBacktests() default 4;
}
