package io.leeward.graphql;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.node}: any node by its key. */
@Controller
final class NodeController {
    private final GraphReader reader;

    NodeController(GraphReader reader) {
        this.reader = reader;
    }

    /** The node with that key, or null: an unknown key is an answer, not an error. */
    @QueryMapping
    Nodes.Node node(@Argument String id) {
        if (id.isBlank()) {
            throw new BadRequestException("id must not be blank; pass an ARN, AWS id, digest or account id");
        }
        return reader.node(id).orElse(null);
    }
}
