package io.cambist.api.model;

/** Whether a fill added liquidity to the book (maker) or took it (taker); fees differ. */
public enum Liquidity {
    MAKER,
    TAKER
}
