package io.github.alembicmaven.core.git;

import static io.github.alembicmaven.core.git.GitProject.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.ConvergeParameters;
import io.github.alembicmaven.core.ConvergeRun;
import io.github.alembicmaven.core.ConvergeRun.Status;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.merge.FileTreeSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alembic:converge -Dalembic.baseRef=...} through {@link ConvergeRun} on real JGit repositories: the merge of the
 * merge result is written on the branch (parents from both sides), a second run writes nothing, the branch then merges
 * the base and checks clean without the base ref; rewritten history and duplicate ids are refused with nothing
 * written.
 */
class ConvergeRunBaseRefTest {
    /** Python's hashlib over the canonical encoding (MergeRevisionId): parents c, d, no label, "merge heads". */
    static final String MERGE_CD = "053a599da3d7";

    /** The built-in template (no script.py.mako in GitProject) for the merge of c and d. */
    static final String MERGE_CD_TEXT = "\"\"\"merge heads\n\nRevision ID: " + MERGE_CD + "\nRevises: c, d\n"
            + "Create Date: 2026-01-01 00:00:00\n\n\"\"\"\nfrom typing import Sequence, Union\n\nfrom alembic import op\n"
            + "import sqlalchemy as sa\n\n\n# revision identifiers, used by Alembic.\nrevision: str = '" + MERGE_CD
            + "'\ndown_revision: Union[str, Sequence[str], None] = ('c', 'd')\n"
            + "branch_labels: Union[str, Sequence[str], None] = None\n"
            + "depends_on: Union[str, Sequence[str], None] = None\n\n\n"
            + "def upgrade() -> None:\n    \"\"\"Upgrade schema.\"\"\"\n    pass\n\n\n"
            + "def downgrade() -> None:\n    \"\"\"Downgrade schema.\"\"\"\n    pass\n";

    static final String NO_TEMPLATE = "No migrations/script.py.mako: the merge revisions are rendered with the built-in"
            + " template (Alembic's generic script.py.mako).";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Path report() {
        return dir.resolve("target/alembic/alembic-report.json");
    }

    private ConvergeRun converge(String ref, boolean dryRun) throws AlembicConfigException {
        return ConvergeRun.converge(GoalRunBaseRefTest.baseRef(ref), new ConvergeParameters(null, null, null, null,
                null, null, dryRun, null, null, null, false), dir, report());
    }

    private GoalRun check(String ref) throws AlembicConfigException {
        return GoalRun.check("check", GoalRunBaseRefTest.baseRef(ref), dir, null);
    }

    private Map<String, String> versions() {
        return FileTreeSnapshot.of(dir.resolve(VERSIONS));
    }

    /** Every file of the project (the repository too) except target/, where the report goes. */
    private Map<String, String> projectFiles() {
        Map<String, String> out = FileTreeSnapshot.of(dir);
        out.keySet().removeIf(k -> k.equals("target") || k.startsWith("target/"));
        return out;
    }

    @Test
    void convergeWritesOneMergeOverBothSidesHeadsOnTheBranchAndASecondRunWritesNothing() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();

            ConvergeRun run = converge("main", false);

            assertThat(run.status()).isEqualTo(Status.WRITTEN);
            assertThat(run.failed()).isFalse();
            Path merge = dir.resolve(VERSIONS + MERGE_CD + "_merge_heads.py");
            assertThat(run.files()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo(merge);
                assertThat(f.merge().parents()).containsExactly("c", "d");
            });
            assertThat(Files.readString(merge, StandardCharsets.UTF_8)).isEqualTo(MERGE_CD_TEXT);
            assertThat(versions().keySet()).containsExactly(MERGE_CD + "_merge_heads.py", "a_m.py", "b_m.py", "d_m.py");
            assertThat(run.infoLines()).containsExactly(
                    "1 revision to write: 'head' (c, d -> " + MERGE_CD + ").",
                    "Created migrations/versions/" + MERGE_CD + "_merge_heads.py (revision " + MERGE_CD + ", merge of"
                            + " c, d)",
                    "The merge names c, which only main has: this branch's own history loads once main is merged"
                            + " into it (git merge main); until then check it with 'mvn alembic:check"
                            + " -Dalembic.baseRef=main'.");
            assertThat(run.warningLines()).containsExactly(NO_TEMPLATE);

            JsonNode root = json.readTree(report().toFile());
            assertThat(root.get("converge").get("status").asText()).isEqualTo("written");
            // the merge result after writing: one head, nothing wrong, no error of the branch alone (c is main's)
            assertThat(root.get("status").asText()).isEqualTo("passed");
            assertThat(root.get("baseRef").get("headsAfterMerge").toString()).isEqualTo("[\"" + MERGE_CD + "\"]");
            assertThat(root.get("baseRef").get("findings")).isEmpty();
            assertThat(root.get("diagnostics")).isEmpty();

            // the working tree alone misses c until main is merged; with the base ref the check passes already
            assertThat(check("main").failed()).isFalse();
            Map<String, String> before = versions();

            ConvergeRun again = converge("main", false);

            assertThat(again.status()).isEqualTo(Status.CONVERGED);
            assertThat(again.files()).isEmpty();
            assertThat(again.infoLines())
                    .containsExactly("Already converged: every line of history has one head; nothing to write.");
            assertThat(versions()).isEqualTo(before);
            JsonNode second = json.readTree(report().toFile());
            assertThat(second.get("status").asText()).isEqualTo("passed");
            assertThat(second.get("converge").get("status").asText()).isEqualTo("converged");
            assertThat(second.get("diagnostics")).isEmpty();
        }
    }

    @Test
    void afterMergingTheBaseTheBranchChecksCleanWithoutTheBaseRef() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            assertThat(converge("main", false).status()).isEqualTo(Status.WRITTEN);
            p.commit("converged with main");

            MergeResult merged = p.git.merge().include(p.git.getRepository().resolve("main")).setMessage("merge main")
                    .call();

            assertThat(merged.getMergeStatus().isSuccessful()).isTrue();
            assertThat(versions().keySet())
                    .containsExactly(MERGE_CD + "_merge_heads.py", "a_m.py", "b_m.py", "c_m.py", "d_m.py");
            GoalRun alone = check(null);
            assertThat(alone.failed()).isFalse();
            assertThat(alone.analysis().map().heads()).containsExactly(MERGE_CD);
            assertThat(alone.analysis().hasErrors()).isFalse();
            assertThat(check("main").failed()).isFalse();
            assertThat(converge("main", false).status()).isEqualTo(Status.CONVERGED);
        }
    }

    @Test
    void aDryRunShowsTheMergeAndItsReportDoesNotFail() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            Map<String, String> before = versions();

            ConvergeRun run = converge("main", true);

            assertThat(run.status()).isEqualTo(Status.DRY_RUN);
            assertThat(run.files()).singleElement()
                    .satisfies(f -> assertThat(f.rendered().content()).isEqualTo(MERGE_CD_TEXT));
            assertThat(run.infoLines()).contains("Dry run: nothing is written. A real run ('mvn alembic:converge"
                    + " -Dalembic.baseRef=main') writes this file:");
            assertThat(versions()).isEqualTo(before);
            // a dry run without the base ref over two heads reports "passed" too: the heads are what converge fixes
            assertThat(json.readTree(report().toFile()).get("status").asText()).isEqualTo("passed");
        }
    }

    @Test
    void aRewrittenPublishedRevisionIsRefusedWithNothingWritten() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.parallelRevisions();
            p.revision("b", null).commit("b rewritten as a new base");
            Map<String, String> before = projectFiles();
            String shortId = p.git.getRepository().resolve("main").name().substring(0, 12);

            ConvergeRun run = converge("main", false);

            assertThat(run.status()).isEqualTo(Status.REFUSED);
            assertThat(run.failed()).isTrue();
            assertThat(run.failureMessage()).isEqualTo("alembic:converge refused: compared with main (" + shortId
                    + "): 1 problem in the merge result:\n"
                    + "  - [published-revision-changed] migrations/versions/b_m.py:10: Published revision changed:"
                    + " down_revision of 'b' is 'a' at main (main:migrations/versions/b_m.py) but None in"
                    + " migrations/versions/b_m.py. 'b' is published (present at main): other branches and databases"
                    + " may already have it, and rewriting its history forks or breaks their upgrade path. Only"
                    + " revisions new on this branch may be edited.\n"
                    + "    Fix: restore down_revision = 'a' in migrations/versions/b_m.py; to change the history, add a"
                    + " new revision (or run 'mvn alembic:converge' for a merge) instead of editing a published"
                    + " one.\n"
                    + GoalRunBaseRefTest.WHY_PUBLISHED + "\n"
                    + "A merge revision cannot repair these; fix them, confirm with 'mvn alembic:check"
                    + " -Dalembic.baseRef=main', then run 'mvn alembic:converge -Dalembic.baseRef=main'. Nothing was"
                    + " written.");
            assertThat(run.files()).isEmpty();
            JsonNode root = json.readTree(report().toFile());
            assertThat(projectFiles()).isEqualTo(before);
            assertThat(root.get("status").asText()).isEqualTo("failed");
            assertThat(root.get("converge").get("status").asText()).isEqualTo("refused");
            assertThat(root.get("baseRef").get("findings").findValuesAsText("code"))
                    .contains("published-revision-changed");
        }
    }

    @Test
    void aDuplicateIdAcrossTheBaseIsRefused() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.duplicateIdOnBothSides();
            Map<String, String> before = versions();

            ConvergeRun run = converge("main", false);

            assertThat(run.status()).isEqualTo(Status.REFUSED);
            assertThat(run.failureMessage()).contains("\n  - [duplicate-across-base] migrations/versions/x_add_users.py:9:")
                    .endsWith("Nothing was written.");
            assertThat(versions()).isEqualTo(before);
        }
    }
}
