package io.github.alembicmaven.core;

import static io.github.alembicmaven.core.ConflictFork.B;
import static io.github.alembicmaven.core.ConflictFork.B_FILE;
import static io.github.alembicmaven.core.ConflictFork.C;
import static io.github.alembicmaven.core.ConflictFork.C_FILE;
import static io.github.alembicmaven.core.ConflictFork.SAME_COLUMN;
import static io.github.alembicmaven.core.ConflictFork.SAME_TABLE;
import static io.github.alembicmaven.core.ConvergeRunTest.MERGE_BC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.ConvergeProject.Opts;
import io.github.alembicmaven.core.ConvergeRun.Status;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConvergeRun} and schema conflicts: it refuses on errors unless {@code allowConflicts}, logs warnings. */
class ConvergeRunConflictsTest {
    static final String REFUSAL = "alembic:converge refused: s" + ConflictFork.sameColumnErrors("run 'mvn"
            + " alembic:converge' again (or write the merge anyway with 'mvn alembic:converge"
            + " -Dalembic.allowConflicts')").substring(1) + "\nNothing was written.";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Path report() {
        return dir.resolve("target/alembic/alembic-report.json");
    }

    @Test
    void aConflictErrorRefusesAndWritesNothing() throws Exception {
        ConvergeProject p = ConflictFork.sameColumn(dir).stockTemplate();
        Map<String, String> before = p.snapshot();

        ConvergeRun run = p.converge(new Opts(), report());

        assertThat(run.status()).isEqualTo(Status.REFUSED);
        assertThat(run.failed()).isTrue();
        assertThat(run.failureMessage()).isEqualTo(REFUSAL);
        assertThat(run.files()).isEmpty();
        assertThat(run.warningLines()).isEmpty();
        assertThat(run.infoLines()).isEmpty();
        assertThat(run.conflicts()).singleElement().satisfies(c -> assertThat(c.heads()).containsExactly(B, C));
        before.put("target", "<dir>");
        before.put("target/alembic", "<dir>");
        assertThat(p.snapshot()).as("only the report is new").containsAllEntriesOf(before).hasSize(before.size() + 1)
                .containsKey("target/alembic/alembic-report.json");
        assertThat(p.heads()).containsExactly(B, C);
        JsonNode root = json.readTree(report().toFile());
        assertThat(root.get("status").asText()).isEqualTo("failed");
        assertThat(root.get("converge").get("status").asText()).isEqualTo("refused");
        assertThat(root.get("converge").get("failure").asText()).isEqualTo(REFUSAL);
        assertThat(root.get("converge").get("files")).isEmpty();
        JsonNode conflicts = root.get("conflicts");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.get(0).get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("severity").asText()).isEqualTo("error");
            assertThat(f.get("rule").asText()).isEqualTo("column-added-twice");
            assertThat(f.get("left").get("head").asText()).isEqualTo(B);
            assertThat(f.get("right").get("head").asText()).isEqualTo(C);
        });
    }

    @Test
    void aDryRunShowsTheMergeAndWarnsThatARealRunRefuses() throws Exception {
        ConvergeProject p = ConflictFork.sameColumn(dir).stockTemplate();
        Map<String, String> before = p.snapshot();

        ConvergeRun run = p.converge(new Opts().dryRun());

        assertThat(run.status()).isEqualTo(Status.DRY_RUN);
        assertThat(run.failed()).isFalse();
        assertThat(run.files()).hasSize(1);
        assertThat(run.warningLines()).hasSize(2);
        assertThat(run.warningLines().get(0)).startsWith("Schema conflict: [error column-added-twice] column"
                + " users.email is added on both lines: ");
        assertThat(run.warningLines().get(1)).isEqualTo("A real run refuses to write this merge because of the schema"
                + " conflict errors above (write it anyway with 'mvn alembic:converge -Dalembic.allowConflicts').");
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void warningsOfARefusedRunAreLogged() throws Exception {
        ConvergeProject p = ConflictFork.fork(dir, "    op.add_column('users', sa.Column('email', sa.String(100)))\n"
                + "    op.execute(CLEANUP_SQL)\n");

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.REFUSED);
        assertThat(run.failureMessage()).isEqualTo(REFUSAL);
        assertThat(run.warningLines()).as("the error is in the failure message, the warning is logged")
                .containsExactly("Schema conflict: [warning unresolved] cannot tell whether opaque_sql: CLEANUP_SQL"
                        + " conflicts with the other line (sqltext = CLEANUP_SQL cannot be resolved statically: the name"
                        + " 'CLEANUP_SQL' is bound neither in upgrade() nor at module level); the other line has 1"
                        + " operation: " + B_FILE + ":17 add_column users.email [type=sa.String(255)] (line of " + B
                        + ") / " + C_FILE + ":18 opaque_sql: CLEANUP_SQL (line of " + C + ")");
    }

    @Test
    void allowConflictsWritesTheMergeAndLogsTheErrorAsAWarning() throws Exception {
        ConvergeProject p = ConflictFork.sameColumn(dir).stockTemplate();

        ConvergeRun run = p.converge(new Opts().allowConflicts(), report());

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.failed()).isFalse();
        assertThat(run.failureMessage()).isNull();
        assertThat(run.warningLines()).containsExactly("Schema conflict: " + SAME_COLUMN);
        assertThat(p.heads()).containsExactly(MERGE_BC);
        JsonNode root = json.readTree(report().toFile());
        assertThat(root.get("status").asText()).isEqualTo("passed");
        assertThat(root.get("converge").get("status").asText()).isEqualTo("written");
        assertThat(root.get("conflicts").get(0).get("findings").get(0).get("rule").asText())
                .isEqualTo("column-added-twice");
    }

    @Test
    void allowConflictsIsPartOfTheCommandLineARunShows() throws Exception {
        ConvergeProject p = ConflictFork.sameColumn(dir).stockTemplate();

        ConvergeRun run = p.converge(new Opts().allowConflicts().dryRun());

        assertThat(run.status()).isEqualTo(Status.DRY_RUN);
        assertThat(run.infoLines()).contains("Dry run: nothing is written. A real run ('mvn alembic:converge"
                + " -Dalembic.allowConflicts') writes this file:");
        assertThat(run.warningLines()).containsExactly("Schema conflict: " + SAME_COLUMN);
    }

    @Test
    void aWarningOnlyForkIsWrittenWithTheWarning() throws Exception {
        ConvergeProject p = ConflictFork.sameTable(dir).stockTemplate();

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.warningLines()).containsExactly("Schema conflict: " + SAME_TABLE);
        assertThat(p.heads()).containsExactly(MERGE_BC);
    }

    @Test
    void aConvergedTreeHasNoConflictsSection() throws Exception {
        ConvergeProject p = ConflictFork.sameColumn(dir).stockTemplate();
        p.converge(new Opts().allowConflicts());

        ConvergeRun again = p.converge(new Opts(), report());

        assertThat(again.status()).isEqualTo(Status.CONVERGED);
        assertThat(again.conflicts()).isEmpty();
        assertThat(json.readTree(report().toFile()).has("conflicts")).isFalse();
    }
}
