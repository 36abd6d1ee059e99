package io.cambist.launcher.cli;

import io.cambist.launcher.Cambist;
import picocli.CommandLine.IVersionProvider;

/** {@code cambist --version}: the product version and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "cambist " + Cambist.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
