package io.cambist.exchange.paper.internal;

/** Names shared by the paper venue's components. */
public final class PaperConstants {

    /** Factory PID of paper accounts (one configuration = one account). */
    public static final String PID = "io.cambist.exchange.paper";

    /** The venue name every paper account reports. */
    public static final String VENUE = "paper";

    /** The framework property naming the data directory. */
    static final String DATA_PROPERTY = "cambist.data";

    /** The framework property naming the distribution directory (relative candle files are resolved against it). */
    static final String HOME_PROPERTY = "cambist.home";

    /** The area under the data directory where paper accounts keep their state. */
    static final String AREA = "paper";

    private PaperConstants() {
    }
}
