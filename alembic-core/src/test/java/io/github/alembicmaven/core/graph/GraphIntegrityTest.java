package io.github.alembicmaven.core.graph;

import static io.github.alembicmaven.core.graph.RevisionMapTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loops, cycles, broken references and label collisions (alembic-test-cases.md C and D): diagnostics, no throws. */
class GraphIntegrityTest {

    private static Diagnostic only(RevisionMap map) {
        List<Diagnostic> errors = errors(map);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static String alembic(RevisionMap map, Diagnostic d) {
        return map.alembicError(d).orElseThrow();
    }

    @Test
    void selfLoops() {
        for (Revs revs : List.of(
                Revs.of().rev("a", "a"),
                Revs.of().rev("a", "a").rev("b", "a").rev("c", "b"),
                Revs.of().rev("a").rev("b", "a").rev("c", "b", "c"),
                Revs.of().rev("a").rev("b", "a", "b").rev("c1", "b").rev("c2", "b"),
                Revs.of().rev("a").rev("b1", "a").rev("b2", "a").rev("c", "b1", "b2", "c"))) {
            RevisionMap map = revs.map();
            Diagnostic d = only(map);
            assertThat(d.code()).isEqualTo(DiagnosticCode.SELF_LOOP);
            assertThat(d.line()).isEqualTo(8);
            String id = d.message().split(" ")[1];
            assertThat(alembic(map, d)).isEqualTo("Self-loop is detected in revisions (" + id + ")");
        }
        RevisionMap head = Revs.of().rev("a").rev("b", "a").rev("c", "b", "c").map();
        assertThat(only(head).path()).isEqualTo(Revs.path("c"));
        assertThat(head.heads()).containsExactly("c");
    }

    @Test
    void dependencySelfLoops() {
        RevisionMap map = Revs.of().rev("a").dep("b", List.of("b"), "a").rev("c1", "b").rev("c2", "b").map();
        Diagnostic d = only(map);
        assertThat(d.code()).isEqualTo(DiagnosticCode.DEPENDENCY_SELF_LOOP);
        assertThat(d.path()).isEqualTo(Revs.path("b"));
        assertThat(d.line()).isEqualTo(10);
        assertThat(alembic(map, d)).isEqualTo("Dependency self-loop is detected in revisions (b)");
        assertThat(only(Revs.of().dep("a", List.of("a")).map()).code()).isEqualTo(DiagnosticCode.DEPENDENCY_SELF_LOOP);
    }

    @Test
    void simpleCycleWithoutHeadsListsAllIdsInLoadOrder() {
        // 1.8.1 'cycle' case: no heads -> list(rev_map), i.e. load order
        RevisionMap map = Revs.of().rev("c", "b").rev("b", "a").rev("a", "c").map();
        Diagnostic d = only(map);
        assertThat(d.code()).isEqualTo(DiagnosticCode.CYCLE);
        assertThat(alembic(map, d)).isEqualTo("Cycle is detected in revisions (c, b, a)");
        assertThat(d.path()).isEqualTo(Revs.path("c"));
        assertThat(d.line()).isEqualTo(8);
        assertThat(d.message()).contains("c -> b -> a -> c");
    }

    @Test
    void cycleNextToAHealthyHistoryListsOnlyTheCycleSorted() {
        RevisionMap map = Revs.of().rev("a", "c").rev("b", "a").rev("c", "b").rev("d").rev("e", "d").map();
        assertThat(alembic(map, only(map))).isEqualTo("Cycle is detected in revisions (a, b, c)");
    }

    @Test
    void revisionsBelowOrAboveACycleAreListedToo() {
        // no base at all: Alembic lists every id in load order
        RevisionMap lower = Revs.of().rev("e", "d").rev("a", "c").rev("b", "a").rev("c", "b").rev("d", "c").map();
        Diagnostic d = only(lower);
        assertThat(alembic(lower, d)).isEqualTo("Cycle is detected in revisions (e, a, b, c, d)");
        assertThat(d.path()).isEqualTo(Revs.path("a")); // first revision on the cycle itself, not the tail
        // a healthy history next to it: the unreachable set, sorted, tail included
        RevisionMap tail = Revs.of().rev("e", "d").rev("a", "c").rev("b", "a").rev("c", "b").rev("d", "c").rev("f")
                .map();
        assertThat(alembic(tail, only(tail))).isEqualTo("Cycle is detected in revisions (a, b, c, d, e)");
        RevisionMap upper = Revs.of().rev("a").rev("b", "a").rev("c", "b", "e").rev("d", "c").rev("e", "d").map();
        assertThat(alembic(upper, only(upper))).isEqualTo("Cycle is detected in revisions (a, b, c, d, e)");
    }

    @Test
    void dependencyCycles() {
        RevisionMap simple = Revs.of().dep("a", List.of("c")).rev("b", "a").rev("c", "b").map();
        Diagnostic d = only(simple);
        assertThat(d.code()).isEqualTo(DiagnosticCode.DEPENDENCY_CYCLE);
        assertThat(alembic(simple, d)).isEqualTo("Dependency cycle is detected in revisions (a, b, c)");
        assertThat(d.line()).isEqualTo(10);
        RevisionMap extra = Revs.of().dep("a", List.of("c")).rev("b", "a").rev("c", "b").rev("d").rev("e", "d").map();
        assertThat(alembic(extra, only(extra))).isEqualTo("Dependency cycle is detected in revisions (a, b, c)");
        RevisionMap lower = Revs.of().dep("a", List.of("c")).rev("b", "a").rev("c", "b").rev("d", "c").rev("e", "d")
                .map();
        assertThat(alembic(lower, only(lower))).isEqualTo("Dependency cycle is detected in revisions (a, b, c, d, e)");
        RevisionMap upper = Revs.of().rev("a").rev("b", "a").dep("c", List.of("e"), "b").rev("d", "c").rev("e", "d")
                .map();
        assertThat(alembic(upper, only(upper))).isEqualTo("Dependency cycle is detected in revisions (a, b, c, d, e)");
    }

    @Test
    void dependsOnOwnLabelIsADependencyCycle() {
        RevisionMap map = Revs.of().full("a", List.of(), List.of("x"), List.of("x"), null).map();
        Diagnostic d = only(map);
        assertThat(d.code()).isEqualTo(DiagnosticCode.DEPENDENCY_CYCLE);
        assertThat(alembic(map, d)).isEqualTo("Dependency cycle is detected in revisions (a)");
    }

    @Test
    void missingParentIsReportedAndDoesNotHideACycle() {
        RevisionMap map = Revs.of()
                .rev("aaaa00000001").rev("bbbb00000002", "ffff0000dead")
                .rev("x", "z").rev("y", "x").rev("z", "y")
                .map();
        List<Diagnostic> errors = errors(map);
        assertThat(errors).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.MISSING_PARENT, DiagnosticCode.CYCLE);
        Diagnostic missing = errors.get(0);
        assertThat(missing.path()).isEqualTo(Revs.path("bbbb00000002"));
        assertThat(missing.line()).isEqualTo(8);
        assertThat(missing.message())
                .isEqualTo("down_revision 'ffff0000dead' of revision bbbb00000002 names no revision file.");
        assertThat(missing.fix()).isEqualTo("point down_revision at an existing revision id (exact id, not a prefix"
                + " or branch label), or restore the missing file.");
        assertThat(alembic(map, missing)).isEqualTo("KeyError: 'ffff0000dead'");
        assertThat(alembic(map, errors.get(1))).isEqualTo("Cycle is detected in revisions (x, y, z)");
        assertThat(map.heads()).containsExactly("aaaa00000001", "bbbb00000002");
    }

    @Test
    void onlyRootPointingAtAMissingParentIsNoCycle() {
        RevisionMap map = Revs.of().rev("a", "gone").rev("b", "a").map();
        assertThat(only(map).code()).isEqualTo(DiagnosticCode.MISSING_PARENT);
        assertThat(map.heads()).containsExactly("b");
    }

    @Test
    void downRevisionPrefixOrLabelIsAMissingParentWithAHint() {
        RevisionMap prefix = Revs.of().rev("abcdef123456").rev("b", "abcd").map();
        assertThat(only(prefix).message()).contains("'abcd' is only a prefix of abcdef123456");
        RevisionMap label = Revs.of().labelled("a", List.of("core")).rev("b", "core").map();
        Diagnostic d = only(label);
        assertThat(d.code()).isEqualTo(DiagnosticCode.MISSING_PARENT);
        assertThat(d.message()).contains("branch label 'core'", "exact revision id");
        assertThat(alembic(label, d)).isEqualTo("KeyError: 'core'");
    }

    @Test
    void missingDependency() {
        RevisionMap map = Revs.of().rev("a").dep("b", List.of("nothere"), "a").map();
        Diagnostic d = only(map);
        assertThat(d.code()).isEqualTo(DiagnosticCode.MISSING_DEPENDENCY);
        assertThat(d.line()).isEqualTo(10);
        assertThat(d.message()).contains("'nothere'", "revision b");
        assertThat(alembic(map, d)).isEqualTo("KeyError: 'nothere'");
        assertThat(map.realHeads()).containsExactly("b");
    }

    @Test
    void duplicateBranchLabelNamesTheLaterRevisionFirst() {
        RevisionMap map = Revs.of().rev("a").labelled("c", List.of("xy1"), "a").labelled("e", List.of("xy1"), "c")
                .map();
        Diagnostic d = only(map);
        assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_BRANCH_LABEL);
        assertThat(d.path()).isEqualTo(Revs.path("e"));
        assertThat(d.line()).isEqualTo(9);
        assertThat(alembic(map, d)).isEqualTo("Branch name 'xy1' in revision e already used by revision c");
        assertThat(map.declaringRevision("xy1")).map(Revision::id).contains("c");
    }

    @Test
    void branchLabelEqualToARevisionId() {
        RevisionMap map = Revs.of().rev("a").labelled("b", List.of("a"), "a").map();
        Diagnostic d = only(map);
        assertThat(d.code()).isEqualTo(DiagnosticCode.BRANCH_LABEL_IS_REVISION);
        assertThat(alembic(map, d)).isEqualTo("Branch name 'a' in revision b already used by revision a");
    }

    @Test
    void dependsOnALabelOfAChildResolvesToTheDeclaringRevision() {
        RevisionMap map = Revs.of().rev("a").labelled("b", List.of("lb"), "a").dep("c", List.of("lb")).map();
        assertThat(map.get("c").orElseThrow().resolvedDependencies()).containsExactly("b");
        assertThat(map.heads()).containsExactly("b", "c");
        assertThat(map.realHeads()).containsExactly("c");
        assertThat(map.bases()).containsExactly("a", "c");
        assertThat(errors(map)).isEmpty();
    }

    @Test
    void everyProblemIsCollected() {
        RevisionMap map = Revs.of()
                .rev("a").labelled("b", List.of("l"), "a").labelled("c", List.of("l"), "a")
                .dep("d", List.of("missing"), "gone").rev("e", "e")
                .map();
        assertThat(errors(map)).extracting(Diagnostic::code).containsExactlyInAnyOrder(
                DiagnosticCode.SELF_LOOP,
                DiagnosticCode.DUPLICATE_BRANCH_LABEL,
                DiagnosticCode.MISSING_DEPENDENCY,
                DiagnosticCode.MISSING_PARENT);
    }
}
