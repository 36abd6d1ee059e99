package io.cambist.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cambist engine", description = "The trading engine: event queues, order journal,"
        + " reconciliation and timers. Changes take effect when the core restarts.")
@interface CoreConfiguration {

    @AttributeDefinition(name = "Queue capacity", description = "Market events and signals each strategy instance may"
            + " have waiting; beyond it market events are dropped and counted (order events never are).", min = "16")
    int queueCapacity() default 10_000;

    @AttributeDefinition(name = "Send wait (s)", description = "How long an order waits for its account's connector"
            + " to be bound and reconciled before it is rejected.", min = "1")
    int sendWaitSeconds() default 30;

    @AttributeDefinition(name = "Snapshot interval (s)", description = "How often running instances' state snapshots"
            + " are saved to the journal (they are also saved on pause, stop and hot swap).", min = "1")
    int snapshotIntervalSeconds() default 60;

    @AttributeDefinition(name = "Balance refresh (s)", description = "How often balances are re-read from each venue.",
            min = "5")
    int balanceRefreshSeconds() default 60;

    @AttributeDefinition(name = "Journal segment (MiB)", description = "Journal size after which a checkpoint starts a"
            + " new segment and deletes the old one.", min = "1")
    int journalSegmentMegabytes() default 16;

    @AttributeDefinition(name = "Scheduler threads", description = "Threads of the shared framework scheduler that"
            + " connectors use for network work and timers.", min = "1")
    int schedulerThreads() default 4;

    @AttributeDefinition(name = "Strategy threads", description = "Threads delivering events to strategy instances;"
            + " 0 means one per processor (at least 2).", min = "0")
    int strategyThreads() default 0;
}
