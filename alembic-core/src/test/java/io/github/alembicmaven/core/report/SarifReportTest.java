package io.github.alembicmaven.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alembic.sarif} of real check runs: exact results, and every log valid against the SARIF 2.1.0 schema. */
class SarifReportTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode results(Path sarif) {
        return SarifSchema.assertValid(sarif).get("runs").get(0).get("results");
    }

    @Test
    void aPassingTreeHasNoResultsAndTheWholeRuleTable() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "aaaa00000001");

        GoalRun run = t.check(null, null);

        assertThat(run.failed()).isFalse();
        JsonNode log = SarifSchema.assertValid(t.sarif());
        assertThat(log.get("$schema").asText())
                .isEqualTo("https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json");
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs")).hasSize(1);
        JsonNode r = log.get("runs").get(0);
        JsonNode driver = r.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("alembic-maven");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://github.com/alembicmaven/alembic-maven");
        assertThat(driver.get("version").asText()).isNotBlank().doesNotContain("${").isNotEqualTo("unknown");
        List<String> ids = new ArrayList<>();
        driver.get("rules").forEach(rule -> {
            ids.add(rule.get("id").asText());
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("help").get("text").asText()).isNotBlank();
        });
        assertThat(ids).isEqualTo(Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).toList());
        assertThat(r.get("originalUriBaseIds").get("%SRCROOT%").get("description").get("text").asText())
                .startsWith("The root of the git work tree");
        assertThat(r.get("results")).isEmpty();
    }

    @Test
    void twoHeadsAreOneResultPerHeadAtItsDownRevision() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "aaaa00000001")
                .rev("cccc00000003", "aaaa00000001");

        t.check(null, null);

        String message = "the Alembic migration graph has 2 heads (bbbb00000002, cccc00000003), but at most 1 is"
                + " allowed; 'alembic upgrade head' fails. Fix: run 'mvn alembic:converge', or: alembic merge -m"
                + " \\\"merge heads\\\" bbbb00000002 cccc00000003.";
        int index = DiagnosticCode.MULTIPLE_HEADS.ordinal();
        assertThat(results(t.sarif())).isEqualTo(json.readTree("""
                [ {
                  "ruleId" : "multiple-heads", "ruleIndex" : %d, "level" : "error",
                  "message" : { "text" : "Head bbbb00000002: %s" },
                  "locations" : [ { "physicalLocation" : {
                    "artifactLocation" : { "uri" : "migrations/versions/bbbb00000002_rev.py", "uriBaseId" : "%%SRCROOT%%" },
                    "region" : { "startLine" : 8 } } } ],
                  "relatedLocations" : [ { "id" : 1, "physicalLocation" : {
                    "artifactLocation" : { "uri" : "migrations/versions/cccc00000003_rev.py", "uriBaseId" : "%%SRCROOT%%" },
                    "region" : { "startLine" : 8 } }, "message" : { "text" : "head cccc00000003" } } ]
                }, {
                  "ruleId" : "multiple-heads", "ruleIndex" : %d, "level" : "error",
                  "message" : { "text" : "Head cccc00000003: %s" },
                  "locations" : [ { "physicalLocation" : {
                    "artifactLocation" : { "uri" : "migrations/versions/cccc00000003_rev.py", "uriBaseId" : "%%SRCROOT%%" },
                    "region" : { "startLine" : 8 } } } ],
                  "relatedLocations" : [ { "id" : 1, "physicalLocation" : {
                    "artifactLocation" : { "uri" : "migrations/versions/bbbb00000002_rev.py", "uriBaseId" : "%%SRCROOT%%" },
                    "region" : { "startLine" : 8 } }, "message" : { "text" : "head bbbb00000002" } } ]
                } ]
                """.formatted(index, message, index, message)));
    }

    @Test
    void integrityErrorsAreAtTheirFileAndLine() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "ffff00000009")
                .rev("cccc00000003", "aaaa00000001");

        GoalRun run = t.check(null, null);

        assertThat(run.failed()).isTrue();
        JsonNode results = results(t.sarif());
        assertThat(results).hasSize(1); // the heads are judged once the history loads
        JsonNode r = results.get(0);
        assertThat(r.get("ruleId").asText()).isEqualTo("missing-parent");
        assertThat(r.get("ruleIndex").asInt()).isEqualTo(DiagnosticCode.MISSING_PARENT.ordinal());
        assertThat(r.get("level").asText()).isEqualTo("error");
        assertThat(r.get("message").get("text").asText()).contains("ffff00000009").contains(" Fix: ");
        JsonNode physical = r.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo(Tree.file("bbbb00000002"));
        assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(Tree.DOWN_REVISION_LINE);
        assertThat(r.has("relatedLocations")).isFalse();
    }

    @Test
    void aSchemaConflictIsAtOneOperationWithTheOtherRelated() throws Exception {
        Tree t = new Tree(dir).sameColumnOnBothLines();

        t.check("2", "warn");
        JsonNode warned = results(t.sarif());
        t.check("2", "fail");
        JsonNode failed = results(t.sarif());

        assertThat(warned).hasSize(1);
        JsonNode r = warned.get(0);
        assertThat(r.get("ruleId").asText()).isEqualTo("schema-conflict");
        assertThat(r.get("level").asText()).isEqualTo("warning"); // does not fail the build under conflicts=warn
        assertThat(r.get("properties").get("conflictRule").asText()).isEqualTo("column-added-twice");
        assertThat(r.get("message").get("text").asText()).startsWith("column users.email is added on both lines");
        JsonNode at = r.get("locations").get(0).get("physicalLocation");
        assertThat(at.get("artifactLocation").get("uri").asText()).isEqualTo(Tree.file("bbbb00000002"));
        assertThat(at.get("region").get("startLine").asInt()).isEqualTo(15);
        JsonNode related = r.get("relatedLocations").get(0);
        assertThat(related.get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo(Tree.file("cccc00000003"));
        assertThat(related.get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(15);
        assertThat(related.get("message").get("text").asText())
                .isEqualTo("add_column users.email [type=sa.String(100)] on the line of cccc00000003");
        ObjectNode expectedFailed = r.deepCopy();
        expectedFailed.put("level", "error");
        assertThat(failed).containsExactly(expectedFailed);
    }

    @Test
    void locationsAreRelativeToTheGitWorkTreeThatHoldsTheProject() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path module = Files.createDirectories(dir.resolve("services/db"));
        Tree t = new Tree(module).rev("aaaa00000001", null).rev("bbbb00000002", "ffff00000009");

        t.check(null, null);

        JsonNode r = results(t.sarif()).get(0);
        assertThat(r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("services/db/" + Tree.file("bbbb00000002"));
        assertThat(SarifReport.sourceRoot(module)).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void aFileNameWithSpacesAndNonAsciiIsAValidUriReference() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null);
        Files.writeString(dir.resolve(Tree.VERSIONS + "bbbb 00000002 é.py"),
                "revision = 'bbbb00000002'\ndown_revision = 'ffff00000009'\n");

        t.check(null, null);

        JsonNode r = results(t.sarif()).get(0);
        assertThat(r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("migrations/versions/bbbb%2000000002%20%C3%A9.py");
    }

    @Test
    void theSameTreeGivesTheSameBytes() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "aaaa00000001")
                .rev("cccc00000003", "aaaa00000001");

        t.check(null, null);
        byte[] first = Files.readAllBytes(t.sarif());
        t.check(null, null);

        assertThat(Files.readAllBytes(t.sarif())).isEqualTo(first);
    }

    @Test
    void theSchemaCatchesWhatItShould() throws Exception {
        Tree t = new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "ffff00000009");
        t.check(null, null);
        ObjectNode log = (ObjectNode) SarifSchema.assertValid(t.sarif());

        ObjectNode region = (ObjectNode) log.get("runs").get(0).get("results").get(0).get("locations").get(0)
                .get("physicalLocation").get("region");
        region.put("startLine", 0);

        assertThat(SarifSchema.validate(log)).isNotEmpty(); // a validator that accepts anything would prove nothing
    }
}
