package io.github.alembicmaven.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.AnalysisRequest;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.check.HeadPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs of {@link GoalRun} write {@code alembic-junit.xml} and {@code alembic.sarif}, and how failures show. */
class CiReportsTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Tree twoHeads() throws Exception {
        return new Tree(dir).rev("aaaa00000001", null).rev("bbbb00000002", "aaaa00000001")
                .rev("cccc00000003", "aaaa00000001");
    }

    @Test
    void aFailingCheckWritesAllThreeReportsSideBySide() throws Exception {
        Tree t = twoHeads();

        GoalRun run = t.check(null, null);

        assertThat(run.failed()).isTrue();
        assertThat(run.warningLines()).isEmpty();
        assertThat(json.readTree(t.report().toFile()).get("status").asText()).isEqualTo("failed");
        assertThat(Files.readString(t.junit())).contains("<failure message=");
        assertThat(SarifSchema.assertValid(t.sarif()).get("runs").get(0).get("results")).hasSize(2);
        try (var files = Files.list(t.report().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("alembic-junit.xml", "alembic-report.json", "alembic.sarif"); // no temp left
        }
    }

    @Test
    void theRulesOverloadWritesThemToo() throws Exception {
        Tree t = twoHeads();

        GoalRun.check("requireSingleAlembicHead", AnalysisRequest.builder(dir).build(), HeadPolicy.defaults(),
                t.report());

        assertThat(Files.readString(t.junit())).contains("classname=\"alembic.requireSingleAlembicHead\"");
        SarifSchema.assertValid(t.sarif());
    }

    @Test
    void goalsThatDoNotJudgeWriteOnlyTheJsonReport() throws Exception {
        Tree t = twoHeads();
        GoalParameters parameters = new GoalParameters(null, null, null, null, null, null, null, null, null);

        GoalRun.integrity("heads", parameters, dir, t.report());
        GoalRun.conflicts("conflicts", parameters, dir, t.report());
        GoalRun.analyze("analyze", AnalysisRequest.builder(dir).build(), t.report());

        assertThat(t.report()).exists();
        assertThat(t.junit()).doesNotExist();
        assertThat(t.sarif()).doesNotExist();
    }

    @Test
    void aReportThatCannotBeWrittenIsAWarning() throws Exception {
        Tree t = twoHeads();
        Files.createDirectories(t.sarif().resolve("in-the-way"));

        GoalRun run = t.check(null, null);

        assertThat(run.failed()).isTrue(); // the verdict is unchanged
        assertThat(run.reportError()).isNotNull();
        assertThat(run.warningLines()).singleElement().asString()
                .startsWith("Could not write the Alembic report " + t.sarif() + ": ");
        assertThat(t.report()).exists();
        assertThat(t.junit()).exists();
    }

    @Test
    void aConfigurationErrorIsRecordedInTheCiReportsToo() throws Exception {
        Tree t = twoHeads();
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        GoalParameters bad = new GoalParameters(null, null, null, null, null, "0", null, null, null);

        assertThatThrownBy(() -> GoalRun.check("check", bad, dir, t.report()))
                .isInstanceOf(AlembicConfigException.class);

        assertThat(json.readTree(t.report().toFile()).get("status").asText()).isEqualTo("error");
        assertThat(Files.readString(t.junit())).contains("name=\"configuration\"")
                .contains("type=\"configuration-error\"");
        JsonNode result = SarifSchema.assertValid(t.sarif()).get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("configuration-error");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("pom.xml");
    }

    @Test
    void aCiReportThatCannotBeWrittenOnAConfigurationErrorIsAWarningNamingItsFile() throws Exception {
        Tree t = twoHeads();
        Files.createDirectories(t.junit().resolve("in-the-way"));
        GoalParameters bad = new GoalParameters(null, null, null, null, null, "0", null, null, null);

        AlembicConfigException e = org.junit.jupiter.api.Assertions.assertThrows(AlembicConfigException.class,
                () -> GoalRun.check("check", bad, dir, t.report()));

        List<String> warnings = GoalRun.warningLines(e, t.report());
        assertThat(warnings).singleElement().asString()
                .startsWith("Could not write the Alembic report " + t.junit() + ": ");
        SarifSchema.assertValid(t.sarif()); // no pom.xml here: a result without a location, still valid
    }
}
