package io.leeward.graph.schema;

/** Renders docs/schema.md from the schema enums; a test keeps the committed file equal to it. */
public final class SchemaDoc {
    private SchemaDoc() {}

    public static String markdown() {
        var out = new StringBuilder();
        out.append("# Graph schema\n\n")
                .append("Generated from `graph-model/src/main/java/io/leeward/graph/schema` by `SchemaDocTest`; ")
                .append(
                        "do not edit by hand (run `./mvnw -pl graph-model test -Dtest=SchemaDocTest -Dleeward.docs.update=true`).\n\n")
                .append("Every node has a unique `id` (a constraint per label, created by the schema migrations), ")
                .append("and loaders stamp `account`, `region` (absent for global resources), ")
                .append("`firstSeen`, `lastSeen`, `source` and `syncId`. ")
                .append("A node created only so that a relationship can point at it carries `placeholder: true` ")
                .append("until the loader that owns it writes it. Relationships carry the same stamps.\n\n");
        out.append("## Node labels\n");
        for (NodeLabel.Group group : NodeLabel.Group.values()) {
            out.append("\n### ").append(group.title()).append("\n\n");
            out.append("| label | description |\n|---|---|\n");
            for (NodeLabel label : NodeLabel.values()) {
                if (label.group() == group) {
                    out.append("| `")
                            .append(label.name())
                            .append("` | ")
                            .append(label.description())
                            .append(" |\n");
                }
            }
        }
        out.append("\n## Relationship types\n\n");
        out.append("| type | from | to | description |\n|---|---|---|---|\n");
        for (RelType type : RelType.values()) {
            out.append("| `")
                    .append(type.name())
                    .append("` | ")
                    .append(names(type.from()))
                    .append(" | ")
                    .append(names(type.to()))
                    .append(" | ")
                    .append(type.isDerived() ? "*Derived.* " : "")
                    .append(type.description().replaceFirst("^Derived: ", ""))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String names(java.util.List<NodeLabel> labels) {
        return String.join(", ", labels.stream().map(NodeLabel::name).toList());
    }
}
