package io.github.alembicmaven.core.render;

import io.github.alembicmaven.core.graph.HeadsListing;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LaneLayout} as text, in the manner of {@code git log --graph}: a row per revision ({@code *} for the node,
 * {@code |} for lanes passing by), and between two rows a line of {@code /} and {@code \} where a link changes lanes
 * ({@code _} where it passes other lanes). Each row names the revision like {@code alembic heads} does (labels,
 * {@code (head)}), adds {@code (branchpoint)} and {@code (mergepoint)} like {@code alembic history} and {@code (base)}
 * (a base row followed by an unrelated one is not linked to it), and the first line of the docstring:
 *
 * <pre>
 * * 2b2b2b2b2b2b (head)  add orders
 * | * 3c3c3c3c3c3c (head)  add users
 * |/
 * * 1a1a1a1a1a1a (branchpoint) (base)  init
 * </pre>
 */
public final class AsciiGraph {
    private AsciiGraph() {}

    /**
     * The newest {@code depth} revisions of the whole graph.
     *
     * @param map the graph
     * @param depth the number of rows to show (0 or less: none)
     * @return the lines; when revisions are left out, the last line says how many
     */
    public static List<String> newest(RevisionMap map, int depth) {
        return lines(LaneLayout.of(map), depth);
    }

    /**
     * The first {@code maxRows} rows of a layout.
     *
     * @param layout the layout
     * @param maxRows the number of rows to show
     * @return the lines; when rows are left out, the last line says how many
     */
    public static List<String> lines(LaneLayout layout, int maxRows) {
        int n = Math.min(Math.max(maxRows, 0), layout.rows().size());
        List<String> out = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            LaneLayout.Row r = layout.rows().get(row);
            char[] lanes = blank(layout.width());
            for (LaneLayout.Edge e : layout.edges()) {
                if (e.child() < row && row < e.parent()) {
                    lanes[2 * e.lane()] = '|';
                }
            }
            lanes[2 * r.column()] = '*';
            out.add(trim(lanes) + " " + label(r.revision()));
            if (row + 1 < n) {
                connectors(layout, row, out);
            }
        }
        int left = layout.rows().size() - n;
        if (left > 0) {
            out.add("... " + left + (left == 1 ? " older revision" : " older revisions"));
        }
        return out;
    }

    /**
     * The lines between row {@code gap} and the next: first the links leaving their child's lane, then those entering
     * their parent's; none when every link goes straight down.
     */
    private static void connectors(LaneLayout layout, int gap, List<String> out) {
        List<int[]> leaving = new ArrayList<>();
        List<int[]> entering = new ArrayList<>();
        for (LaneLayout.Edge e : layout.edges()) {
            int[] s = e.segment(gap);
            if (s == null) {
                continue;
            }
            boolean leavingNow = s[0] != s[1] && gap == e.child() && e.parent() > e.child() + 1;
            (leavingNow ? leaving : entering).add(s);
        }
        boolean leave = leaving.stream().anyMatch(s -> s[0] != s[1]);
        boolean enter = entering.stream().anyMatch(s -> s[0] != s[1]);
        if (leave && enter) {
            List<int[]> all = new ArrayList<>(leaving);
            all.addAll(entering);
            String both = connector(layout.width(), all, List.of(), true);
            if (both != null) {
                out.add(both);
                return;
            }
        }
        if (leave) {
            out.add(connector(layout.width(), leaving, entering, true));
        }
        if (enter) {
            out.add(connector(layout.width(), leaving, entering, false));
        }
    }

    /**
     * One connector line: the active segments are drawn, the others stand as straight lanes (at their upper end
     * before they move, at their lower end after).
     *
     * @return the line, or {@code null} when two pieces would share a position of a line drawing both kinds
     */
    private static String connector(int width, List<int[]> leaving, List<int[]> entering, boolean leavingLine) {
        boolean strict = leavingLine && entering.isEmpty(); // one line for both kinds: nothing may be ambiguous
        char[] line = blank(width);
        List<int[]> active = leavingLine ? leaving : entering;
        List<int[]> still = leavingLine ? entering : leaving;
        for (int[] s : still) {
            line[2 * (leavingLine ? s[0] : s[1])] = '|';
        }
        for (int[] s : active) {
            if (s[0] == s[1]) {
                line[2 * s[0]] = '|';
            }
        }
        for (int[] s : active) {
            int from = s[0];
            int to = s[1];
            if (to == from) {
                continue;
            }
            char slashChar = to > from ? '\\' : '/';
            int slash = to > from ? 2 * from + 1 : 2 * from - 1;
            if (strict && line[slash] != ' ' && line[slash] != slashChar) {
                return null;
            }
            line[slash] = slashChar;
            int lo = to > from ? 2 * from + 2 : 2 * to + 1;
            int hi = to > from ? 2 * to - 1 : 2 * from - 2;
            for (int p = lo; p <= hi; p++) {
                if (line[p] == ' ') {
                    line[p] = '_';
                } else if (strict && line[p] != '_' && line[p] != '|') {
                    return null;
                }
            }
        }
        return trim(line);
    }

    /**
     * A revision as a row names it: {@code <id>[ (<labels>)][ (head)][ (branchpoint)][ (mergepoint)][ (base)]}, two
     * spaces and the first line of the docstring. Heads are named as {@code alembic heads} names them; other revisions show the
     * labels they declare.
     */
    static String label(Revision r) {
        StringBuilder sb = new StringBuilder(name(r));
        String message = r.script().message();
        if (!message.isEmpty()) {
            sb.append("  ").append(message);
        }
        return sb.toString();
    }

    /** A revision's name with its markers: {@link #label(Revision)} without the message. */
    static String name(Revision r) {
        StringBuilder sb = new StringBuilder();
        if (r.isHead()) {
            sb.append(HeadsListing.line(r));
        } else {
            sb.append(r.id());
            if (!r.script().branchLabels().isEmpty()) {
                sb.append(" (").append(String.join(", ", new java.util.TreeSet<>(r.script().branchLabels())))
                        .append(')');
            }
        }
        if (r.isBranchPoint()) {
            sb.append(" (branchpoint)");
        }
        if (r.isMergePoint()) {
            sb.append(" (mergepoint)");
        }
        if (r.isBase()) {
            sb.append(" (base)");
        }
        return sb.toString();
    }

    private static char[] blank(int width) {
        char[] line = new char[Math.max(1, 2 * width - 1)];
        java.util.Arrays.fill(line, ' ');
        return line;
    }

    private static String trim(char[] line) {
        return new String(line).stripTrailing();
    }
}
