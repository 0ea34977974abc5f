package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.check.HeadPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the core: config, discovery, reading, graph, check and the JSON report on real files. */
class GoalRunTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private void ini() throws IOException {
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
    }

    private void rev(String id, String down, String message) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        String downLiteral = down == null ? "None" : down.startsWith("(") ? down : "'" + down + "'";
        Files.writeString(
                versions.resolve(id + "_" + message.replace(' ', '_') + ".py"),
                "\"\"\"" + message + "\n\nRevision ID: " + id + "\n\"\"\"\n"
                        + "from alembic import op\n\n"
                        + "revision = '" + id + "'\n"
                        + "down_revision = " + downLiteral + "\n"
                        + "branch_labels = None\ndepends_on = None\n\n"
                        + "def upgrade():\n    pass\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void linearTreePassesAndTheReportListsTheGraph() throws Exception {
        ini();
        rev("aaaa00000001", null, "init");
        rev("bbbb00000002", "aaaa00000001", "add users");
        Path report = dir.resolve("target/alembic/alembic-report.json");

        GoalRun run = GoalRun.check("check", AnalysisRequest.builder(dir).build(), HeadPolicy.defaults(), report);

        assertThat(run.configured()).isTrue();
        assertThat(run.failed()).isFalse();
        assertThat(run.summary())
                .isEqualTo("Alembic revision graph OK: 2 revisions, 1 head (bbbb00000002) in migrations/versions");
        JsonNode root = json.readTree(report.toFile());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("goal").asText()).isEqualTo("check");
        assertThat(root.get("status").asText()).isEqualTo("passed");
        assertThat(root.get("heads").toString()).isEqualTo("[\"bbbb00000002\"]");
        assertThat(root.get("bases").toString()).isEqualTo("[\"aaaa00000001\"]");
        JsonNode second = root.get("revisions").get(1);
        assertThat(second.get("id").asText()).isEqualTo("bbbb00000002");
        assertThat(second.get("downRevisions").toString()).isEqualTo("[\"aaaa00000001\"]");
        assertThat(second.get("path").asText()).isEqualTo("migrations/versions/bbbb00000002_add_users.py");
        assertThat(second.get("message").asText()).isEqualTo("add users");
        assertThat(root.get("diagnostics")).isEmpty();
    }

    @Test
    void twoHeadsFailAndTheReportIsWrittenAnyway() throws Exception {
        ini();
        rev("aaaa00000001", null, "init");
        rev("bbbb00000002", "aaaa00000001", "add users");
        rev("cccc00000003", "aaaa00000001", "add orders");
        Path report = dir.resolve("target/alembic/alembic-report.json");

        GoalRun run = GoalRun.check("check", AnalysisRequest.builder(dir).build(), HeadPolicy.defaults(), report);

        assertThat(run.failed()).isTrue();
        assertThat(run.check().failureMessage())
                .contains("bbbb00000002", "cccc00000003", "aaaa00000001", "alembic upgrade head", "mvn alembic:converge");
        JsonNode root = json.readTree(report.toFile());
        assertThat(root.get("status").asText()).isEqualTo("failed");
        assertThat(root.get("heads").toString()).isEqualTo("[\"bbbb00000002\",\"cccc00000003\"]");
        assertThat(root.get("branchPoints").toString()).isEqualTo("[\"aaaa00000001\"]");
        assertThat(root.get("diagnostics").get(0).get("code").asText()).isEqualTo("multiple-heads");
        assertThat(root.get("headLines").get(0).get("violated").asBoolean()).isTrue();
    }

    @Test
    void missingParentIsAnErrorWithFileAndLineInTheReport() throws Exception {
        ini();
        rev("aaaa00000001", null, "init");
        rev("bbbb00000002", "ffff0000dead", "orphan");
        Path report = dir.resolve("report.json");

        GoalRun run = GoalRun.check("check", AnalysisRequest.builder(dir).build(), HeadPolicy.defaults(), report);

        assertThat(run.failed()).isTrue();
        JsonNode d = json.readTree(report.toFile()).get("diagnostics").get(0);
        assertThat(d.get("code").asText()).isEqualTo("missing-parent");
        assertThat(d.get("severity").asText()).isEqualTo("error");
        assertThat(d.get("path").asText()).isEqualTo("migrations/versions/bbbb00000002_orphan.py");
        assertThat(d.get("line").asInt()).isEqualTo(8);
        assertThat(d.get("message").asText()).contains("ffff0000dead");
    }

    @Test
    void projectWithoutAlembicIsNotConfiguredAndWritesNoReport() throws Exception {
        Path report = dir.resolve("target/alembic/alembic-report.json");

        GoalRun run = GoalRun.check("check", AnalysisRequest.builder(dir).build(), HeadPolicy.defaults(), report);

        assertThat(run.configured()).isFalse();
        assertThat(run.failed()).isFalse();
        assertThat(run.summary()).startsWith("No Alembic migrations in ");
        assertThat(report).doesNotExist();
    }

    @Test
    void explicitLocationWithoutRevisionsIsAConfigurationErrorRecordedInTheReport() throws Exception {
        Files.createDirectories(dir.resolve("db/versions"));
        Path report = dir.resolve("target/alembic/alembic-report.json");
        AnalysisRequest request = AnalysisRequest.builder(dir).versionLocations(List.of("db/versions")).build();

        assertThatThrownBy(() -> GoalRun.check("check", request, HeadPolicy.defaults(), report))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageContaining("No Alembic revision files found in db/versions");
        JsonNode root = json.readTree(report.toFile());
        assertThat(root.get("status").asText()).isEqualTo("error");
        assertThat(root.get("diagnostics").get(0).get("code").asText()).isEqualTo("configuration-error");
    }

    @Test
    void versionLocationsWorkWithoutAnyConfigFile() throws Exception {
        Path versions = Files.createDirectories(dir.resolve("db/versions"));
        Files.writeString(versions.resolve("a1_init.py"), "revision = 'a1'\ndown_revision = None\n");
        Files.writeString(versions.resolve("b2_next.py"), "revision = 'b2'\ndown_revision = 'a1'\n");

        GoalRun run = GoalRun.analyze(
                "heads", AnalysisRequest.builder(dir).versionLocations(List.of("db/versions")).build(), null);

        assertThat(run.analysis().map().heads()).containsExactly("b2");
        assertThat(run.check()).isNull();
        assertThat(run.summary()).isEqualTo("Alembic revision graph: 2 revisions, 1 head (b2) in db/versions");
    }

    @Test
    void integrityRunAllowsAnyNumberOfHeadsAndReportsNoLimit() throws Exception {
        ini();
        rev("aaaa00000001", null, "init");
        rev("bbbb00000002", "aaaa00000001", "add users");
        rev("cccc00000003", "aaaa00000001", "add orders");
        Path report = dir.resolve("target/alembic/alembic-report.json");

        GoalRun run = GoalRun.integrity("heads", new GoalParameters(null, null, null, null, null, null, null, null, null), dir, report);

        assertThat(run.failed()).isFalse();
        JsonNode line = json.readTree(report.toFile()).get("headLines").get(0);
        assertThat(line.get("allowed").isNull()).isTrue();
        assertThat(line.get("violated").asBoolean()).isFalse();
        assertThat(line.get("heads").toString()).isEqualTo("[\"bbbb00000002\",\"cccc00000003\"]");
    }
}
