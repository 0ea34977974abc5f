package io.github.alembicmaven.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.graph.Revs;
import io.github.alembicmaven.core.script.RevisionScript;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaneLayoutTest {

    @Test
    void aSimpleForkDrawsWithoutCrossingsNewestOnTop() {
        LaneLayout layout = LaneLayout.of(Revs.of().rev("a").rev("b", "a").rev("c", "a").map());

        assertThat(layout.ids()).containsExactly("b", "c", "a");
        assertThat(columns(layout)).containsExactly(0, 1, 0);
        assertThat(layout.width()).isEqualTo(2);
        assertThat(crossings(layout)).isZero();
    }

    @Test
    void longLinesOfAForkStayTogetherEachInItsLane() {
        RevisionMap map = Revs.of().rev("a").rev("b1", "a").rev("b2", "b1").rev("b3", "b2")
                .rev("c1", "a").rev("c2", "c1").map();

        LaneLayout layout = LaneLayout.of(map);

        assertThat(layout.ids()).containsExactly("b3", "b2", "b1", "c2", "c1", "a");
        assertThat(columns(layout)).containsExactly(0, 0, 0, 1, 1, 0);
        assertThat(crossings(layout)).isZero();
        assertThat(topological(layout)).isTrue();
    }

    @Test
    void aMergeFollowsItsFirstDownRevisionThenTheOthers() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "a").rev("m", "b", "c").rev("d", "m").map();

        LaneLayout layout = LaneLayout.of(map);

        assertThat(layout.ids()).containsExactly("d", "m", "b", "c", "a");
        assertThat(columns(layout)).containsExactly(0, 0, 0, 1, 0);
        assertThat(layout.edges()).containsExactly(
                new LaneLayout.Edge(0, 0, 1, 0, 0),
                new LaneLayout.Edge(1, 0, 2, 0, 0),
                new LaneLayout.Edge(1, 0, 3, 1, 1),
                new LaneLayout.Edge(2, 0, 4, 0, 0),
                new LaneLayout.Edge(3, 1, 4, 0, 1));
        assertThat(crossings(layout)).isZero();
    }

    @Test
    void severalBasesEachStartALaneOfTheirOwn() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a")
                .labelled("x", List.of("audit")).rev("y", "x").rev("m", "b", "y").map();

        LaneLayout layout = LaneLayout.of(map);

        assertThat(layout.ids()).containsExactly("m", "b", "a", "y", "x");
        assertThat(columns(layout)).containsExactly(0, 0, 0, 1, 1);
        assertThat(crossings(layout)).isZero();
        assertThat(layout.edges()).extracting(LaneLayout.Edge::lane).containsExactly(0, 1, 0, 1);
    }

    @Test
    void independentHeadsTakeTheLeftmostFreeLane() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("x").rev("y", "x").map();

        LaneLayout layout = LaneLayout.of(map);

        assertThat(layout.ids()).containsExactly("b", "a", "y", "x");
        assertThat(columns(layout)).containsExactly(0, 0, 0, 0);
        assertThat(layout.width()).isEqualTo(1);
    }

    @Test
    void theOrderIsStableAndDependsOnlyOnTheTree() {
        List<RevisionScript> scripts = GraphFixture.realistic(300, 42);
        LaneLayout first = LaneLayout.of(RevisionMap.build(scripts));
        LaneLayout again = LaneLayout.of(RevisionMap.build(new ArrayList<>(scripts)));

        assertThat(again.ids()).isEqualTo(first.ids());
        assertThat(columns(again)).isEqualTo(columns(first));
        assertThat(again.edges()).isEqualTo(first.edges());
        assertThat(topological(first)).isTrue();
        assertThat(first.rows()).hasSize(300);
        assertThat(first.width()).isLessThanOrEqualTo(8);
    }

    @Test
    void aCycleIsBrokenAndEveryRevisionStillGetsARow() {
        RevisionMap map = Revs.of().rev("a", "c").rev("b", "a").rev("c", "b").rev("d", "c").map();

        LaneLayout layout = LaneLayout.of(map);

        assertThat(layout.ids()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(layout.edges()).allMatch(e -> e.parent() > e.child());
    }

    @Test
    void aSubsetLeavesOutTheLinksToOtherRevisions() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "b").rev("d", "b").map();

        LaneLayout layout = LaneLayout.of(map, List.of(map.get("b").orElseThrow(), map.get("c").orElseThrow(),
                map.get("d").orElseThrow()));

        assertThat(layout.ids()).containsExactly("c", "d", "b");
        assertThat(layout.edges()).hasSize(2);
    }

    @Test
    void linearRunsAreChainsOfPlainRevisionsInOneLane() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "b").rev("d", "c").rev("e", "d")
                .rev("f", "e").rev("g", "a").map();

        LaneLayout layout = LaneLayout.of(map);

        assertThat(layout.ids()).containsExactly("f", "e", "d", "c", "b", "g", "a");
        List<int[]> runs = layout.linearRuns(3);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsExactly(1, 4); // e..b: f is a head, a a branch point
        assertThat(layout.linearRuns(5)).isEmpty();
    }

    static List<Integer> columns(LaneLayout layout) {
        List<Integer> out = new ArrayList<>();
        layout.rows().forEach(r -> out.add(r.column()));
        return out;
    }

    /** Every revision is above all its down_revisions. */
    static boolean topological(LaneLayout layout) {
        for (LaneLayout.Row row : layout.rows()) {
            int r = layout.rowOf(row.revision().id());
            for (String down : row.revision().downRevisions()) {
                int p = layout.rowOf(down);
                if (p >= 0 && p <= r) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Pairs of link pieces that cross, counting a node drawn on another link's lane as one: in every gap, a piece
     * moving from column a to b crosses every other piece that is straight in a column strictly between them, and two
     * moving pieces cross when their order at the top and at the bottom differs.
     */
    static int crossings(LaneLayout layout) {
        int count = 0;
        for (int gap = 0; gap + 1 < layout.rows().size(); gap++) {
            List<int[]> pieces = new ArrayList<>();
            for (LaneLayout.Edge e : layout.edges()) {
                int[] s = e.segment(gap);
                if (s != null) {
                    pieces.add(s);
                }
            }
            for (int i = 0; i < pieces.size(); i++) {
                for (int j = i + 1; j < pieces.size(); j++) {
                    int[] p = pieces.get(i);
                    int[] q = pieces.get(j);
                    if (Integer.signum(p[0] - q[0]) * Integer.signum(p[1] - q[1]) < 0) {
                        count++;
                    }
                }
            }
        }
        for (LaneLayout.Edge e : layout.edges()) {
            for (int row = e.child() + 1; row < e.parent(); row++) {
                if (layout.rows().get(row).column() == e.lane()) {
                    count++;
                }
            }
        }
        return count;
    }

    static List<String> reversed(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        Collections.reverse(out);
        return out;
    }
}
