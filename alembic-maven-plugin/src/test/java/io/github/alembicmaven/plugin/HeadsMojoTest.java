package io.github.alembicmaven.plugin;

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
class HeadsMojoTest extends MojoTestSupport {

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "heads")
    void printsTheHeadLikeAlembicHeads(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("3c4d5e6f7a8b (head)");
        JsonNode report = readReport(mojo);
        assertThat(report.path("goal").asText()).isEqualTo("heads");
        assertThat(report.path("status").asText()).isEqualTo("passed");
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "heads")
    void severalHeadsAreListedAndAreNoError(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactlyInAnyOrder("5e6f7a8b9c0d (head)", "6f7a8b9c0d1e (head)");
    }

    @Test
    @Basedir("/projects/independent-branches")
    @InjectMojo(goal = "heads")
    void branchLabelsAreShown(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactlyInAnyOrder("7a8b9c0d1e2f (head)", "9c0d1e2f3a4b (audit) (head)");
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "heads")
    @MojoParameter(name = "resolveDependencies", value = "true")
    void resolveDependenciesWithoutDependsOnListsTheSameHeads(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactlyInAnyOrder("5e6f7a8b9c0d (head)", "6f7a8b9c0d1e (head)");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "heads")
    @MojoParameter(name = "verbose", value = "true")
    void verboseNamesTheFileAndTheMessage(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(String.join("\n", log.info()))
                .contains("3c4d5e6f7a8b")
                .contains("migrations/versions/3c4d5e6f7a8b_index_account_name.py")
                .contains("index account name");
    }

    @Test
    @Basedir("/projects/missing-parent")
    @InjectMojo(goal = "heads")
    void integrityErrorsFailAfterTheHeadsArePrinted(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(log.info()).contains("bb22cc33dd44 (head)");
        assertThat(e.getMessage()).contains("ffeeddccbbaa");
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("failed");
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "heads")
    void moduleWithoutAlembicConfigurationPrintsOneInfoLine(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).singleElement().asString().contains("nothing to do");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "heads")
    @MojoParameter(name = "skip", value = "true")
    void skip(HeadsMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("Skipping alembic:heads (alembic.skip=true)");
    }
}
