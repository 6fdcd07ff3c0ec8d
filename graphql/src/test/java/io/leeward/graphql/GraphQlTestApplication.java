package io.leeward.graphql;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;

/**
 * The application the GraphQL tests run: Spring Boot's auto-configuration (which picks up
 * {@link LeewardGraphQlConfiguration}) and the shared embedded store behind a counting decorator.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GraphQlTestApplication {
    /** The schema inspection report of the last GraphQL source built. */
    static final AtomicReference<SchemaReport> SCHEMA_REPORT = new AtomicReference<>();

    @Bean(destroyMethod = "")
    CountingGraphStore graphStore() {
        return new CountingGraphStore(SharedGraphStore.get());
    }

    @Bean
    GraphQlSourceBuilderCustomizer captureSchemaReport() {
        return builder -> builder.inspectSchemaMappings(SCHEMA_REPORT::set);
    }
}
