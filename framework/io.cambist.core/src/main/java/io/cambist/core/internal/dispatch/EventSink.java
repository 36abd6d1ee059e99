package io.cambist.core.internal.dispatch;

/** Consumes the events of one queue, one at a time, in order. */
@FunctionalInterface
public interface EventSink {

    /** Handles one event; must not throw (the owner isolates its own failures). */
    void handle(Object event);
}
