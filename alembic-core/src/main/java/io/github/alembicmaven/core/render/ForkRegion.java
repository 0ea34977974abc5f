package io.github.alembicmaven.core.render;

import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forked part of a graph: the revisions from the fork points up to the heads, i.e. the ancestors of some but not
 * all of the heads, plus the fork points themselves.
 */
public final class ForkRegion {
    private ForkRegion() {}

    /**
     * The forked part below {@code heads}.
     *
     * @param map the graph
     * @param heads two or more heads sharing an ancestor
     * @param forkPoints their fork points ({@link RevisionMap#forkPoints(Collection)})
     * @return the revisions in the map's order; empty when fewer than two heads or no fork point is given
     */
    public static List<Revision> of(RevisionMap map, Collection<String> heads, Collection<String> forkPoints) {
        Set<String> distinct = new LinkedHashSet<>(heads);
        if (distinct.size() < 2 || forkPoints.isEmpty()) {
            return List.of();
        }
        Set<String> union = new HashSet<>();
        Set<String> common = null;
        for (String h : distinct) {
            Set<String> anc = map.ancestors(h);
            union.addAll(anc);
            if (common == null) {
                common = new HashSet<>(anc);
            } else {
                common.retainAll(anc);
            }
        }
        Set<String> forks = new HashSet<>(forkPoints);
        List<Revision> out = new ArrayList<>();
        for (Revision r : map.revisions()) {
            if (union.contains(r.id()) && (!common.contains(r.id()) || forks.contains(r.id()))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The forked parts of the whole graph: heads are grouped by shared ancestry (heads of independent lines with
     * separate bases fall into separate groups), and every group with two or more heads that share a fork point is
     * one fork.
     *
     * @param map the graph
     * @return the forks, in the load order of their first head
     */
    public static List<Fork> all(RevisionMap map) {
        List<String> heads = new ArrayList<>(new LinkedHashSet<>(map.heads()));
        List<Set<String>> ancestors = new ArrayList<>();
        for (String h : heads) {
            ancestors.add(map.ancestors(h));
        }
        int[] group = new int[heads.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (int i = 0; i < heads.size(); i++) {
            for (int j = i + 1; j < heads.size(); j++) {
                if (find(group, i) != find(group, j) && intersects(ancestors.get(i), ancestors.get(j))) {
                    group[find(group, j)] = find(group, i);
                }
            }
        }
        List<Fork> out = new ArrayList<>();
        for (int g = 0; g < heads.size(); g++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < heads.size(); i++) {
                if (find(group, i) == g) {
                    members.add(heads.get(i));
                }
            }
            if (members.size() < 2) {
                continue;
            }
            List<String> points = map.forkPoints(members);
            List<String> revisions = new ArrayList<>();
            of(map, members, points).forEach(r -> revisions.add(r.id()));
            if (!revisions.isEmpty()) {
                out.add(new Fork(members, points, revisions));
            }
        }
        return out;
    }

    /**
     * One fork of a graph.
     *
     * @param heads the heads that fork, load order
     * @param forkPoints where they fork from, load order
     * @param revisions the forked part ({@link #of}), the map's order
     */
    public record Fork(List<String> heads, List<String> forkPoints, List<String> revisions) {}

    private static int find(int[] group, int i) {
        while (group[i] != i) {
            i = group[i];
        }
        return i;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String s : small) {
            if (large.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
