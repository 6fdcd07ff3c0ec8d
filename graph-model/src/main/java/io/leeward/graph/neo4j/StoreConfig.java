package io.leeward.graph.neo4j;

import io.leeward.graph.store.Check;
import java.nio.file.Path;

/**
 * Where the graph lives. Without a {@code uri} Leeward starts Neo4j embedded with data under
 * {@code home}; with one ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://} …) it connects to that
 * server or cluster with {@code user} and {@code password}. Both go through the same driver code.
 */
public record StoreConfig(
        String uri,
        String user,
        String password,
        String database,
        Path home,
        int embeddedBoltPort,
        String embeddedPassword) {

    public StoreConfig {
        Check.that(
                embeddedBoltPort >= 0 && embeddedBoltPort <= 65_535,
                "embedded Bolt port must be 0..65535, was " + embeddedBoltPort);
        Check.that(uri != null && !uri.isBlank() || home != null, "either a Neo4j URI or a LEEWARD_HOME is needed");
        if (uri != null && !uri.isBlank()) {
            Check.that(
                    uri.matches("^(bolt|neo4j)(\\+s|\\+ssc)?://.+"),
                    "Neo4j URI must start with bolt://, neo4j://, bolt+s://, neo4j+s://, bolt+ssc:// or neo4j+ssc://, was "
                            + uri);
        }
    }

    /** Embedded Neo4j under {@code home}, Bolt on a free port. */
    public static StoreConfig embedded(Path home) {
        return new StoreConfig(null, null, null, null, home, 0, null);
    }

    /** A remote Neo4j server, cluster or Aura instance. */
    public static StoreConfig remote(String uri, String user, String password, String database) {
        return new StoreConfig(uri, user, password, database, null, 0, null);
    }

    public boolean isEmbedded() {
        return uri == null || uri.isBlank();
    }

    /** The URI with credentials never shown, for logs and status. */
    public String describe() {
        return isEmbedded() ? "embedded Neo4j in " + home.toAbsolutePath() : uri.replaceAll("//[^@/]*@", "//");
    }
}
