package io.github.alembicmaven.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.graph.Revs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeCheckTest {

    private static CheckResult check(RevisionMap map, HeadPolicy policy) {
        return TreeCheck.check(map, map.diagnostics(), policy, Revs.BASE);
    }

    @Test
    void linearHistoryPasses() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").map();
        CheckResult result = check(map, HeadPolicy.defaults());
        assertThat(result.passed()).isTrue();
        assertThat(result.failureMessage()).isEmpty();
        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.branchLabel()).isNull();
            assertThat(line.heads()).containsExactly("b");
            assertThat(line.forkPoints()).isEmpty();
        });
    }

    @Test
    void twoHeadsFailWithOneMultipleHeadsError() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "a").map();
        CheckResult result = check(map, HeadPolicy.defaults());
        assertThat(result.passed()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.MULTIPLE_HEADS);
            assertThat(d.message()).contains("2 heads (b, c)", "at most 1 is allowed");
            assertThat(d.fix()).contains("alembic merge -m \"merge heads\" b c");
        });
        assertThat(result.lines().get(0).forkPoints()).containsExactly("a");
        assertThat(result.failureMessage()).startsWith("Alembic migration graph has 2 heads, but at most 1 is allowed:");
    }

    @Test
    void maxHeadsTwoAllowsTwoButNotThree() {
        Revs two = Revs.of().rev("a").rev("b", "a").rev("c", "a");
        assertThat(check(two.map(), new HeadPolicy(2, Set.of())).passed()).isTrue();
        RevisionMap three = two.rev("d", "a").map();
        CheckResult result = check(three, new HeadPolicy(2, Set.of()));
        assertThat(result.passed()).isFalse();
        assertThat(result.failureMessage()).startsWith("Alembic migration graph has 3 heads, but at most 2 are allowed:");
    }

    @Test
    void effectiveHeadsCountBecauseUpgradeHeadCountsThem() {
        RevisionMap map = Revs.of().rev("x").dep("y", List.of("x")).map();
        CheckResult result = check(map, HeadPolicy.defaults());
        assertThat(result.passed()).isFalse();
        assertThat(result.lines().get(0).heads()).containsExactly("x", "y");
        assertThat(result.warnings()).isEmpty(); // the effective-head finding is info only
    }

    @Test
    void independentBranchesEachAllowOneHead() {
        Revs revs = Revs.of()
                .labelled("a1", List.of("app_a")).rev("a2", "a1")
                .labelled("b1", List.of("app_b")).rev("b2", "b1");
        CheckResult ok = check(revs.map(), new HeadPolicy(1, Set.of("app_b", "app_a")));
        assertThat(ok.passed()).isTrue();
        assertThat(ok.lines()).extracting(HeadLine::branchLabel).containsExactly("app_a", "app_b", null);
        assertThat(ok.lines()).extracting(HeadLine::heads)
                .containsExactly(List.of("a2"), List.of("b2"), List.of());
        // without the policy the two lines are two heads with no common ancestor
        CheckResult plain = check(revs.map(), HeadPolicy.defaults());
        assertThat(plain.passed()).isFalse();
        assertThat(plain.lines().get(0).forkPoints()).isEmpty();
    }

    @Test
    void independentBranchWithTwoHeadsFails() {
        RevisionMap map = Revs.of()
                .labelled("a1", List.of("app_a")).rev("a2", "a1").rev("a3", "a1")
                .labelled("b1", List.of("app_b"))
                .map();
        CheckResult result = check(map, new HeadPolicy(1, Set.of("app_a", "app_b")));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.MULTIPLE_HEADS);
            assertThat(d.message()).startsWith("branch 'app_a' of the Alembic migration graph has 2 heads (a2, a3)");
        });
        HeadLine appA = result.lines().get(0);
        assertThat(appA.violated()).isTrue();
        assertThat(appA.forkPoints()).containsExactly("a1");
        assertThat(result.lines().get(1).violated()).isFalse();
    }

    @Test
    void headWithSeveralIndependentLabelsGoesToTheFirstSorted() {
        RevisionMap map = Revs.of().labelled("a", List.of("zz", "mm")).map();
        List<HeadLine> lines = TreeCheck.lines(map, new HeadPolicy(1, Set.of("zz", "mm")));
        assertThat(lines.get(0).branchLabel()).isEqualTo("mm");
        assertThat(lines.get(0).heads()).containsExactly("a");
        assertThat(lines.get(1).heads()).isEmpty();
    }

    @Test
    void unlistedLabelsStayInTheUnlabelledLine() {
        RevisionMap map = Revs.of().labelled("a1", List.of("app_a")).labelled("b1", List.of("other")).map();
        CheckResult result = check(map, new HeadPolicy(1, Set.of("app_a")));
        assertThat(result.passed()).isTrue();
        assertThat(result.lines().get(1).heads()).containsExactly("b1");
    }

    @Test
    void integrityErrorsComeFirstAndHeadsWaitUntilTheHistoryLoads() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "gone").map();
        List<Diagnostic> all = new ArrayList<>();
        Diagnostic warning = Diagnostic.warning(DiagnosticCode.CONFIG_WARNING, Path.of("/proj/alembic.ini"), 3,
                "deprecated key", "rename it");
        Diagnostic info = Diagnostic.info(DiagnosticCode.EFFECTIVE_HEAD, null, 0, "fyi");
        Diagnostic fileError = Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, Path.of("/proj/x.py"), 2, "bad", "fix");
        all.add(warning);
        all.add(info);
        all.add(fileError);
        all.addAll(map.diagnostics());
        CheckResult result = TreeCheck.check(map, all, HeadPolicy.defaults(), Revs.BASE);
        assertThat(result.errors()).extracting(Diagnostic::code).containsExactly(
                DiagnosticCode.SYNTAX_ERROR, DiagnosticCode.MISSING_PARENT);
        assertThat(result.warnings()).containsExactly(warning);
        assertThat(result.lines()).singleElement().satisfies(l -> assertThat(l.violated()).isTrue());
        assertThat(result.failureMessage()).startsWith("Alembic migration graph has 2 integrity errors:")
                .endsWith("\nThe number of heads is checked again once the history loads.")
                .doesNotContain("heads, but at most", "alembic merge");
    }

    @Test
    void headViolationsAreErrorsWhenTheHistoryLoads() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "a").map();
        CheckResult result = TreeCheck.check(map, map.diagnostics(), HeadPolicy.defaults(), Revs.BASE);
        assertThat(result.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.MULTIPLE_HEADS);
        assertThat(result.failureMessage()).startsWith("Alembic migration graph has 2 heads, but at most 1 is allowed:");
    }
}
