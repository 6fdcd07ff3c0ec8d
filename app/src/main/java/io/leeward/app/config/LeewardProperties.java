package io.leeward.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Leeward's configuration, bound from {@code leeward.*} properties, environment variables
 * ({@code LEEWARD_HOME}, {@code LEEWARD_NEO4J_URI} …) or command-line options.
 *
 * @param home where embedded data, generated demo input and reports live (default {@code ~/.leeward})
 * @param neo4j a remote Neo4j; without a URI Leeward runs Neo4j embedded under {@code home}
 * @param embedded options of the embedded Neo4j
 * @param fingerprintKey base64 key for fingerprints of values kept out of the graph; empty: a key
 *     generated once in {@code home/fingerprint.key}
 */
@ConfigurationProperties("leeward")
public record LeewardProperties(Path home, Neo4j neo4j, Embedded embedded, String fingerprintKey) {

    public LeewardProperties {
        home = home == null ? Path.of(System.getProperty("user.home"), ".leeward") : home;
        neo4j = neo4j == null ? new Neo4j(null, "neo4j", null, null) : neo4j;
        embedded = embedded == null ? new Embedded(0, null) : embedded;
    }

    @Override
    public String toString() {
        return "LeewardProperties[home=" + home + ", neo4j=" + neo4j + ", embedded=" + embedded + "]";
    }

    /**
     * A remote Neo4j server, cluster or Aura instance.
     *
     * @param uri {@code bolt://}, {@code neo4j://} or {@code neo4j+s://}; empty for embedded
     * @param user the user name
     * @param password the password; never logged
     * @param database the database; empty for the server's default
     */
    public record Neo4j(String uri, String user, String password, String database) {
        @Override
        public String toString() {
            return "Neo4j[uri=" + uri + ", user=" + user + ", database=" + database + "]";
        }
    }

    /**
     * The embedded Neo4j.
     *
     * @param boltPort the Bolt port on 127.0.0.1; 0 picks a free one
     * @param password the password of user neo4j for outside tools; empty generates one per start
     */
    public record Embedded(int boltPort, String password) {
        @Override
        public String toString() {
            return "Embedded[boltPort=" + boltPort + "]";
        }
    }
}
