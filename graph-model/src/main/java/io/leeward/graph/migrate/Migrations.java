package io.leeward.graph.migrate;

import io.leeward.graph.schema.NodeLabel;
import java.util.ArrayList;
import java.util.List;

/** The ordered list of Leeward's schema migrations. Append only: never edit a released migration. */
public final class Migrations {
    private Migrations() {}

    public static List<Migration> all() {
        return List.of(
                new Migration(1, "unique id constraints for the baseline labels", keyConstraints(1)),
                new Migration(2, "unique id constraints for the labels added after the baseline", keyConstraints(2)));
    }

    /** The highest version; a database at this version has the whole schema. */
    public static int latest() {
        return all().getLast().version();
    }

    /** The name of the key constraint of a label, as created by the migrations. */
    public static String constraintName(NodeLabel label) {
        return label.name() + "_id";
    }

    private static List<String> keyConstraints(int version) {
        var statements = new ArrayList<String>();
        for (NodeLabel label : NodeLabel.values()) {
            if (label.since() == version) {
                statements.add("CREATE CONSTRAINT " + constraintName(label) + " IF NOT EXISTS FOR (n:" + label.cypher()
                        + ") REQUIRE n." + NodeLabel.KEY + " IS UNIQUE");
            }
        }
        return statements;
    }
}
