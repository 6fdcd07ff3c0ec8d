package io.leeward.app.cli;

import java.nio.file.Path;

/** Options every command shares; each overrides the matching {@code leeward.*} property. */
record GlobalOptions(Path home, String neo4jUri, Integer port) {}
