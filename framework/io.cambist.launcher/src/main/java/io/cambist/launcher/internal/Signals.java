package io.cambist.launcher.internal;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) handling. A plain shutdown hook would let the JVM exit with 143 on SIGTERM;
 * replacing the handlers lets {@code cambist run} stop the framework cleanly and exit with 0.
 */
public final class Signals {

    private Signals() {
    }

    /** Runs {@code action} on each TERM or INT signal (on the JVM's signal thread). */
    public static void onTerminate(Runnable action) {
        for (String name : new String[] { "TERM", "INT" }) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException e) {
                // the signal is reserved (e.g. -Xrs): keep the JVM's default behaviour for it
            }
        }
    }
}
