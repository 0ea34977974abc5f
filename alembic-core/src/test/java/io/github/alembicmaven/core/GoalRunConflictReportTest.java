package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's status follows the run when schema conflicts fail it ({@code alembic.conflicts=fail}). */
class GoalRunConflictReportTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private void rev(String id, String down, String upgrade) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(versions.resolve(id + "_rev.py"),
                "from alembic import op\nimport sqlalchemy as sa\n\n"
                        + "revision = '" + id + "'\n"
                        + "down_revision = " + (down == null ? "None" : "'" + down + "'") + "\n\n"
                        + "def upgrade():\n    " + upgrade + "\n",
                StandardCharsets.UTF_8);
    }

    /** Two heads (allowed) that both add accounts.phone: an error finding. */
    private void sameColumnOnBothLines() throws IOException {
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        rev("aaaa00000001", null, "op.create_table('accounts', sa.Column('id', sa.Integer()))");
        rev("bbbb00000002", "aaaa00000001", "op.add_column('accounts', sa.Column('phone', sa.String(32)))");
        rev("cccc00000003", "aaaa00000001", "op.add_column('accounts', sa.Column('phone', sa.String(20)))");
    }

    private GoalRun check(String conflicts, Path report) throws AlembicConfigException {
        return GoalRun.check("check", new GoalParameters(null, null, null, null, null, "2", null, conflicts, null), dir,
                report);
    }

    @Test
    void conflictsFailMakeTheReportFailed() throws Exception {
        sameColumnOnBothLines();
        Path report = dir.resolve("target/alembic/alembic-report.json");

        GoalRun run = check("fail", report);

        assertThat(run.check().passed()).isTrue(); // two heads are allowed: only the conflict fails the run
        assertThat(run.failed()).isTrue();
        JsonNode root = json.readTree(report.toFile());
        assertThat(root.get("status").asText()).isEqualTo("failed");
        assertThat(root.get("conflicts").get(0).get("findings").get(0).get("rule").asText())
                .isEqualTo("column-added-twice");
    }

    @Test
    void conflictsWarnLeaveTheReportPassed() throws Exception {
        sameColumnOnBothLines();
        Path report = dir.resolve("target/alembic/alembic-report.json");

        GoalRun run = check("warn", report);

        assertThat(run.failed()).isFalse();
        JsonNode root = json.readTree(report.toFile());
        assertThat(root.get("status").asText()).isEqualTo("passed");
        assertThat(root.get("conflicts").get(0).get("findings").get(0).get("severity").asText()).isEqualTo("error");
    }
}
