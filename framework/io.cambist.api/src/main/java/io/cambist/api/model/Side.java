package io.cambist.api.model;

/** Which way an order or trade goes, seen from the base currency. */
public enum Side {
    /** Receive base, spend quote. */
    BUY,
    /** Spend base, receive quote. */
    SELL;

    /** The other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
