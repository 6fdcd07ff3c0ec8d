package io.leeward.app.cli;

import java.io.PrintWriter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders rows as an aligned text table; long cells are cut so a row fits a terminal line. */
final class Table {
    private static final int MAX_CELL = 80;

    private Table() {}

    static void print(PrintWriter out, List<String> columns, List<Map<String, Object>> rows) {
        var cells = new ArrayList<List<String>>();
        for (Map<String, Object> row : rows) {
            var line = new ArrayList<String>();
            for (String column : columns) {
                line.add(cell(row.get(column)));
            }
            cells.add(line);
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (List<String> line : cells) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        out.println(line(columns, widths));
        out.println(rule(widths));
        cells.forEach(line -> out.println(line(line, widths)));
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        out.flush();
    }

    /** The labels that have nodes, with their counts, from {@code status.label-counts}. */
    static List<Map<String, Object>> nonZeroLabelCounts(io.leeward.graph.store.GraphStore store) {
        return io.leeward.queries.QueryCatalog.standard().run(store, "status.label-counts", Map.of()).rows().stream()
                .filter(row -> ((Number) row.get("count")).longValue() > 0)
                .toList();
    }

    static String cell(Object value) {
        String text = switch (value) {
            case null -> "";
            case TemporalAccessor temporal -> temporal.toString();
            default -> String.valueOf(value);
        };
        text = text.replace('\n', ' ');
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }

    private static String line(List<String> values, int[] widths) {
        var builder = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                builder.append("  ");
            }
            builder.append(values.get(i));
            if (i < values.size() - 1) {
                builder.append(" ".repeat(widths[i] - values.get(i).length()));
            }
        }
        return builder.toString();
    }

    private static String rule(int[] widths) {
        var builder = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                builder.append("  ");
            }
            builder.append("-".repeat(widths[i]));
        }
        return builder.toString();
    }
}
