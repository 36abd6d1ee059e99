package io.cambist.strategy.grid.internal;

/** How the grid's prices are spread between its bounds. */
enum Spacing {
    /** The same price difference between neighbouring levels. */
    ARITHMETIC,
    /** The same ratio between neighbouring levels (the same percentage step). */
    GEOMETRIC
}
