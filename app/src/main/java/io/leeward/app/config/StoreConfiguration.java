package io.leeward.app.config;

import io.leeward.graph.neo4j.Neo4jStore;
import io.leeward.graph.neo4j.StoreConfig;
import io.leeward.graph.store.GraphStore;
import io.leeward.loaders.ingest.Fingerprints;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The graph store as a bean: embedded by default, remote when {@code leeward.neo4j.uri} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeewardProperties.class)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    GraphStore graphStore(LeewardProperties properties) {
        return Neo4jStore.open(storeConfig(properties));
    }

    @Bean
    @Lazy
    Fingerprints fingerprints(LeewardProperties properties) {
        return FingerprintKey.load(properties);
    }

    public static StoreConfig storeConfig(LeewardProperties properties) {
        var neo4j = properties.neo4j();
        var embedded = properties.embedded();
        return new StoreConfig(
                neo4j.uri(),
                neo4j.user(),
                neo4j.password(),
                neo4j.database(),
                properties.home().resolve("data"),
                embedded.boltPort(),
                embedded.password());
    }
}
