package io.github.alembicmaven.core.render;

import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revision graph laid out in lanes like {@code git log --graph}: one row per revision in topological order, newest
 * on top (every revision above its down_revisions), each row's node in a column (lane), and every down_revision link an
 * {@link Edge} that runs down one lane.
 *
 * <p>Order: a depth-first topological order over the down_revision links (Git's {@code --topo-order}): starting from
 * the heads, the one with the longest history first (the main line keeps the leftmost lane), then in load order, a revision follows the child that made it ready, the first down_revision of a merge before
 * the others; so each line of history is one contiguous run of rows, and a linear run of revisions is a run of
 * consecutive rows in one column. A cycle (an integrity error) is broken at the revision first in load order; links
 * that would point upwards are left out.
 *
 * <p>Lanes: a row's node takes the leftmost lane that awaits it (a head takes the leftmost free lane); its first
 * down_revision continues in that lane, every further one joins the lane that already awaits it or takes the first
 * free lane to its right. Lanes are never
 * shifted, so a link is drawn as: from the child's node into its lane in the gap below the child, straight down the
 * lane, and into the parent's node in the gap above the parent ({@link Edge#segment(int)}). A simple fork (two lines
 * from one revision) draws without crossings. The layout is a pure function of the map: the same tree gives the same
 * layout.
 */
public final class LaneLayout {

    /**
     * One row.
     *
     * @param revision the revision drawn on this row
     * @param column its lane (0 = leftmost)
     */
    public record Row(Revision revision, int column) {}

    /**
     * A down_revision link from the revision on row {@code child} to the one on row {@code parent} (below it).
     *
     * @param child the upper row (the revision naming the parent in down_revision)
     * @param childColumn the child's column
     * @param parent the lower row
     * @param parentColumn the parent's column
     * @param lane the lane the link runs down between the two rows
     */
    public record Edge(int child, int childColumn, int parent, int parentColumn, int lane) {

        /**
         * Where this link is in the gap between row {@code gap} and row {@code gap + 1}.
         *
         * @param gap a gap (the row above it)
         * @return {@code {fromColumn, toColumn}} (equal for a straight piece), or {@code null} when the link does not
         *     cross this gap
         */
        public int[] segment(int gap) {
            if (gap < child || gap >= parent) {
                return null;
            }
            if (parent == child + 1) {
                return new int[] {childColumn, parentColumn};
            }
            if (gap == child) {
                return new int[] {childColumn, lane};
            }
            if (gap == parent - 1) {
                return new int[] {lane, parentColumn};
            }
            return new int[] {lane, lane};
        }
    }

    private final List<Row> rows;
    private final List<Edge> edges;
    private final Map<String, Integer> rowOf;
    private final int width;

    private LaneLayout(List<Row> rows, List<Edge> edges, Map<String, Integer> rowOf, int width) {
        this.rows = List.copyOf(rows);
        this.edges = List.copyOf(edges);
        this.rowOf = rowOf;
        this.width = width;
    }

    /** The layout of every revision of the map. */
    public static LaneLayout of(RevisionMap map) {
        return of(map, map.revisions());
    }

    /**
     * The layout of some revisions of the map: links to revisions outside {@code revisions} are left out.
     *
     * @param map the graph
     * @param revisions the revisions to draw (in any order; the map's order decides)
     */
    public static LaneLayout of(RevisionMap map, Collection<Revision> revisions) {
        Set<String> wanted = new HashSet<>();
        revisions.forEach(r -> wanted.add(r.id()));
        List<Revision> nodes = new ArrayList<>();
        for (Revision r : map.revisions()) {
            if (wanted.contains(r.id())) {
                nodes.add(r);
            }
        }
        int n = nodes.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).id(), i);
        }
        // parents (distinct, in the subset, as written) and the number of children in the subset
        int[][] parents = new int[n][];
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            Set<Integer> ps = new LinkedHashSet<>();
            for (String down : nodes.get(i).downRevisions()) {
                Integer p = index.get(down);
                if (p != null && p != i) {
                    ps.add(p);
                }
            }
            parents[i] = ps.stream().mapToInt(Integer::intValue).toArray();
            for (int p : parents[i]) {
                pending[p]++;
            }
        }
        // depth-first topological order from the heads
        int[] order = new int[n];
        int[] rowOfNode = new int[n];
        boolean[] done = new boolean[n];
        Deque<Integer> stack = new ArrayDeque<>();
        List<Integer> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                heads.add(i);
            }
        }
        int[] size = new int[n];
        for (int h : heads) {
            size[h] = ancestorCount(h, parents);
        }
        heads.sort((a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        for (int k = heads.size() - 1; k >= 0; k--) {
            stack.push(heads.get(k));
        }
        int emitted = 0;
        int nextForced = 0;
        while (emitted < n) {
            if (stack.isEmpty()) { // only a cycle is left: break it at the first revision in load order
                while (done[nextForced]) {
                    nextForced++;
                }
                stack.push(nextForced);
            }
            int r = stack.pop();
            if (done[r]) {
                continue;
            }
            done[r] = true;
            rowOfNode[r] = emitted;
            order[emitted++] = r;
            int[] ps = parents[r];
            for (int k = ps.length - 1; k >= 0; k--) {
                int p = ps[k];
                if (!done[p] && --pending[p] == 0) {
                    stack.push(p);
                }
            }
        }
        // lanes
        List<Integer> slots = new ArrayList<>(); // awaited node per lane, -1 = free
        int[] column = new int[n];
        int width = 0;
        List<int[]> links = new ArrayList<>(); // {childRow, parentNode, lane}
        for (int row = 0; row < n; row++) {
            int node = order[row];
            int col = -1;
            for (int c = 0; c < slots.size(); c++) {
                if (slots.get(c) == node) {
                    if (col < 0) {
                        col = c;
                    }
                    slots.set(c, -1);
                }
            }
            if (col < 0) {
                col = freeLane(slots, 0);
            }
            column[node] = col;
            boolean ownLaneFree = true;
            for (int p : parents[node]) {
                if (rowOfNode[p] <= row) {
                    continue; // a link of a broken cycle
                }
                // a further down_revision that a lane already awaits joins that lane (the first stays in the node's
                // lane: joining it elsewhere would let the main line drift to the right)
                int lane = ownLaneFree ? -1 : slots.indexOf(p);
                if (lane < 0) {
                    lane = ownLaneFree ? col : freeLane(slots, col + 1);
                    ownLaneFree = false;
                    slots.set(lane, p);
                }
                links.add(new int[] {row, p, lane});
            }
            width = Math.max(width, Math.max(slots.size(), col + 1));
        }
        List<Row> rows = new ArrayList<>(n);
        Map<String, Integer> rowOf = new HashMap<>(n * 2);
        for (int row = 0; row < n; row++) {
            Revision r = nodes.get(order[row]);
            rows.add(new Row(r, column[order[row]]));
            rowOf.put(r.id(), row);
        }
        List<Edge> edges = new ArrayList<>(links.size());
        for (int[] l : links) {
            int parentRow = rowOfNode[l[1]];
            edges.add(new Edge(l[0], column[order[l[0]]], parentRow, column[l[1]], l[2]));
        }
        return new LaneLayout(rows, edges, rowOf, width);
    }

    /** The number of revisions {@code node} stands on, itself included. */
    private static int ancestorCount(int node, int[][] parents) {
        java.util.BitSet seen = new java.util.BitSet();
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(node);
        seen.set(node);
        int count = 0;
        while (!todo.isEmpty()) {
            int r = todo.pop();
            count++;
            for (int p : parents[r]) {
                if (!seen.get(p)) {
                    seen.set(p);
                    todo.push(p);
                }
            }
        }
        return count;
    }

    /** The first free lane at or right of {@code from}, a new lane if there is none; it is marked taken by nobody. */
    private static int freeLane(List<Integer> slots, int from) {
        for (int c = from; c < slots.size(); c++) {
            if (slots.get(c) == -1) {
                return c;
            }
        }
        while (slots.size() < from) {
            slots.add(-1);
        }
        slots.add(-1);
        return slots.size() - 1;
    }

    /** The rows, newest on top. */
    public List<Row> rows() {
        return rows;
    }

    /** The down_revision links, ordered by child row, then as written. */
    public List<Edge> edges() {
        return edges;
    }

    /** The number of lanes. */
    public int width() {
        return width;
    }

    /**
     * The row of a revision.
     *
     * @param id a revision id
     * @return the row, or -1 when the revision is not in this layout
     */
    public int rowOf(String id) {
        Integer row = rowOf.get(id);
        return row == null ? -1 : row;
    }

    /** The ids in row order. */
    public List<String> ids() {
        List<String> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r.revision().id()));
        return out;
    }

    /**
     * Runs of at least {@code minLength} consecutive rows that can be drawn as one: a chain in one lane where each
     * revision's only down_revision is the next row and the next row's only child, none of them a head, base, merge or
     * branch point, declaring a branch label or taking part in depends_on.
     *
     * @param minLength the shortest run worth collapsing (at least 2)
     * @return {@code {firstRow, lastRow}} pairs, top to bottom
     */
    public List<int[]> linearRuns(int minLength) {
        Set<String> dependencyTargets = new HashSet<>();
        for (Row row : rows) {
            dependencyTargets.addAll(row.revision().resolvedDependencies());
        }
        int n = rows.size();
        int[] onlyParentRow = new int[n];
        int[] childCount = new int[n];
        java.util.Arrays.fill(onlyParentRow, -1);
        int[] parentCount = new int[n];
        for (Edge e : edges) {
            parentCount[e.child()]++;
            childCount[e.parent()]++;
            onlyParentRow[e.child()] = e.parent();
        }
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int row = 0; row < n; row++) {
            boolean plain = plain(rows.get(row).revision(), dependencyTargets);
            if (start >= 0) {
                boolean continues = plain && onlyParentRow[row - 1] == row && parentCount[row - 1] == 1
                        && childCount[row] == 1;
                if (!continues) {
                    if (row - start >= minLength) {
                        out.add(new int[] {start, row - 1});
                    }
                    start = -1;
                }
            }
            if (start < 0 && plain) {
                start = row;
            }
        }
        if (start >= 0 && n - start >= minLength) {
            out.add(new int[] {start, n - 1});
        }
        return out;
    }

    private static boolean plain(Revision r, Set<String> dependencyTargets) {
        return !r.isHead() && !r.isBase() && !r.isMergePoint() && !r.isBranchPoint()
                && r.script().branchLabels().isEmpty() && r.dependsOn().isEmpty() && !dependencyTargets.contains(r.id());
    }
}
