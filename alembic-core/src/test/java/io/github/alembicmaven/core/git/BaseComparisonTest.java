package io.github.alembicmaven.core.git;

import static io.github.alembicmaven.core.git.GitProject.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.check.HeadPolicy;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.merge.ConvergePlanner;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions;
import io.github.alembicmaven.core.merge.MergePlan;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jgit.api.RebaseResult;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BaseComparison} on real repositories: each scenario of the base-ref check. */
class BaseComparisonTest {
    @TempDir
    Path dir;

    @Test
    void branchRebasedOntoTheNewBaseHeadPasses() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            assertThat(p.git.rebase().setUpstream("main").call().getStatus()).isEqualTo(RebaseResult.Status.OK);
            p.revision("d", "c").commit("d re-parented onto c");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).isEmpty();
            assertThat(c.published()).containsExactly("a", "b", "c");
            assertThat(c.added()).containsExactly("d");
            assertThat(c.baseHeads()).containsExactly("c");
            assertThat(c.unionHeads()).containsExactly("d");
            assertThat(c.base().mergeBase()).hasValue(c.commitId());
        }
    }

    @Test
    void parallelRevisionOnBothSidesFailsWithTheFullMessage() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).hasSize(1);
            Diagnostic d = c.findings().get(0);
            assertThat(d.code()).isEqualTo(DiagnosticCode.HEAD_AFTER_MERGE);
            assertThat(d.isError()).isTrue();
            assertThat(d.format(dir)).isEqualTo("[head-after-merge] migrations/versions/d_m.py:10: New revision 'd'"
                    + " does not descend from 'c', the head of main: after merging, the migration graph has 2 heads"
                    + " (c, d) and 'alembic upgrade head' fails. It is new (only on this branch:"
                    + " migrations/versions/d_m.py) and has down_revision = 'b', which is published (present at main)."
                    + " main has 'c' (main:migrations/versions/c_m.py) on top of 'b'."
                    + " Fix: re-parent the new, unpublished revision onto main's head: bring in main (git rebase"
                    + " main, or git merge main) and set down_revision = 'c' in migrations/versions/d_m.py (safe while 'd' exists on no shared branch or database); or merge"
                    + " main into this branch and run 'mvn alembic:converge', which writes a merge revision over c,"
                    + " d.");
            assertThat(c.workingHeads()).containsExactly("d");
            assertThat(c.baseHeads()).containsExactly("c");
            assertThat(c.unionHeads()).containsExactly("c", "d");
            assertThat(c.published()).containsExactly("a", "b");
            assertThat(c.added()).containsExactly("d");
            assertThat(c.baseOnly()).containsExactly("c");
            assertThat(c.deleted()).isEmpty();
        }
    }

    @Test
    void aNewRevisionReparentedOntoTheBaseHeadBeforeMergingPassesOnTheUnion() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            p.revision("d", "c").commit("d on main's c, not merged yet");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).isEmpty();
            assertThat(c.unionHeads()).containsExactly("d");
            assertThat(p.analyze().hasErrors()).isTrue(); // 'c' is missing from the working tree alone
            assertThat(c.resolvedByBase()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.MISSING_PARENT);
        }
    }

    @Test
    void aNewLineOfSeveralRevisionsNamesItsFirstRevisionAsTheOneToReparent() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).commit("a");
            p.branch("feature").revision("n1", "a").revision("n2", "n1").commit("n1, n2");
            p.checkout("main").revision("b1", "a").revision("b2", "b1").commit("b1, b2");
            p.checkout("feature");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).singleElement().satisfies(d -> {
                assertThat(d.location(dir)).isEqualTo("migrations/versions/n1_m.py:10");
                assertThat(d.message()).isEqualTo("New revision 'n2' does not descend from 'b2', the head of main:"
                        + " after merging, the migration graph has 2 heads (b2, n2) and 'alembic upgrade head' fails."
                        + " The new line starts at 'n1', which is new (only on this branch: migrations/versions/n1_m.py)"
                        + " and has down_revision = 'a', which is published (present at main). main has 'b2'"
                        + " (main:migrations/versions/b2_m.py) on top of 'a'.");
                assertThat(d.fix()).isEqualTo("re-parent the new, unpublished revision onto main's head: bring in"
                        + " main (git rebase main, or git merge main) and set down_revision = 'b2' in migrations/versions/n1_m.py (safe while 'n1' exists on no shared"
                        + " branch or database); or merge main into this branch and run 'mvn alembic:converge', which"
                        + " writes a merge revision over b2, n2.");
            });
        }
    }

    @Test
    void aBranchThatIsMerelyBehindTheBasePasses() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).commit("a");
            p.branch("feature").write("README.md", "docs\n").commit("no migration");
            p.checkout("main").revision("b", "a").commit("b");
            p.checkout("feature");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).isEmpty();
            assertThat(c.baseOnly()).containsExactly("b");
            assertThat(c.deleted()).isEmpty();
            assertThat(c.unionHeads()).containsExactly("b");
        }
    }

    @Test
    void branchThatMergedTheBaseAndConvergedPasses() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            assertThat(p.git.merge().include(p.git.getRepository().resolve("main")).setMessage("merge main").call()
                    .getMergeStatus().isSuccessful()).isTrue();
            p.revision("m", "('c', 'd')").commit("converged");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).isEmpty();
            assertThat(c.unionHeads()).containsExactly("m");
            assertThat(c.added()).containsExactly("d", "m");
        }
    }

    @Test
    void duplicateIdAddedOnBothSides() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.duplicateIdOnBothSides().revision("y", "x").commit("y on x");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_ACROSS_BASE);
                assertThat(d.format(dir)).isEqualTo("[duplicate-across-base] migrations/versions/x_add_users.py:9:"
                        + " Revision id 'x' was added both on this branch (migrations/versions/x_add_users.py) and on"
                        + " main (main:migrations/versions/x_add_orders.py), with different content: after merging,"
                        + " two files declare 'x' and Alembic loads only one of them. The one at main is published;"
                        + " the one here is new. Fix: give the new revision here another id: set revision = '<new id>'"
                        + " in migrations/versions/x_add_users.py (and its file name), and replace 'x' in the"
                        + " down_revision or depends_on of 'y'; the published one at main keeps its id.");
            });
        }
    }

    @Test
    void theSameRevisionOnBothSidesIsNoDuplicate() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).commit("a");
            p.branch("feature").revision("x", "a").commit("x");
            p.checkout("main").revision("x", "a").commit("x, cherry-picked");
            p.checkout("feature");

            assertThat(p.compare("main").findings()).isEmpty();
        }
    }

    @Test
    void editedDownRevisionOfAPublishedRevisionFails() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").revision("n", "a").revision("b", "n").commit("n inserted below b");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(DiagnosticCode.PUBLISHED_REVISION_CHANGED);
                assertThat(d.format(dir)).isEqualTo("[published-revision-changed] migrations/versions/b_m.py:10:"
                        + " Published revision changed: down_revision of 'b' is 'a' at main"
                        + " (main:migrations/versions/b_m.py) but 'n' in migrations/versions/b_m.py. 'b' is published"
                        + " (present at main): other branches and databases may already have it, and rewriting its"
                        + " history forks or breaks their upgrade path. Only revisions new on this branch may be"
                        + " edited. Fix: restore down_revision = 'a' in migrations/versions/b_m.py; to change the"
                        + " history, add a new revision (or run 'mvn alembic:converge' for a merge) instead of editing"
                        + " a published one.");
            });
            assertThat(c.published()).containsExactly("a", "b");
            assertThat(c.added()).containsExactly("n");
        }
    }

    @Test
    void changedBranchLabelsAndDependsOnOfAPublishedRevisionAreEachNamed() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").write(VERSIONS + "b_m.py", GitProject.revisionText("b", "a", "rev b", "")
                    .replace("branch_labels = None", "branch_labels = ('core',)")
                    .replace("depends_on = None", "depends_on = ['a']")).commit("labels");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).extracting(d -> d.location(dir), Diagnostic::code).containsExactly(
                    tuple("migrations/versions/b_m.py:11", DiagnosticCode.PUBLISHED_REVISION_CHANGED),
                    tuple("migrations/versions/b_m.py:12", DiagnosticCode.PUBLISHED_REVISION_CHANGED));
            assertThat(c.findings().get(0).message()).startsWith("Published revision changed: branch_labels of 'b'"
                    + " is None at main (main:migrations/versions/b_m.py) but 'core' in migrations/versions/b_m.py.");
            assertThat(c.findings().get(1).message()).startsWith("Published revision changed: depends_on of 'b'"
                    + " is None at main (main:migrations/versions/b_m.py) but 'a' in migrations/versions/b_m.py.");
            assertThat(c.findings().get(1).fix()).startsWith("restore depends_on = None in migrations/versions/b_m.py;");
        }
    }

    @Test
    void reorderedParentsOfAPublishedMergeAreNoChange() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").revision("c", "a").revision("m", "('b', 'c')").commit("merge");
            p.branch("feature").revision("m", "('c', 'b')").commit("parents reordered");

            assertThat(p.compare("main").findings()).isEmpty();
        }
    }

    @Test
    void deletedPublishedRevisionFails() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").revision("c", "b").commit("a, b, c");
            p.branch("feature").delete(VERSIONS + "c_m.py").commit("c deleted");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(DiagnosticCode.PUBLISHED_REVISION_DELETED);
                assertThat(d.format(dir)).isEqualTo("[published-revision-deleted] main:migrations/versions/c_m.py:"
                        + " Published revision 'c' (main:migrations/versions/c_m.py) was deleted on this branch. 'c' is"
                        + " published (present at main): databases that ran it record it in alembic_version, and"
                        + " 'alembic upgrade' fails there with \"Can't locate revision identified by 'c'\"."
                        + " Fix: restore it: git checkout main -- migrations/versions/c_m.py");
            });
            assertThat(c.deleted()).containsExactly("c");
        }
    }

    @Test
    void aPublishedFileThatNowDeclaresAnotherIdFails() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").write(VERSIONS + "b_m.py", GitProject.revisionText("b2", "a", "rev b", ""))
                    .commit("b renamed to b2");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo(DiagnosticCode.PUBLISHED_REVISION_CHANGED);
                assertThat(d.format(dir)).isEqualTo("[published-revision-changed] migrations/versions/b_m.py:9:"
                        + " Published revision changed: revision of migrations/versions/b_m.py is 'b' at main"
                        + " (main:migrations/versions/b_m.py) but 'b2' now, and no file declares 'b' any more. 'b' is"
                        + " published (present at main): databases that ran it record it in alembic_version and can"
                        + " no longer upgrade. Fix: restore revision = 'b' in migrations/versions/b_m.py and put the"
                        + " new revision 'b2' in a new file.");
            });
            assertThat(c.deleted()).containsExactly("b");
        }
    }

    @Test
    void aNewRevisionEditedSeveralTimesOnTheBranchPasses() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").revision("n", "a").commit("n on a (wrong parent)");
            p.revision("n", "b").commit("n re-parented onto b");
            p.write(VERSIONS + "n_m.py", GitProject.revisionText("n", "b", "rev n", "")
                    .replace("branch_labels = None", "branch_labels = 'feature'")).commit("n labelled");
            p.delete(VERSIONS + "n_m.py").revision("n2", "b").commit("n renamed to n2");
            p.revision("n2", "b", "uncommitted edit of n2");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).isEmpty();
            assertThat(c.added()).containsExactly("n2");
            assertThat(c.unionHeads()).containsExactly("n2");
        }
    }

    @Test
    void branchLabelDeclaredOnBothSidesIsReportedFromTheUnion() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).commit("a");
            p.branch("feature").write(VERSIONS + "n_m.py", GitProject.revisionText("n", "a", "rev n", "")
                    .replace("branch_labels = None", "branch_labels = 'reports'")).commit("n");
            p.checkout("main").write(VERSIONS + "b_m.py", GitProject.revisionText("b", "a", "rev b", "")
                    .replace("branch_labels = None", "branch_labels = 'reports'")).commit("b");
            p.checkout("feature");

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).extracting(Diagnostic::code)
                    .contains(DiagnosticCode.DUPLICATE_BRANCH_LABEL);
        }
    }

    @Test
    void detachedHead() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").revision("d", "b");
            RevCommit tip = p.commit("d on b");
            p.checkout("main").revision("c", "b").commit("c on b");
            p.checkout(tip.name());
            assertThat(p.git.getRepository().getFullBranch()).isEqualTo(tip.name());

            BaseComparison c = p.compare("main");

            assertThat(c.findings()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.HEAD_AFTER_MERGE);
            assertThat(c.base().mergeBase()).isPresent();
            assertThat(c.unionHeads()).containsExactly("c", "d");
        }
    }

    @Test
    void baseRefAsATagAndAsACommitId() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a");
            RevCommit released = p.commit("a, b");
            p.git.tag().setName("v1").setAnnotated(true).setMessage("v1")
                    .setTagger(new PersonIdent("T", "t@example.com")).setSigned(false).call();
            p.branch("feature").revision("c", "b").commit("c");

            assertThat(p.compare("v1").commitId()).isEqualTo(released.name());
            assertThat(p.compare(released.name().substring(0, 10)).commitId()).isEqualTo(released.name());
            assertThat(p.compare("v1").findings()).isEmpty();
        }
    }
    @Test
    void independentBranchesEachGetTheirOwnHead() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.write(VERSIONS + "a_m.py", GitProject.revisionText("a", null, "core", "")
                            .replace("branch_labels = None", "branch_labels = 'core'"))
                    .write(VERSIONS + "r_m.py", GitProject.revisionText("r", null, "reports", "")
                            .replace("branch_labels = None", "branch_labels = 'reports'"))
                    .commit("two lines");
            p.branch("feature").revision("n", "a").commit("n on core");
            p.checkout("main").revision("r2", "r").commit("r2 on reports");
            p.checkout("feature");
            Analysis working = p.analyze();
            BaseSnapshot base = BaseRefReader.read(working, "main");

            assertThat(BaseComparison.compare(working, base, new HeadPolicy(1, Set.of("core", "reports")))
                    .findings()).isEmpty();
            assertThat(BaseComparison.compare(working, base, HeadPolicy.defaults()).findings())
                    .extracting(Diagnostic::code).containsExactly(DiagnosticCode.HEAD_AFTER_MERGE);
        }
    }

    @Test
    void theUnionPlansTheMergeOverBothSides() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            BaseComparison c = p.compare("main");

            assertThat(c.unionMap().get("c").orElseThrow().script().path())
                    .isEqualTo(Path.of("main:" + VERSIONS + "c_m.py"));
            assertThat(c.checkoutPath("c")).hasValue(dir.toRealPath().resolve(VERSIONS + "c_m.py"));
            assertThat(c.checkoutPath("d")).hasValue(dir.resolve(VERSIONS + "d_m.py"));
            assertThat(c.base().content(Path.of("main:" + VERSIONS + "c_m.py")).map(String::new))
                    .hasValue(GitProject.revisionText("c", "b", "rev c", ""));
            MergePlan plan = ConvergePlanner.plan(c.unionMap(), ConvergePlannerOptions.defaults()
                    .withVersionPath(c.checkoutPath("d").orElseThrow().getParent()));

            assertThat(plan.status()).isEqualTo(MergePlan.Status.PLANNED);
            assertThat(plan.merges()).singleElement().satisfies(m -> {
                assertThat(m.parents()).containsExactly("c", "d");
                assertThat(m.versionDirectory()).isEqualTo(dir.resolve("migrations/versions"));
            });
        }
    }
}
