package io.cambist.strategy.dca.internal;

/** What a DCA bot does. */
enum Mode {
    /** Buy a fixed quote amount every interval. */
    RECURRING,
    /** A base order, safety orders further down, and a take profit above the average entry; then again. */
    SAFETY
}
