package io.cambist.api.security;

/** The answer of a {@link NonceStore} claim. */
public enum NonceResult {
    /** First use inside the window: go ahead. */
    ACCEPTED,
    /** Already claimed: a replay. */
    REPLAYED,
    /** The timestamp is older than the window allows. */
    STALE,
    /** The timestamp is further in the future than the window allows. */
    FUTURE
}
