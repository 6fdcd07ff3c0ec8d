package io.leeward.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.leeward.graph.store.LeewardException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Classifies every exception of a data fetcher or batch loader. Bad arguments and unknown names go to
 * the client with their message; anything else becomes INTERNAL_ERROR with a reference to the server
 * log, so that no stack trace, Cypher text or driver message reaches the client.
 */
final class LeewardGraphQlErrors extends DataFetcherExceptionResolverAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(LeewardGraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return switch (ex) {
            case BadRequestException e -> error(env, ErrorType.BAD_REQUEST, e.getMessage());
            case NotFoundException e -> error(env, ErrorType.NOT_FOUND, e.getMessage());
            case LeewardException e
            when e.isRetryable() -> {
                LOG.warn("GraphQL field {} failed, retryable: {}", path(env), e.getMessage());
                yield error(env, ErrorType.INTERNAL_ERROR, "The graph store is busy or unreachable; retry later.");
            }
            default -> {
                String reference = UUID.randomUUID().toString();
                LOG.error("GraphQL field {} failed (reference {})", path(env), reference, ex);
                yield error(env, ErrorType.INTERNAL_ERROR, "Internal error; the server log has it under " + reference);
            }
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .build();
    }

    private static Object path(DataFetchingEnvironment env) {
        return env.getExecutionStepInfo().getPath();
    }
}
