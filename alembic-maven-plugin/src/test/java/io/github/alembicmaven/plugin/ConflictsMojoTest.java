package io.github.alembicmaven.plugin;

import static io.github.alembicmaven.plugin.ConflictingHeads.BASE;
import static io.github.alembicmaven.plugin.ConflictingHeads.FINDING;
import static io.github.alembicmaven.plugin.ConflictingHeads.LEFT;
import static io.github.alembicmaven.plugin.ConflictingHeads.LEFT_FILE;
import static io.github.alembicmaven.plugin.ConflictingHeads.LEFT_OPERATION;
import static io.github.alembicmaven.plugin.ConflictingHeads.RIGHT;
import static io.github.alembicmaven.plugin.ConflictingHeads.RIGHT_FILE;
import static io.github.alembicmaven.plugin.ConflictingHeads.RIGHT_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class ConflictsMojoTest extends MojoTestSupport {

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "conflicts")
    void listsEachLineAndTheErrorWithoutFailing(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly(
                "Heads " + LEFT + ", " + RIGHT + " forking from " + BASE + ":",
                "  Line of " + LEFT + " (1 revision: " + LEFT + "):",
                "    " + LEFT_FILE + ":20 " + LEFT_OPERATION,
                "  Line of " + RIGHT + " (1 revision: " + RIGHT + "):",
                "    " + RIGHT_FILE + ":20 " + RIGHT_OPERATION,
                "  Findings:",
                "  - " + FINDING);
        assertThat(log.warn()).isEmpty();
        JsonNode report = readReport(mojo);
        assertThat(report.path("goal").asText()).isEqualTo("conflicts");
        assertThat(report.path("status").asText()).isEqualTo("passed");
        assertThat(strings(report.path("conflicts").get(0).path("heads"))).containsExactly(LEFT, RIGHT);
        assertThat(report.path("conflicts").get(0).path("findings").get(0).path("rule").asText())
                .isEqualTo("column-added-twice");
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "conflicts")
    void aSameTableWarningIsListed(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).endsWith("  Findings:", "  - [warning same-table] both lines change table account"
                + " (different columns or objects): migrations/versions/5e6f7a8b9c0d_add_email_to_account.py:20"
                + " add_column account.email [type=sa.String(255), nullable=True] (line of 5e6f7a8b9c0d) /"
                + " migrations/versions/6f7a8b9c0d1e_add_phone_to_account.py:20 add_column account.phone"
                + " [type=sa.String(32), nullable=True] (line of 6f7a8b9c0d1e)");
        assertThat(log.warn()).isEmpty();
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "conflicts")
    void oneHeadHasNothingToCompare(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("No fork to analyse: every line of history has one head. Alembic"
                + " revision graph OK: 3 revisions, 1 head (3c4d5e6f7a8b) in migrations/versions");
        assertThat(readReport(mojo).has("conflicts")).isFalse();
    }

    @Test
    @Basedir("/projects/independent-branches")
    @InjectMojo(goal = "conflicts")
    @MojoParameter(name = "independentBranches", value = "reporting") // overrides the fixture pom's 'audit'
    void headsOfALabelNotListedAsIndependentAreCompared(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).first().isEqualTo("Heads 7a8b9c0d1e2f, 9c0d1e2f3a4b (no common ancestor):");
    }

    @Test
    @Basedir("/projects/independent-branches")
    @InjectMojo(goal = "conflicts", pom = "pom.xml")
    void anIndependentBranchFromThePomHasNoForkToCompare(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).singleElement().asString()
                .startsWith("No fork to analyse: every line of history has one head.");
    }

    @Test
    @Basedir("/projects/missing-parent")
    @InjectMojo(goal = "conflicts")
    void integrityErrorsFailAndNothingIsListed(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage()).contains("ffeeddccbbaa");
        assertThat(log.info()).isEmpty();
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("failed");
        assertThat(readReport(mojo).has("conflicts")).isFalse();
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "conflicts")
    void moduleWithoutAlembicConfigurationIsSkippedWithOneInfoLine(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).singleElement().asString().contains("nothing to do");
        assertThat(log.warn()).isEmpty();
        assertThat(report(mojo)).doesNotExist();
    }

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "conflicts")
    @MojoParameter(name = "skip", value = "true")
    void skip(ConflictsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("Skipping alembic:conflicts (alembic.skip=true)");
        assertThat(report(mojo)).doesNotExist();
    }
}
