package io.github.alembicmaven.core.git;

import static io.github.alembicmaven.core.git.GitProject.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RebaseResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alembic.baseRef} through {@link GoalRun#check(String, GoalParameters, Path, Path)}, as {@code alembic:check}
 * and the enforcer rule run it: the scenarios on real JGit repositories, with the exact failure message, the
 * verdict and the report's {@code baseRef} object and {@code diagnostics}.
 */
class GoalRunBaseRefTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Path report() {
        return dir.resolve("target/alembic/alembic-report.json");
    }

    static GoalParameters baseRef(String ref) {
        return new GoalParameters(null, null, null, null, null, null, null, null, ref);
    }

    private GoalRun check(String ref) throws AlembicConfigException {
        return GoalRun.check("check", baseRef(ref), dir, report());
    }

    private JsonNode reportJson() throws Exception {
        return json.readTree(report().toFile());
    }

    private static List<String> codes(JsonNode diagnostics) {
        List<String> out = new ArrayList<>();
        diagnostics.forEach(d -> out.add(d.get("code").asText()));
        return out;
    }

    private static String shortId(GitProject p, String ref) throws Exception {
        return p.git.getRepository().resolve(ref).name().substring(0, 12);
    }


    static final String WHY_AFTER_MERGE = "Why: each branch is green on its own, but the merge into main breaks"
            + " 'alembic upgrade' for everyone.";
    static final String WHY_PUBLISHED = "Why: a published revision may already have run on a database: changing or"
            + " deleting it makes that database's history disagree with the files, and Alembic cannot repair it.";

    @Test
    void aParallelRevisionOnBothSidesFailsWithTheFullBlockAndTheReportRecordsTheBase() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();

            GoalRun run = check("main");

            assertThat(run.failed()).isTrue();
            assertThat(run.check().passed()).isTrue(); // the working tree alone is fine; the merge result is not
            assertThat(run.failureMessage()).isEqualTo("Compared with main (" + shortId(p, "main") + "): 1 problem"
                    + " in the merge result:\n"
                    + "  - [head-after-merge] migrations/versions/d_m.py:10: New revision 'd' does not descend from"
                    + " 'c', the head of main: after merging, the migration graph has 2 heads (c, d) and 'alembic"
                    + " upgrade head' fails. It is new (only on this branch: migrations/versions/d_m.py) and has"
                    + " down_revision = 'b', which is published (present at main). main has 'c'"
                    + " (main:migrations/versions/c_m.py) on top of 'b'.\n"
                    + "    Fix: re-parent the new, unpublished revision onto main's head: bring in main (git rebase"
                    + " main, or git merge main) and set down_revision = 'c' in migrations/versions/d_m.py (safe while"
                    + " 'd' exists on no shared branch or database); or merge main into this branch and run 'mvn"
                    + " alembic:converge', which writes a merge revision over c, d.\n"
                    + WHY_AFTER_MERGE);
            assertThat(run.warningLines()).isEmpty();
            assertThat(run.base().findings()).hasSize(1);

            JsonNode root = reportJson();
            assertThat(root.get("status").asText()).isEqualTo("failed");
            JsonNode base = root.get("baseRef");
            assertThat(base.get("ref").asText()).isEqualTo("main");
            assertThat(base.get("commitId").asText()).isEqualTo(p.git.getRepository().resolve("main").name());
            assertThat(base.get("shallow").asBoolean()).isFalse();
            assertThat(base.get("mergeBase").asText())
                    .isEqualTo(p.git.getRepository().resolve("main~1").name());
            assertThat(base.get("baseHeads").toString()).isEqualTo("[\"c\"]");
            assertThat(base.get("headsAfterMerge").toString()).isEqualTo("[\"c\",\"d\"]");
            assertThat(base.get("published").toString()).isEqualTo("[\"a\",\"b\"]");
            assertThat(base.get("added").toString()).isEqualTo("[\"d\"]");
            assertThat(base.get("deleted").toString()).isEqualTo("[]");
            assertThat(codes(base.get("findings"))).containsExactly("head-after-merge");
            JsonNode finding = base.get("findings").get(0);
            assertThat(finding.get("path").asText()).isEqualTo("migrations/versions/d_m.py");
            assertThat(finding.get("line").asInt()).isEqualTo(10);
            assertThat(finding.get("severity").asText()).isEqualTo("error");
            // the same finding in the array every tool reads; the two heads are not reported twice (multiple-heads)
            assertThat(codes(root.get("diagnostics"))).containsExactly("head-after-merge");
            assertThat(root.get("diagnostics").get(0)).isEqualTo(finding);
        }
    }

    @Test
    void theBranchRebasedOntoTheNewBaseHeadPasses() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            assertThat(p.git.rebase().setUpstream("main").call().getStatus()).isEqualTo(RebaseResult.Status.OK);
            p.revision("d", "c").commit("d re-parented onto c");

            GoalRun run = check("main");

            assertThat(run.failed()).isFalse();
            assertThat(run.failureMessage()).isEmpty();
            assertThat(run.summary()).isEqualTo("Alembic revision graph OK: 4 revisions, 1 head (d) in"
                    + " migrations/versions; merged with main (" + shortId(p, "main") + "): 4 revisions, 1 head (d)");
            JsonNode root = reportJson();
            assertThat(root.get("status").asText()).isEqualTo("passed");
            assertThat(root.get("baseRef").get("headsAfterMerge").toString()).isEqualTo("[\"d\"]");
            assertThat(root.get("baseRef").get("mergeBase").asText())
                    .isEqualTo(root.get("baseRef").get("commitId").asText());
            assertThat(root.get("baseRef").get("findings")).isEmpty();
            assertThat(root.get("diagnostics")).isEmpty();
        }
    }

    @Test
    void aRevisionReparentedOntoTheBaseHeadBeforeTheBaseIsMergedPasses() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            p.revision("d", "c").commit("d on main's c, main not merged yet");

            GoalRun run = check("main");

            // alone, the working tree misses 'c'; the merge brings it
            assertThat(run.analysis().hasErrors()).isTrue();
            assertThat(run.failed()).isFalse();
            assertThat(run.summary()).isEqualTo("Alembic revision graph OK: 3 revisions, 2 heads (b, d) in"
                    + " migrations/versions; merged with main (" + shortId(p, "main") + "): 4 revisions, 1 head (d)");
            assertThat(run.failureMessage()).isEmpty();
            assertThat(run.check().errors()).isEmpty();
            JsonNode root = reportJson();
            assertThat(root.get("status").asText()).isEqualTo("passed");
            assertThat(root.get("baseRef").get("headsAfterMerge").toString()).isEqualTo("[\"d\"]");
            // a passed report lists no error that the merge resolves
            assertThat(codes(root.get("diagnostics"))).isEmpty();
        }
    }

    @Test
    void withoutTheBaseRefTheSameBranchIsJudgedAlone() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();

            GoalRun run = check(null);

            assertThat(run.failed()).isFalse();
            assertThat(run.base()).isNull();
            assertThat(reportJson().has("baseRef")).isFalse();
        }
    }

    @Test
    void aForkThatOnlyTheBaseHasGivesTheOrdinaryMultipleHeadsMessage() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).commit("a");
            p.branch("feature").write("README.md", "docs\n").commit("no migration");
            p.checkout("main").revision("b", "a").revision("c", "a").commit("b, c: two heads on main");
            p.checkout("feature");

            GoalRun run = check("main");

            assertThat(run.failed()).isTrue();
            assertThat(run.base().findings()).isEmpty(); // not this branch's revision: no head-after-merge
            assertThat(run.failureMessage()).isEqualTo("Alembic migration graph has 2 heads, but at most 1 is"
                    + " allowed:\n"
                    + "  - b (head)  main:migrations/versions/b_m.py  \"rev b\"\n"
                    + "  - c (head)  main:migrations/versions/c_m.py  \"rev c\"\n"
                    + "  They fork from a (migrations/versions/a_m.py):\n"
                    + "    * b (head)  rev b\n"
                    + "    | * c (head)  rev c\n"
                    + "    |/\n"
                    + "    * a (branchpoint) (base)  rev a\n"
                    + "Why: 'alembic upgrade head' will fail with \"Multiple head revisions are present for given"
                    + " argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a"
                    + " specific head, or 'heads' for all heads\".\n"
                    + "Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn"
                    + " alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m \"merge heads\""
                    + " b c");
            JsonNode root = reportJson();
            assertThat(root.get("status").asText()).isEqualTo("failed");
            assertThat(codes(root.get("diagnostics"))).containsExactly("multiple-heads");
            assertThat(root.get("baseRef").get("baseHeads").toString()).isEqualTo("[\"b\",\"c\"]");
        }
    }

    @Test
    void aDuplicateIdAddedOnBothSidesFails() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.duplicateIdOnBothSides();

            GoalRun run = check("main");

            assertThat(run.failed()).isTrue();
            assertThat(run.failureMessage()).isEqualTo("Compared with main (" + shortId(p, "main") + "): 1 problem"
                    + " in the merge result:\n"
                    + "  - [duplicate-across-base] migrations/versions/x_add_users.py:9: Revision id 'x' was added both"
                    + " on this branch (migrations/versions/x_add_users.py) and on main"
                    + " (main:migrations/versions/x_add_orders.py), with different content: after merging, two files"
                    + " declare 'x' and Alembic loads only one of them. The one at main is published; the one here is"
                    + " new.\n"
                    + "    Fix: give the new revision here another id: set revision = '<new id>' in"
                    + " migrations/versions/x_add_users.py (and its file name); the published one at main keeps its"
                    + " id.\n"
                    + WHY_AFTER_MERGE);
            JsonNode root = reportJson();
            assertThat(codes(root.get("baseRef").get("findings"))).containsExactly("duplicate-across-base");
            assertThat(codes(root.get("diagnostics"))).containsExactly("duplicate-across-base");
            assertThat(root.get("status").asText()).isEqualTo("failed");
        }
    }

    @Test
    void anEditedDownRevisionOfAPublishedRevisionFails() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").revision("n", "a").revision("b", "n").commit("n inserted below b");

            GoalRun run = check("main");

            assertThat(run.failed()).isTrue();
            assertThat(run.failureMessage()).isEqualTo("Compared with main (" + shortId(p, "main") + "): 1 problem"
                    + " in the merge result:\n"
                    + "  - [published-revision-changed] migrations/versions/b_m.py:10: Published revision changed:"
                    + " down_revision of 'b' is 'a' at main (main:migrations/versions/b_m.py) but 'n' in"
                    + " migrations/versions/b_m.py. 'b' is published (present at main): other branches and databases"
                    + " may already have it, and rewriting its history forks or breaks their upgrade path. Only"
                    + " revisions new on this branch may be edited.\n"
                    + "    Fix: restore down_revision = 'a' in migrations/versions/b_m.py; to change the history, add a"
                    + " new revision (or run 'mvn alembic:converge' for a merge) instead of editing a published"
                    + " one.\n"
                    + WHY_PUBLISHED);
            JsonNode root = reportJson();
            assertThat(root.get("status").asText()).isEqualTo("failed");
            assertThat(root.get("baseRef").get("published").toString()).isEqualTo("[\"a\",\"b\"]");
            assertThat(root.get("baseRef").get("added").toString()).isEqualTo("[\"n\"]");
            assertThat(codes(root.get("diagnostics"))).containsExactly("published-revision-changed");
        }
    }

    @Test
    void aDeletedPublishedRevisionFails() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").revision("c", "b").commit("a, b, c");
            p.branch("feature").delete(VERSIONS + "c_m.py").commit("c deleted");

            GoalRun run = check("main");

            assertThat(run.failed()).isTrue();
            assertThat(run.failureMessage()).isEqualTo("Compared with main (" + shortId(p, "main") + "): 1 problem"
                    + " in the merge result:\n"
                    + "  - [published-revision-deleted] main:migrations/versions/c_m.py: Published revision 'c'"
                    + " (main:migrations/versions/c_m.py) was deleted on this branch. 'c' is published (present at"
                    + " main): databases that ran it record it in alembic_version, and 'alembic upgrade' fails there"
                    + " with \"Can't locate revision identified by 'c'\".\n"
                    + "    Fix: restore it: git checkout main -- migrations/versions/c_m.py\n"
                    + WHY_PUBLISHED);
            JsonNode root = reportJson();
            assertThat(root.get("baseRef").get("deleted").toString()).isEqualTo("[\"c\"]");
            JsonNode finding = root.get("baseRef").get("findings").get(0);
            assertThat(finding.get("code").asText()).isEqualTo("published-revision-deleted");
            assertThat(finding.get("path").asText()).isEqualTo("main:migrations/versions/c_m.py");
            assertThat(codes(root.get("diagnostics"))).containsExactly("published-revision-deleted");
        }
    }

    @Test
    void bothKindsOfProblemsGiveOneBlockWithBothReasons() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            p.revision("b", null).commit("b rewritten as a new base");

            GoalRun run = check("main");

            assertThat(run.failureMessage())
                    .startsWith("Compared with main (" + shortId(p, "main") + "): 2 problems in the merge result:\n"
                            + "  - [head-after-merge] migrations/versions/d_m.py:10: New revision 'd' does not descend"
                            + " from 'c', 'a', the heads of main:")
                    .contains("\n  - [published-revision-changed] migrations/versions/b_m.py:10: Published revision"
                            + " changed: down_revision of 'b' is 'a' at main")
                    .endsWith("\nWhy: each branch is green on its own, but the merge into main breaks 'alembic"
                            + " upgrade' for everyone; a published revision may already have run on a database:"
                            + " changing or deleting it makes that database's history disagree with the files, and"
                            + " Alembic cannot repair it.");
            assertThat(codes(reportJson().get("diagnostics")))
                    .containsExactly("head-after-merge", "published-revision-changed");
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
            p.revision("n", "b", "uncommitted edit of n");

            GoalRun run = check("main");

            assertThat(run.failed()).isFalse();
            assertThat(reportJson().get("baseRef").get("added").toString()).isEqualTo("[\"n\"]");
            assertThat(reportJson().get("status").asText()).isEqualTo("passed");
        }
    }

    @Test
    void aMissingRefIsAConfigurationErrorNamingTheRefAndRecordedInTheReport() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();

            assertThatThrownBy(() -> check("origin/main"))
                    .isInstanceOf(AlembicConfigException.class)
                    .hasMessage("Base ref 'origin/main' not found in " + dir.toRealPath() + ": no branch,"
                            + " remote-tracking branch, tag or commit of that name. In a shallow clone, fetch it with"
                            + " 'git fetch --depth=50 origin main' (in CI, fetch the base branch before the build,"
                            + " e.g. actions/checkout with fetch-depth: 0).");

            JsonNode root = reportJson();
            assertThat(root.get("status").asText()).isEqualTo("error");
            assertThat(root.has("baseRef")).isFalse();
            assertThat(codes(root.get("diagnostics"))).containsExactly("configuration-error");
            assertThat(root.get("diagnostics").get(0).get("message").asText())
                    .startsWith("Base ref 'origin/main' not found in ");
        }
    }

    @Test
    void outsideAGitRepositoryTheBaseRefIsAConfigurationError() throws Exception {
        Path project = dir.resolve("plain");
        java.nio.file.Files.createDirectories(project.resolve(VERSIONS));
        java.nio.file.Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        java.nio.file.Files.writeString(project.resolve(VERSIONS + "a_m.py"),
                GitProject.revisionText("a", null, "a", ""));

        assertThatThrownBy(() -> GoalRun.check("check", baseRef("main"), project, null))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("alembic.baseRef=main needs a git repository, but " + project);
    }

    @Test
    void aDetachedHeadIsComparedLikeABranch() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            RevCommit tip = p.git.log().setMaxCount(1).call().iterator().next();
            p.checkout(tip.name());
            assertThat(p.git.getRepository().getFullBranch()).isEqualTo(tip.name());

            GoalRun run = check("main");

            assertThat(run.failed()).isTrue();
            assertThat(codes(reportJson().get("diagnostics"))).containsExactly("head-after-merge");
            assertThat(reportJson().get("baseRef").get("mergeBase").isNull()).isFalse();
        }
    }

    @Test
    void aPullRequestsTestMergeCommitIsJudgedByTheBaseBlockAlone() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            // what actions/checkout checks out for a pull request: the branch merged into the base, HEAD detached
            assertThat(p.git.merge().include(p.git.getRepository().resolve("main")).setMessage("test merge").call()
                    .getMergeStatus().isSuccessful()).isTrue();
            p.checkout(p.git.getRepository().resolve("HEAD").name());

            GoalRun run = check("main");

            assertThat(run.check().passed()).isTrue(); // the two heads are explained once, by head-after-merge
            assertThat(run.failureMessage()).startsWith("Compared with main (" + shortId(p, "main") + "): 1 problem in"
                    + " the merge result:\n  - [head-after-merge] migrations/versions/d_m.py:10: New revision 'd' does"
                    + " not descend from 'c', the head of main:");
            assertThat(codes(reportJson().get("diagnostics"))).containsExactly("head-after-merge");
            assertThat(reportJson().get("baseRef").get("mergeBase").asText())
                    .isEqualTo(reportJson().get("baseRef").get("commitId").asText());
        }
    }

    @Test
    void aShallowCloneChecksAgainstTheFetchedBase() throws Exception {
        Path upstream = dir.resolve("upstream");
        try (GitProject up = GitProject.init(upstream)) {
            up.revision("a", null).commit("a");
            up.revision("b", "a").commit("b");
            up.revision("c", "b").commit("c");
        }
        Path clone = dir.resolve("clone");
        Git.cloneRepository().setURI(upstream.toUri().toString()).setDirectory(clone.toFile()).setBranch("main")
                .setDepth(1).call().close();
        try (GitProject p = GitProject.open(clone)) {
            p.branch("feature").revision("d", "b").commit("d on b, parallel to c");

            GoalRun run = GoalRun.check("check", baseRef("origin/main"), clone, clone.resolve("report.json"));

            assertThat(run.failed()).isTrue();
            assertThat(run.failureMessage()).contains("[head-after-merge] migrations/versions/d_m.py:10: New revision"
                    + " 'd' does not descend from 'c', the head of origin/main:");
            JsonNode base = json.readTree(clone.resolve("report.json").toFile()).get("baseRef");
            assertThat(base.get("shallow").asBoolean()).isTrue();
            assertThat(base.get("ref").asText()).isEqualTo("origin/main");
        }
    }
}
