package io.cambist.core.internal;

/** PIDs and framework property names of the core. */
public final class CoreConstants {

    /** Configuration PID of the engine. */
    public static final String PID = "io.cambist.core";

    /** Configuration PID of the global risk limits. */
    public static final String RISK_PID = "io.cambist.core.risk";

    /** Framework property: absolute data directory. */
    public static final String DATA = "cambist.data";

    /** Framework property: {@code run}, {@code backtest} or {@code embedded}. */
    public static final String MODE = "cambist.mode";

    /** Service property of the shared scheduler. */
    public static final String SCHEDULER = "cambist.scheduler";

    /** Area of the data directory holding the journal. */
    public static final String JOURNAL_AREA = "journal";

    private CoreConstants() {
    }
}
