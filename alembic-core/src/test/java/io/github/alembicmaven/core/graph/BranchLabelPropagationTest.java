package io.github.alembicmaven.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code _add_branches}; every expectation was produced by Alembic 1.8.1 on the same graph. */
class BranchLabelPropagationTest {

    private static Map<String, List<String>> labels(Revs revs) {
        return RevisionMapTest.labels(revs.map());
    }

    @Test
    void labelOnAHeadOfAChainReachesTheBase() {
        assertThat(labels(Revs.of().rev("a").rev("b", "a").labelled("c", List.of("x"), "b")))
                .containsExactly(
                        Map.entry("a", List.of("x")), Map.entry("b", List.of("x")), Map.entry("c", List.of("x")));
    }

    @Test
    void labelInTheMiddleOfAChainCoversTheWholeChain() {
        assertThat(labels(Revs.of().rev("a").labelled("b", List.of("x"), "a").rev("c", "b").rev("d", "c")))
                .containsEntry("a", List.of("x"))
                .containsEntry("d", List.of("x"));
    }

    @Test
    void labelBelowABranchPointStaysAboveItsParent() {
        assertThat(labels(Revs.of().rev("a").labelled("b", List.of("x"), "a").rev("c1", "b").rev("c2", "b")))
                .containsExactly(
                        Map.entry("a", List.of()),
                        Map.entry("b", List.of("x")),
                        Map.entry("c1", List.of("x")),
                        Map.entry("c2", List.of("x")));
    }

    @Test
    void labelOnOneHeadOfABranchStopsAtTheBranchPoint() {
        assertThat(labels(Revs.of().rev("a").labelled("c1", List.of("x"), "a").rev("c2", "a")))
                .containsExactly(
                        Map.entry("a", List.of()), Map.entry("c1", List.of("x")), Map.entry("c2", List.of()));
    }

    @Test
    void labelFlowsThroughAMergeButNotBackDown() {
        assertThat(labels(Revs.of().rev("a").labelled("b1", List.of("x"), "a").rev("b2", "a").rev("m", "b1", "b2")
                        .rev("n", "m")))
                .containsExactly(
                        Map.entry("a", List.of()),
                        Map.entry("b1", List.of("x")),
                        Map.entry("b2", List.of()),
                        Map.entry("m", List.of("x")),
                        Map.entry("n", List.of("x")));
    }

    @Test
    void labelAboveAMergeStopsAtTheMerge() {
        assertThat(labels(Revs.of().rev("a").rev("b").rev("m", "a", "b").labelled("n", List.of("x"), "m")
                        .rev("o", "n")))
                .containsExactly(
                        Map.entry("a", List.of()),
                        Map.entry("b", List.of()),
                        Map.entry("m", List.of()),
                        Map.entry("n", List.of("x")),
                        Map.entry("o", List.of("x")));
    }

    @Test
    void dependencyChildMakesARealBranchPointThatStopsTheWalk() {
        assertThat(labels(Revs.of().rev("a").labelled("b", List.of("x"), "a").dep("c", List.of("a"))))
                .containsExactly(
                        Map.entry("a", List.of()), Map.entry("b", List.of("x")), Map.entry("c", List.of()));
    }

    @Test
    void singleDependencyChildDoesNotStopTheWalk() {
        assertThat(labels(Revs.of().rev("a").labelled("b", List.of("x"), "a").dep("q", List.of("b"))))
                .containsExactly(
                        Map.entry("a", List.of("x")), Map.entry("b", List.of("x")), Map.entry("q", List.of()));
    }

    @Test
    void twoLabelsOnOneChainAreBothEverywhereSorted() {
        assertThat(labels(Revs.of().labelled("a", List.of("x")).rev("b", "a").labelled("c", List.of("y"), "b")))
                .containsExactly(
                        Map.entry("a", List.of("x", "y")),
                        Map.entry("b", List.of("x", "y")),
                        Map.entry("c", List.of("x", "y")));
    }

    @Test
    void labelOnABaseBranchingIntoALabelledBranch() {
        assertThat(labels(Revs.of().labelled("a", List.of("x")).rev("b1", "a").labelled("b2", List.of("y"), "a")
                        .rev("c", "b2")))
                .containsExactly(
                        Map.entry("a", List.of("x")),
                        Map.entry("b1", List.of("x")),
                        Map.entry("b2", List.of("x", "y")),
                        Map.entry("c", List.of("x", "y")));
    }

    @Test
    void multipleLabelsDeclaredTogetherAreSorted() {
        Revision r = Revs.of().labelled("a", List.of("zeta", "alpha")).map().get("a").orElseThrow();
        assertThat(r.branchLabels()).containsExactly("alpha", "zeta");
    }

    @Test
    void cycleThatAlembicAcceptsStillPropagatesLikeAlembic() {
        // r2 <-> r4 <-> r3 <-> r1 cycle entered from base r0: Alembic's _detect_cycles does not see it
        Revs revs = Revs.of().rev("r0").labelled("r2", List.of("L3"), "r3", "r4")
                .full("r5", List.of("r2"), List.of("L1"), List.of("r3"), null)
                .labelled("r4", List.of("L0"), "r2", "r0").dep("r1", List.of("r0"), "r0").dep("r3", List.of("r1"), "r1");
        RevisionMap map = revs.map();
        assertThat(RevisionMapTest.errors(map)).isEmpty();
        assertThat(map.heads()).containsExactly("r5");
        assertThat(RevisionMapTest.labels(map)).containsExactly(
                Map.entry("r0", List.of()),
                Map.entry("r2", List.of("L0", "L3")),
                Map.entry("r5", List.of("L0", "L1", "L3")),
                Map.entry("r4", List.of("L0", "L3")),
                Map.entry("r1", List.of()),
                Map.entry("r3", List.of()));
    }
}
