package io.github.alembicmaven.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.script.RevisionScript;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Heads, bases and derived attributes, checked against Alembic 1.8.1's RevisionMap (expected values produced by
 * running it on the same graphs) and the cases of its own test suite (alembic-test-cases.md sections A and B).
 */
class RevisionMapTest {

    static List<Diagnostic> errors(RevisionMap map) {
        return map.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList());
    }

    @Test
    void linearHistoryHasOneHeadAndOneBase() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "b").map();
        assertThat(map.heads()).containsExactly("c");
        assertThat(map.realHeads()).containsExactly("c");
        assertThat(map.bases()).containsExactly("a");
        assertThat(map.realBases()).containsExactly("a");
        assertThat(map.diagnostics()).isEmpty();
        assertThat(map.get("b").orElseThrow().nextRevisions()).containsExactly("c");
        assertThat(map.revisions()).extracting(Revision::id).containsExactly("a", "b", "c");
    }

    @Test
    void emptyMapHasNothingAndNoProblems() {
        RevisionMap map = RevisionMap.build(List.of());
        assertThat(map.heads()).isEmpty();
        assertThat(map.bases()).isEmpty();
        assertThat(map.diagnostics()).isEmpty();
        assertThat(map.forkPoints(List.of())).isEmpty();
    }

    @Test
    void headsAreInLoadOrderNotSorted() {
        // test_add_revision_two_head, plus a load order where the later file sorts first
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c2", "b").rev("c1", "b").map();
        assertThat(map.heads()).containsExactly("c2", "c1");
        assertThat(map.branchPoints()).containsExactly("b");
    }

    @Test
    void diamondHasMergeAndBranchPoint() {
        RevisionMap map = Revs.of().rev("a").rev("b1", "a").rev("b2", "a").rev("c", "b1", "b2").rev("d", "c").map();
        assertThat(map.heads()).containsExactly("d");
        assertThat(map.mergePoints()).containsExactly("c");
        assertThat(map.branchPoints()).containsExactly("a");
        assertThat(map.get("c").orElseThrow().isMergePoint()).isTrue();
        assertThat(map.get("a").orElseThrow().isBranchPoint()).isTrue();
    }

    @Test
    void multipleBranchTestHeads() {
        RevisionMap map = Revs.of()
                .rev("a").rev("b1", "a").rev("b2", "a").rev("cb1", "b1").rev("cb2", "b2")
                .rev("d1cb1", "cb1").rev("d2cb1", "cb1").rev("d1cb2", "cb2").rev("d2cb2", "cb2").rev("d3cb2", "cb2")
                .rev("d1d2cb2", "d1cb2", "d2cb2")
                .map();
        assertThat(map.heads()).containsExactly("d1cb1", "d2cb1", "d3cb2", "d1d2cb2");
    }

    @Test
    void multipleBaseCrossDependencyOne_dependsOnDoesNotRemoveHeads() {
        RevisionMap map = Revs.of()
                .labelled("base1", List.of("b_1")).rev("a1a", "base1").rev("a1b", "base1").rev("b1a", "a1a")
                .dep("b1b", List.of("a3"), "a1b")
                .labelled("base2", List.of("b_2")).rev("a2", "base2").rev("b2", "a2").dep("c2", List.of("a3"), "b2")
                .rev("d2", "c2")
                .labelled("base3", List.of("b_3")).rev("a3", "base3").rev("b3", "a3")
                .map();
        assertThat(map.heads()).containsExactly("b1a", "b1b", "d2", "b3");
        assertThat(map.realHeads()).containsExactly("b1a", "b1b", "d2", "b3");
        assertThat(map.bases()).containsExactly("base1", "base2", "base3");
        assertThat(map.get("a3").orElseThrow().allNextRevisions()).containsExactlyInAnyOrder("b3", "b1b", "c2");
        assertThat(map.get("a3").orElseThrow().nextRevisions()).containsExactly("b3");
        assertThat(map.get("b1b").orElseThrow().branchLabels()).containsExactly("b_1");
        assertThat(map.get("b3").orElseThrow().branchLabels()).containsExactly("b_3");
        assertThat(map.diagnostics()).isEmpty();
    }

    @Test
    void multipleBaseCrossDependencyTwo_dependsOnLabelResolvesToDeclaringRevision() {
        RevisionMap map = Revs.of()
                .labelled("base1", List.of("b_1")).rev("a1", "base1").rev("b1", "a1").rev("c1", "b1")
                .full("base2", List.of(), List.of("b_2"), List.of("b_1"), null)
                .rev("a2", "base2").rev("b2", "a2").rev("c2", "b2").rev("d2", "c2")
                .labelled("base3", List.of("b_3")).rev("a3", "base3").rev("b3", "a3").dep("c3", List.of("b2"), "b3")
                .rev("d3", "c3")
                .map();
        assertThat(map.heads()).containsExactly("c1", "d2", "d3");
        assertThat(map.realHeads()).containsExactly("c1", "d2", "d3");
        assertThat(map.bases()).containsExactly("base1", "base2", "base3");
        assertThat(map.realBases()).containsExactly("base1", "base3");
        Revision base2 = map.get("base2").orElseThrow();
        assertThat(base2.dependsOn()).containsExactly("b_1");
        assertThat(base2.resolvedDependencies()).containsExactly("base1"); // not the branch tip c1
        assertThat(map.get("base1").orElseThrow().allNextRevisions()).containsExactlyInAnyOrder("a1", "base2");
        assertThat(map.get("d3").orElseThrow().branchLabels()).containsExactly("b_3");
        assertThat(map.diagnostics()).isEmpty();
    }

    @Test
    void multipleBaseCrossDependencyThree_noParentButADependencyIsABaseNotARealBase() {
        RevisionMap map = Revs.of()
                .rev("base1").rev("a1", "base1").rev("b1", "a1").dep("c2", List.of("a1")).rev("c3", "c2").map();
        assertThat(map.bases()).containsExactly("base1", "c2");
        assertThat(map.realBases()).containsExactly("base1");
        assertThat(map.heads()).containsExactly("b1", "c3");
        assertThat(map.get("c2").orElseThrow().isBase()).isTrue();
        assertThat(map.get("c2").orElseThrow().isRealBase()).isFalse();
    }

    @Test
    void effectiveHeadIsAHeadButNotARealHead() {
        // labels_depends_on / effective_head_merge: y depends_on x, nobody names x in down_revision
        RevisionMap map = Revs.of().rev("x").dep("y", List.of("x")).map();
        assertThat(map.heads()).containsExactly("x", "y");
        assertThat(map.realHeads()).containsExactly("y");
        assertThat(map.effectiveHeads()).containsExactly("x");
        Revision x = map.get("x").orElseThrow();
        assertThat(x.isHead()).isTrue();
        assertThat(x.isRealHead()).isFalse();
        assertThat(x.isEffectiveHead()).isTrue();
        assertThat(map.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.EFFECTIVE_HEAD);
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.path()).isEqualTo(Revs.path("x"));
            assertThat(d.message()).contains("x is an effective head", "(y)");
        });
    }

    @Test
    void headsDependsOnFixture_threeChainsQ4DependsOnT3() {
        RevisionMap map = Revs.of()
                .rev("q1").rev("q2", "q1").rev("q3", "q2").dep("q4", List.of("t3"), "q3").rev("q5", "q4")
                .rev("a1").rev("a2", "a1").rev("a3", "a2").rev("a4", "a3")
                .rev("t1").rev("t2", "t1").rev("t3", "t2")
                .map();
        assertThat(map.heads()).containsExactly("q5", "a4", "t3");
        assertThat(map.realHeads()).containsExactly("q5", "a4");
        assertThat(map.effectiveHeads()).containsExactly("t3");
    }

    @Test
    void normalizedDownRevisions_allDownRevisionsDedupeDownAndDependencies() {
        // NormalizedDownRevTest::test_dupe_dependency: b5(b4, depends_on b4)
        RevisionMap map = Revs.of().rev("b4").dep("b5", List.of("b4"), "b4").map();
        Revision b5 = map.get("b5").orElseThrow();
        assertThat(b5.resolvedDependencies()).containsExactly("b4");
        assertThat(map.get("b4").orElseThrow().nextRevisions()).containsExactly("b5");
        assertThat(map.get("b4").orElseThrow().allNextRevisions()).containsExactly("b5");
        assertThat(map.heads()).containsExactly("b5");
        assertThat(map.realHeads()).containsExactly("b5");
        assertThat(map.diagnostics()).isEmpty();
    }

    @Test
    void overlappingSubstringsAreNoLoop() {
        // GraphWithLoopTest::test_revision_dupe_head and the overlapping-substring cases
        RevisionMap map = Revs.of().rev("user_foo").dep("user", List.of("user_foo"), "user_foo").map();
        assertThat(map.heads()).containsExactly("user");
        assertThat(errors(map)).isEmpty();
        RevisionMap deps = Revs.of().rev("user_foo").dep("user", List.of("user_foo")).map();
        assertThat(deps.heads()).containsExactly("user_foo", "user");
        assertThat(deps.realHeads()).containsExactly("user");
        assertThat(errors(deps)).isEmpty();
    }

    @Test
    void repeatedDownRevisionIsAMergePoint() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a", "a").map();
        assertThat(map.get("b").orElseThrow().isMergePoint()).isTrue();
        assertThat(map.mergePoints()).containsExactly("b");
        assertThat(map.get("a").orElseThrow().nextRevisions()).containsExactly("b");
        assertThat(map.heads()).containsExactly("b");
    }

    @Test
    void realBranchPointCountsDependencyChildren() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").dep("c", List.of("a")).map();
        Revision a = map.get("a").orElseThrow();
        assertThat(a.isBranchPoint()).isFalse();
        assertThat(a.isRealBranchPoint()).isTrue();
    }

    @Test
    void ancestorsFollowDownRevisionOnly() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("x").dep("c", List.of("x"), "b").map();
        assertThat(map.ancestors("c")).containsExactlyInAnyOrder("c", "b", "a");
        assertThat(map.ancestors("nope")).isEmpty();
    }

    @Test
    void forkPointsAreLowestCommonAncestors() {
        RevisionMap map = Revs.of()
                .rev("a").rev("b", "a").rev("c1", "b").rev("c2", "b").rev("d1", "c1").rev("d2", "c2")
                .rev("z").rev("z1", "z")
                .map();
        assertThat(map.forkPoints(List.of("d1", "d2"))).containsExactly("b");
        assertThat(map.forkPoints(List.of("d1", "c1"))).containsExactly("c1");
        assertThat(map.forkPoints(List.of("d1", "z1"))).isEmpty();
    }

    @Test
    void criss_crossMergesHaveSeveralForkPoints() {
        // a -> b1, b2; m1(b1, b2), m2(b1, b2): common ancestors of m1 and m2 are b1, b2, a; lowest are b1 and b2
        RevisionMap map = Revs.of().rev("a").rev("b1", "a").rev("b2", "a").rev("m1", "b1", "b2").rev("m2", "b1", "b2")
                .map();
        assertThat(map.heads()).containsExactly("m1", "m2");
        assertThat(map.forkPoints(List.of("m1", "m2"))).containsExactly("b1", "b2");
    }

    @Test
    void duplicateIdKeepsTheEarlierObjectAsHead() {
        // Alembic: heads == ('b', 'b'); the later file wins the id
        RevisionScript first = new RevisionScript(Revs.path("b_first"), "b", 3, List.of("a"), 4, List.of(), 0,
                List.of(), 0, null);
        RevisionScript second = new RevisionScript(Revs.path("b_second"), "b", 5, List.of("a"), 6, List.of(), 0,
                List.of(), 0, null);
        RevisionMap map = Revs.of().rev("a").script(first).script(second).map();
        assertThat(map.heads()).containsExactly("b", "b");
        assertThat(map.realHeads()).containsExactly("b", "b");
        assertThat(map.get("b").orElseThrow().script()).isSameAs(second);
        assertThat(map.revisions()).extracting(Revision::id).containsExactly("a", "b");
        assertThat(errors(map)).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_REVISION);
            assertThat(d.path()).isEqualTo(Revs.path("b_second"));
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("b", "b_first.py");
            assertThat(d.fix()).contains("new revision id");
            assertThat(map.alembicError(d)).contains("Revision b is present more than once");
        });
    }

    @Test
    void duplicateIdWithChildLeavesAStaleHead() {
        // cases/duplicate_id_with_child: heads == ('b', 'c')
        RevisionMap map = Revs.of().rev("a").rev("b", "a").script(RevisionScript.of(Revs.path("b2"), "b", List.of("a")))
                .rev("c", "b").map();
        assertThat(map.heads()).containsExactly("b", "c");
        assertThat(map.get("b").orElseThrow().isHead()).isFalse();
        assertThat(map.bases()).containsExactly("a");
    }

    @Test
    void hundredThousandRevisionChainDoesNotOverflow() {
        Revs revs = Revs.of().labelled("r0", List.of("main"));
        for (int i = 1; i < 100_000; i++) {
            revs.rev("r" + i, "r" + (i - 1));
        }
        revs.rev("side", "r50000");
        // speed is measured by alembic-benchmark; this checks that nothing recurses per revision
        RevisionMap map = RevisionMap.build(revs.scripts());
        List<String> forks = map.forkPoints(List.of("r99999", "side"));
        assertThat(map.heads()).containsExactly("r99999", "side");
        assertThat(forks).containsExactly("r50000");
        assertThat(map.get("r99999").orElseThrow().branchLabels()).containsExactly("main");
        assertThat(map.get("side").orElseThrow().branchLabels()).containsExactly("main");
        assertThat(errors(map)).isEmpty();
    }

    @Test
    void hundredThousandRevisionCycleIsReportedWithoutOverflow() {
        Revs revs = Revs.of().rev("r0", "r99999");
        for (int i = 1; i < 100_000; i++) {
            revs.rev("r" + i, "r" + (i - 1));
        }
        RevisionMap map = revs.map();
        assertThat(errors(map)).singleElement().extracting(Diagnostic::code).isEqualTo(DiagnosticCode.CYCLE);
        assertThat(map.heads()).isEmpty();
    }

    static Map<String, List<String>> labels(RevisionMap map) {
        return map.revisions().stream()
                .collect(Collectors.toMap(Revision::id, r -> List.copyOf(r.branchLabels()), (x, y) -> x,
                        java.util.LinkedHashMap::new));
    }
}
