package io.leeward.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints Leeward's version from the jar manifest. */
final class Versions implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return new String[] {"leeward " + (version == null ? "development build" : version), "Java " + Runtime.version()
        };
    }
}
