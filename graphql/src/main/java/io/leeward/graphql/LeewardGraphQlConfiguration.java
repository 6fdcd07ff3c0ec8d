package io.leeward.graphql;

import io.leeward.graph.store.GraphStore;
import io.leeward.queries.QueryCatalog;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Leeward's GraphQL API over the graph store: the controllers and relationship fields of
 * {@code graphql/schema.graphqls}, the DateTime scalar and the error classification. Spring Boot's
 * GraphQL auto-configuration builds the schema and serves it at {@code /graphql}; GraphiQL is the
 * application's choice ({@code spring.graphql.graphiql.enabled=true}).
 *
 * <p>Needs a {@link GraphStore} bean from the application and backs off without one; defines the
 * standard {@link QueryCatalog} unless the application has its own. Registered as an
 * auto-configuration; importing it explicitly works as well.
 */
@AutoConfiguration
@ConditionalOnBean(GraphStore.class)
@Import({NodeController.class, WorkloadController.class, StatsController.class})
public class LeewardGraphQlConfiguration {

    @Bean
    @ConditionalOnMissingBean
    QueryCatalog leewardQueryCatalog() {
        return QueryCatalog.standard();
    }

    @Bean
    GraphReader leewardGraphReader(GraphStore store, QueryCatalog catalog) {
        return new GraphReader(store, catalog);
    }

    @Bean
    RelationshipFields leewardRelationshipFields(
            GraphReader reader,
            BatchLoaderRegistry batchLoaders,
            @Qualifier("applicationTaskExecutor") ObjectProvider<Executor> executor) {
        return new RelationshipFields(reader, batchLoaders, executor.getIfAvailable());
    }

    @Bean
    DataFetcherExceptionResolver leewardGraphQlErrors() {
        return new LeewardGraphQlErrors();
    }

    @Bean
    RuntimeWiringConfigurer leewardGraphQlScalars() {
        return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
    }
}
