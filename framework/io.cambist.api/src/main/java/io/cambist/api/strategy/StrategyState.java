package io.cambist.api.strategy;

/** The life of a strategy instance. */
public enum StrategyState {
    /** Configured, not started yet (or waiting for its strategy bundle or venue). */
    CREATED,
    /** Receiving events and trading. */
    RUNNING,
    /** Events are queued but not delivered (operator pause, or a hot swap in progress). */
    PAUSED,
    /** Stopped by a kill switch, a risk rule or the strategy itself; open orders were cancelled. */
    HALTED,
    /** The strategy threw; the reason says what. Other instances are unaffected. */
    FAILED,
    /** Stopped by the operator (configuration disabled). */
    STOPPED
}
