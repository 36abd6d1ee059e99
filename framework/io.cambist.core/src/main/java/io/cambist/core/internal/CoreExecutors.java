package io.cambist.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of the framework, owned by the core (plugins create none): the shared scheduler (connectors' network
 * work and timers), the strategy pool (instance queues) and the venue-call pool (account lanes, which block on the
 * network and so never share threads with strategies).
 */
final class CoreExecutors {

    private final Logger logger = LoggerFactory.getLogger(CoreExecutors.class);
    final ScheduledThreadPoolExecutor scheduler;
    final ThreadPoolExecutor strategies;
    final ThreadPoolExecutor venueCalls;

    CoreExecutors(int schedulerThreads, int strategyThreads) {
        scheduler = new ScheduledThreadPoolExecutor(schedulerThreads, threads("cambist-scheduler-"));
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        int n = strategyThreads > 0 ? strategyThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        strategies = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
                threads("cambist-strategy-"));
        venueCalls = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads("cambist-venue-"), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    void shutdown() {
        for (ExecutorService e : new ExecutorService[] {strategies, venueCalls, scheduler}) {
            e.shutdown();
        }
        try {
            for (ExecutorService e : new ExecutorService[] {strategies, venueCalls, scheduler}) {
                if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                    logger.warn("core threads still busy after 5 s; interrupting them");
                    e.shutdownNow();
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
