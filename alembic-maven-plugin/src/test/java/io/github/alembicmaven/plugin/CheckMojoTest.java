package io.github.alembicmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class CheckMojoTest extends MojoTestSupport {

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    void linearTreePassesWithOneSummaryLine(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).hasSize(1);
        assertThat(log.info().get(0)).contains("3c4d5e6f7a8b").contains("3 revisions").contains("1 head");
        assertThat(log.warn()).isEmpty();
        JsonNode report = readReport(mojo);
        assertThat(report.path("goal").asText()).isEqualTo("check");
        assertThat(report.path("status").asText()).isEqualTo("passed");
        assertThat(strings(report.path("heads"))).containsExactly("3c4d5e6f7a8b");
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "check")
    void twoHeadsFailWithTheThreePartMessageAndAReport(CheckMojo mojo) throws Exception {
        prepare(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage())
                .contains("5e6f7a8b9c0d", "6f7a8b9c0d1e")
                .contains("fork")
                .contains("alembic upgrade head")
                .contains("mvn alembic:converge");
        JsonNode report = readReport(mojo);
        assertThat(report.path("status").asText()).isEqualTo("failed");
        assertThat(strings(report.path("heads"))).containsExactlyInAnyOrder("5e6f7a8b9c0d", "6f7a8b9c0d1e");
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxHeads", value = "2")
    void maxHeadsTwoAllowsTheFork(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).singleElement().asString().contains("2 heads");
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("passed");
    }

    @Test
    @Basedir("/projects/independent-branches")
    @InjectMojo(goal = "check", pom = "pom.xml")
    void independentBranchFromThePomHasAHeadOfItsOwn(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).singleElement().asString().contains("7a8b9c0d1e2f").contains("9c0d1e2f3a4b");
    }

    @Test
    @Basedir("/projects/independent-branches")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "independentBranches", value = "reporting") // overrides the fixture pom's 'audit'
    void headOfALabelNotListedAsIndependentCountsAsASecondHead(CheckMojo mojo) throws Exception {
        prepare(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage()).contains("7a8b9c0d1e2f", "9c0d1e2f3a4b");
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "skip", value = "true")
    void skipLogsOneLineAndDoesNothing(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("Skipping alembic:check (alembic.skip=true)");
        assertThat(report(mojo)).doesNotExist();
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "check")
    void moduleWithoutAlembicConfigurationIsSkippedWithOneInfoLine(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).singleElement().asString().contains("nothing to do");
        assertThat(log.warn()).isEmpty();
        assertThat(report(mojo)).doesNotExist();
    }

    @Test
    @Basedir("/projects/empty-location")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "versionLocations", value = "db/versions")
    void explicitLocationWithoutRevisionFilesIsAnError(CheckMojo mojo) throws Exception {
        prepare(mojo);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertThat(e.getMessage()).contains("db/versions");
        assertThat(Files.exists(report(mojo))).as("the report records the configuration error").isTrue();
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("error");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "constants", value = "cli.EXPAND_BRANCH")
    void constantWithoutValueIsAnError(CheckMojo mojo) throws Exception {
        prepare(mojo);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertThat(e.getMessage()).contains("alembic.constants", "cli.EXPAND_BRANCH");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxHeads", value = "0")
    void maxHeadsBelowOneIsAnError(CheckMojo mojo) throws Exception {
        prepare(mojo);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertThat(e.getMessage()).contains("alembic.maxHeads '0'");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "config", value = "no-such.ini")
    void explicitConfigFileThatDoesNotExistIsAnError(CheckMojo mojo) throws Exception {
        prepare(mojo);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertThat(e.getMessage()).contains("no-such.ini");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "scriptLocation", value = "migrations")
    @MojoParameter(name = "reportDirectory", value = "target/custom-reports")
    void reportDirectoryAndScriptLocationAreHonoured(CheckMojo mojo) throws Exception {
        prepare(mojo);
        java.nio.file.Path custom = mojo.basedir.toPath().resolve("target/custom-reports/alembic-report.json");
        Files.deleteIfExists(custom);

        assertDoesNotThrow(mojo::execute);

        assertThat(custom).exists();
        assertThat(report(mojo)).doesNotExist();
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "reportDirectory", value = "alembic.ini/reports")
    void reportThatCannotBeWrittenIsAWarningNamingTheFile(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        // one warning per report file: the JSON report and the CI reports beside it
        assertThat(log.warn()).hasSize(3);
        assertThat(log.warn().get(0)).contains("alembic-report.json").contains("alembic.ini");
        assertThat(log.warn().get(1)).contains("alembic-junit.xml").contains("alembic.ini");
        assertThat(log.warn().get(2)).contains("alembic.sarif").contains("alembic.ini");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "versionLocations", value = "migrations/versions, migrations/versions")
    void warningsAreLoggedWithPathsRelativeToTheProject(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.warn()).isNotEmpty()
                .allSatisfy(w -> assertThat(w).startsWith("[file-loaded-twice] migrations/versions/"));
        assertThat(log.info()).singleElement().asString().startsWith("Alembic revision graph OK");
    }

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxHeads", value = "2")
    @MojoParameter(name = "conflicts", value = "fail")
    void conflictsFailFailsOnASchemaConflictWithTheThreePartBlock(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage()).isEqualTo(ConflictingHeads.errors(
                "check again with 'mvn alembic:check -Dalembic.conflicts=fail' ('mvn alembic:conflicts' lists each"
                        + " line's operations)"));
        assertThat(log.warn()).isEmpty();
        assertThat(log.info()).isEmpty();
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("failed");
    }

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxHeads", value = "2")
    void byDefaultASchemaConflictIsAWarning(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.warn()).containsExactly("Schema conflict: " + ConflictingHeads.FINDING);
        assertThat(log.info()).singleElement().asString().startsWith("Alembic revision graph OK: 3 revisions, 2 heads");
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("passed");
    }

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "check")
    void tooManyHeadsWithASchemaConflictAddsTheNoteAboutConverge(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage()).contains(ConflictingHeads.LEFT, ConflictingHeads.RIGHT, "mvn alembic:converge")
                .endsWith("\nNote: these lines also have schema conflicts (the warnings above): 'mvn alembic:converge'"
                        + " refuses to merge them until the migrations are reconciled; 'mvn alembic:conflicts' lists"
                        + " each line's operations.");
        assertThat(log.warn()).containsExactly("Schema conflict: " + ConflictingHeads.FINDING);
    }

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "check")
    @MojoParameter(name = "maxHeads", value = "2")
    @MojoParameter(name = "conflicts", value = "ignore")
    void conflictsIgnoreReadsNoUpgradeBodies(CheckMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.warn()).isEmpty();
        assertThat(readReport(mojo).has("conflicts")).isFalse();
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "conflicts", value = "strict")
    void invalidConflictsValueIsAConfigurationError(CheckMojo mojo) throws Exception {
        prepare(mojo);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertThat(e.getMessage()).isEqualTo("Invalid alembic.conflicts 'strict': expected 'fail' (schema conflicts"
                + " between the heads fail the check), 'warn' (they are logged, the default) or 'ignore'.");
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("error");
    }
}
