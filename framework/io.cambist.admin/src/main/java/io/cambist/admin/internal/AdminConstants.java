package io.cambist.admin.internal;

/** Names shared by the admin API's classes: PIDs, framework properties, request properties. */
public final class AdminConstants {

    /** Configuration PID of the admin API. */
    public static final String PID = "io.cambist.admin";
    /** The whiteboard name of the one application. */
    public static final String APPLICATION_NAME = "cambist-admin";
    /** The application base path. */
    public static final String BASE = "/api/v1";

    /** Framework property: start levels up to this one are the protected platform. */
    public static final String PLATFORM_START_LEVEL = "cambist.platform.startlevel";
    /** The platform start level when the framework property is absent. */
    public static final int DEFAULT_PLATFORM_START_LEVEL = 5;
    /** Framework property: the absolute data directory. */
    public static final String DATA = "cambist.data";
    /** Framework property: the distribution directory. */
    public static final String HOME = "cambist.home";
    /** Framework property: {@code run}, {@code backtest} or {@code embedded}. */
    public static final String MODE = "cambist.mode";

    /** Request property holding the verified key id (the actor of the request). */
    public static final String ACTOR = "cambist.actor";
    /** What replaces a secret value in every response. */
    public static final String MASK = "********";

    private AdminConstants() {
    }
}
