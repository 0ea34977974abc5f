package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code converge} object of {@code alembic-report.json}, written by every converge run that finds a config. */
class ConvergeReportTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Path report() {
        return dir.resolve("target/alembic/alembic-report.json");
    }

    private void tree(String secondParent) throws IOException {
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        rev("aaaa00000001", "None", "init", "2024-01-01 10:00:00");
        rev("bbbb00000002", "'aaaa00000001'", "add users", "2024-01-02 10:00:00");
        rev("cccc00000003", secondParent, "add orders", "2024-01-03 10:00:00");
    }

    private void rev(String id, String downLiteral, String message, String date) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(versions.resolve(id + "_" + message.replace(' ', '_') + ".py"),
                "\"\"\"" + message + "\n\nRevision ID: " + id + "\nCreate Date: " + date + "\n\n\"\"\"\n"
                        + "revision = '" + id + "'\ndown_revision = " + downLiteral + "\n"
                        + "branch_labels = None\ndepends_on = None\n",
                StandardCharsets.UTF_8);
    }

    private static ConvergeParameters options(boolean dryRun) {
        return new ConvergeParameters(null, null, null, null, null, null, dryRun, null, null, null, false);
    }

    private ConvergeRun converge(boolean dryRun) throws AlembicConfigException {
        GoalParameters common = new GoalParameters(null, null, null, null, null, null, null, null, null);
        return ConvergeRun.converge(common, options(dryRun), dir, report());
    }

    @Test
    void dryRunReportsThePlannedFileWithItsHash() throws Exception {
        tree("'aaaa00000001'");

        ConvergeRun run = converge(true);

        JsonNode root = json.readTree(report().toFile());
        assertThat(root.get("goal").asText()).isEqualTo("converge");
        assertThat(root.get("status").asText()).isEqualTo("passed");
        JsonNode c = root.get("converge");
        assertThat(c.get("status").asText()).isEqualTo("dry-run");
        assertThat(c.get("failure").isNull()).isTrue();
        assertThat(c.get("files")).hasSize(1);
        JsonNode f = c.get("files").get(0);
        ConvergeRun.RenderedMerge planned = run.files().get(0);
        assertThat(f.get("path").asText())
                .isEqualTo("migrations/versions/" + planned.merge().id() + "_merge_heads.py");
        assertThat(f.get("revision").asText()).isEqualTo(planned.merge().id());
        assertThat(f.get("downRevisions").toString()).isEqualTo("[\"bbbb00000002\",\"cccc00000003\"]");
        assertThat(f.get("branchLabel").isNull()).isTrue();
        assertThat(f.get("kind").asText()).isEqualTo("merge");
        assertThat(f.get("template").asText()).isEqualTo("built-in script.py.mako");
        assertThat(f.get("sha256").asText()).isEqualTo(HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(planned.rendered().bytes())));
        assertThat(Files.exists(planned.file())).isFalse();
    }

    @Test
    void convergedTreeReportsNoFiles() throws Exception {
        tree("'bbbb00000002'");

        converge(false);

        JsonNode c = json.readTree(report().toFile()).get("converge");
        assertThat(c.get("status").asText()).isEqualTo("converged");
        assertThat(c.get("reason").asText()).startsWith("Already converged");
        assertThat(c.get("files")).isEmpty();
    }

    @Test
    void refusedRunMarksTheReportFailed() throws Exception {
        tree("'ffff0000dead'");

        ConvergeRun run = converge(false);

        assertThat(run.status()).isEqualTo(ConvergeRun.Status.REFUSED);
        JsonNode root = json.readTree(report().toFile());
        assertThat(root.get("status").asText()).isEqualTo("failed");
        assertThat(root.get("converge").get("status").asText()).isEqualTo("refused");
        assertThat(root.get("converge").get("failure").asText()).contains("ffff0000dead");
    }

    @Test
    void theReportHasTheUsualPermissionsOfANewFileNotPrivateTempFilePermissions() throws Exception {
        tree("'bbbb00000002'");

        converge(false);

        java.nio.file.Path plain = Files.createFile(report().resolveSibling("plain.json"));
        assertThat(Files.getPosixFilePermissions(report())).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(plain))
                .as("a test that could not tell private from usual permissions would prove nothing")
                .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ);
        try (var listing = Files.list(report().getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "alembic-report.json", "plain.json");
        }
    }
}
