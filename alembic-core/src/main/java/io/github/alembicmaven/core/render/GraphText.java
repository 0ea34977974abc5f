package io.github.alembicmaven.core.render;

import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The graph for other tools: Mermaid ({@code graph.mmd}) and Graphviz ({@code graph.dot}). Every revision is a node
 * labelled with its id, its markers and the first line of its docstring; every down_revision link an arrow from the
 * older revision to the newer, depends_on a dashed one; newest on top. Nodes come in the rows' order of the
 * {@link LaneLayout}, so the same tree gives the same text.
 */
public final class GraphText {
    private GraphText() {}

    /**
     * The Mermaid flowchart.
     *
     * @param map the graph
     * @return the text, lines ending in {@code \n}
     */
    public static String mermaid(RevisionMap map) {
        LaneLayout layout = LaneLayout.of(map);
        Map<String, String> keys = mermaidKeys(layout);
        StringBuilder sb = new StringBuilder();
        sb.append("%% ").append(summary(map)).append('\n');
        sb.append("flowchart BT\n");
        for (LaneLayout.Row row : layout.rows()) {
            Revision r = row.revision();
            sb.append("  ").append(keys.get(r.id())).append("[\"").append(mermaidText(AsciiGraph.name(r)));
            String message = r.script().message();
            if (!message.isEmpty()) {
                sb.append("<br/>").append(mermaidText(message));
            }
            sb.append("\"]\n");
        }
        for (LaneLayout.Row row : layout.rows()) {
            Revision r = row.revision();
            for (String down : new LinkedHashSet<>(r.downRevisions())) {
                if (keys.containsKey(down)) {
                    sb.append("  ").append(keys.get(down)).append(" --> ").append(keys.get(r.id())).append('\n');
                }
            }
            for (String dep : new LinkedHashSet<>(r.resolvedDependencies())) {
                if (keys.containsKey(dep)) {
                    sb.append("  ").append(keys.get(dep)).append(" -. depends_on .-> ").append(keys.get(r.id()))
                            .append('\n');
                }
            }
        }
        classes(sb, layout, keys, "head", "fill:#fde68a,stroke:#b45309,stroke-width:2px", Revision::isHead);
        classes(sb, layout, keys, "base", "fill:#dbeafe,stroke:#1d4ed8", Revision::isBase);
        classes(sb, layout, keys, "mergepoint", "fill:#ede9fe,stroke:#6d28d9", Revision::isMergePoint);
        classes(sb, layout, keys, "branchpoint", "fill:#dcfce7,stroke:#15803d", Revision::isBranchPoint);
        return sb.toString();
    }

    private static void classes(StringBuilder sb, LaneLayout layout, Map<String, String> keys, String name,
            String style, java.util.function.Predicate<Revision> which) {
        List<String> members = new ArrayList<>();
        for (LaneLayout.Row row : layout.rows()) {
            if (which.test(row.revision())) {
                members.add(keys.get(row.revision().id()));
            }
        }
        if (!members.isEmpty()) {
            sb.append("  classDef ").append(name).append(' ').append(style).append('\n');
            sb.append("  class ").append(String.join(",", members)).append(' ').append(name).append('\n');
        }
    }

    /** Mermaid node keys: {@code r_<id>}, other characters than letters, digits and {@code _} replaced. */
    private static Map<String, String> mermaidKeys(LaneLayout layout) {
        Map<String, String> keys = new HashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (LaneLayout.Row row : layout.rows()) {
            String id = row.revision().id();
            String key = "r_" + id.replaceAll("[^A-Za-z0-9_]", "_");
            String unique = key;
            for (int k = 2; !used.add(unique); k++) {
                unique = key + "_" + k;
            }
            keys.put(id, unique);
        }
        return keys;
    }

    private static String mermaidText(String s) {
        return s.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    /**
     * The Graphviz digraph.
     *
     * @param map the graph
     * @return the text, lines ending in {@code \n}
     */
    public static String dot(RevisionMap map) {
        LaneLayout layout = LaneLayout.of(map);
        StringBuilder sb = new StringBuilder();
        sb.append("// ").append(summary(map)).append('\n');
        sb.append("digraph alembic {\n");
        sb.append("  rankdir=BT;\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\","
                + " fontsize=10];\n");
        sb.append("  edge [color=\"#64748b\"];\n");
        for (LaneLayout.Row row : layout.rows()) {
            Revision r = row.revision();
            sb.append("  ").append(dotString(r.id())).append(" [label=");
            String message = r.script().message();
            sb.append(dotString(AsciiGraph.name(r) + (message.isEmpty() ? "" : "\n" + message)));
            String fill = r.isHead() ? "#fde68a" : r.isMergePoint() ? "#ede9fe" : r.isBranchPoint() ? "#dcfce7"
                    : r.isBase() ? "#dbeafe" : null;
            if (fill != null) {
                sb.append(", fillcolor=\"").append(fill).append('"');
            }
            if (r.isHead()) {
                sb.append(", penwidth=2");
            }
            sb.append("];\n");
        }
        for (LaneLayout.Row row : layout.rows()) {
            Revision r = row.revision();
            for (String down : new LinkedHashSet<>(r.downRevisions())) {
                if (layout.rowOf(down) >= 0) {
                    sb.append("  ").append(dotString(down)).append(" -> ").append(dotString(r.id())).append(";\n");
                }
            }
            for (String dep : new LinkedHashSet<>(r.resolvedDependencies())) {
                if (layout.rowOf(dep) >= 0) {
                    sb.append("  ").append(dotString(dep)).append(" -> ").append(dotString(r.id()))
                            .append(" [style=dashed, label=\"depends_on\"];\n");
                }
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String dotString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** {@code Alembic migration graph: 3 revisions, 2 heads, 1 base, 0 merge points, 1 branch point}. */
    public static String summary(RevisionMap map) {
        int revisions = map.revisions().size();
        int heads = new LinkedHashSet<>(map.heads()).size();
        int bases = new LinkedHashSet<>(map.bases()).size();
        int merges = map.mergePoints().size();
        int branches = map.branchPoints().size();
        return "Alembic migration graph: " + count(revisions, "revision") + ", " + count(heads, "head") + ", "
                + count(bases, "base") + ", " + count(merges, "merge point") + ", " + count(branches, "branch point");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
