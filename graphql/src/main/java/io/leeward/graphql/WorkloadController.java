package io.leeward.graphql;

import io.leeward.graphql.GraphReader.WorkloadFilter;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.workloads}: ECS services and tasks as a Relay connection, keyset-paged on id. */
@Controller
final class WorkloadController {
    static final int DEFAULT_FIRST = 50;
    static final int MAX_FIRST = 500;

    private final GraphReader reader;

    WorkloadController(GraphReader reader) {
        this.reader = reader;
    }

    @QueryMapping
    WorkloadConnection workloads(
            @Argument String cluster, @Argument WorkloadKind kind, @Argument Integer first, @Argument String after) {
        int limit = first == null ? DEFAULT_FIRST : first;
        if (limit < 0 || limit > MAX_FIRST) {
            throw new BadRequestException("first must be between 0 and " + MAX_FIRST + ", was " + limit);
        }
        if (cluster != null && cluster.isBlank()) {
            throw new BadRequestException("cluster must be a cluster ARN or name, or omitted; was blank");
        }
        var filter = new WorkloadFilter(cluster, kind);
        String afterId = after == null ? "" : WorkloadCursor.decode(after);
        var workloads = reader.workloads(filter, afterId, limit + 1);
        if (workloads.isEmpty() && cluster != null && !reader.clusterExists(cluster)) {
            throw new NotFoundException("no ECS cluster has the ARN or name " + cluster);
        }
        var page = workloads.subList(0, Math.min(limit, workloads.size()));
        var edges = page.stream()
                .map(workload -> new WorkloadEdge(WorkloadCursor.encode(workload.id()), workload))
                .toList();
        var pageInfo = new PageInfo(
                workloads.size() > limit,
                after != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new WorkloadConnection(edges, pageInfo, filter);
    }

    /** Counted only when asked for: one count query over the same filters. */
    @SchemaMapping(typeName = "WorkloadConnection")
    int totalCount(WorkloadConnection connection) {
        return Math.toIntExact(reader.workloadCount(connection.filter()));
    }

    /** {@code WorkloadConnection}; {@code filter} is kept for {@code totalCount}. */
    record WorkloadConnection(List<WorkloadEdge> edges, PageInfo pageInfo, WorkloadFilter filter) {
        public List<Nodes.Workload> nodes() {
            return edges.stream().map(WorkloadEdge::node).toList();
        }
    }

    /** {@code WorkloadEdge}. */
    record WorkloadEdge(String cursor, Nodes.Workload node) {}

    /** {@code PageInfo}. */
    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}
}
