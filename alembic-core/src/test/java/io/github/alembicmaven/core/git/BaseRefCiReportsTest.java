package io.github.alembicmaven.core.git;

import static io.github.alembicmaven.core.git.GitProject.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.report.SarifReport;
import io.github.alembicmaven.core.report.SarifSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The CI reports of a check against {@code alembic.baseRef}: the base's findings, located in the working tree. */
class BaseRefCiReportsTest {
    @TempDir
    Path dir;

    private GoalRun check(GitProject p) throws Exception {
        return GoalRun.check("check", new GoalParameters(null, null, null, null, null, null, null, null, "main"),
                p.dir, p.dir.resolve("target/alembic/alembic-report.json"));
    }

    private JsonNode results(GitProject p) throws Exception {
        return SarifSchema.assertValid(p.dir.resolve("target/alembic/" + SarifReport.FILE_NAME)).get("runs").get(0)
                .get("results");
    }

    private Element baseCase(GitProject p) throws Exception {
        NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(p.dir.resolve("target/alembic/alembic-junit.xml").toFile()).getElementsByTagName("testcase");
        Element last = (Element) cases.item(cases.getLength() - 1);
        assertThat(last.getAttribute("name")).isEqualTo("base ref main");
        return last;
    }

    @Test
    void aHeadAfterMergeIsAtTheNewRevisionsDownRevision() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").revision("d", "b").commit("d on b");
            p.checkout("main").revision("c", "b").commit("c on b");
            p.checkout("feature");

            GoalRun run = check(p);

            assertThat(run.failed()).isTrue();
            JsonNode results = results(p);
            assertThat(results).hasSize(1);
            JsonNode r = results.get(0);
            assertThat(r.get("ruleId").asText()).isEqualTo("head-after-merge");
            assertThat(r.get("level").asText()).isEqualTo("error");
            JsonNode at = r.get("locations").get(0).get("physicalLocation");
            assertThat(at.get("artifactLocation").get("uri").asText()).isEqualTo(VERSIONS + "d_m.py");
            assertThat(at.get("region").get("startLine").asInt()).isEqualTo(10);
            Element failure = (Element) baseCase(p).getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("type")).isEqualTo("head-after-merge");
            assertThat(failure.getTextContent()).isEqualTo(BaseFailureMessage.render(run.base(), p.dir));
        }
    }

    @Test
    void aDeletedPublishedRevisionIsWhereItsFileWasWithoutALine() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").revision("c", "b").commit("a, b, c");
            p.branch("feature").delete(VERSIONS + "c_m.py").commit("c deleted");

            check(p);

            JsonNode r = results(p).get(0);
            assertThat(r.get("ruleId").asText()).isEqualTo("published-revision-deleted");
            JsonNode at = r.get("locations").get(0).get("physicalLocation");
            assertThat(at.get("artifactLocation").get("uri").asText()).isEqualTo(VERSIONS + "c_m.py");
            assertThat(at.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(at.has("region")).isFalse();
            assertThat(r.get("message").get("text").asText())
                    .contains("(main:migrations/versions/c_m.py) was deleted on this branch");
        }
    }

    @Test
    void aBranchOnTopOfTheBasePassesTheBaseCase() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").revision("c", "b").commit("c on b");

            check(p);

            assertThat(results(p)).isEmpty();
            assertThat(baseCase(p).getElementsByTagName("failure").getLength()).isZero();
            assertThat(Files.readString(p.dir.resolve("target/alembic/alembic-junit.xml")))
                    .contains("tests=\"4\" failures=\"0\"");
        }
    }
}
