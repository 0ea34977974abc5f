package io.github.alembicmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class GraphMojoTest extends MojoTestSupport {

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "graph")
    void writesThePageMermaidAndDotAndLogsTheNewestRevisions(GraphMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);
        Path dir = mojo.basedir.toPath().resolve("target/alembic");
        for (String f : new String[] {"graph.html", "graph.mmd", "graph.dot"}) {
            Files.deleteIfExists(dir.resolve(f));
        }

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly(
                "Alembic migration graph: 3 revisions, 2 heads, 1 base, 0 merge points, 1 branch point in"
                        + " migrations/versions",
                "* 5e6f7a8b9c0d (head)  add email to account",
                "| * 6f7a8b9c0d1e (head)  add phone to account",
                "|/",
                "* 4d5e6f7a8b9c (branchpoint) (base)  create account table",
                "Wrote target/alembic/graph.html",
                "Wrote target/alembic/graph.mmd",
                "Wrote target/alembic/graph.dot");
        assertThat(Files.readString(dir.resolve("graph.html"), StandardCharsets.UTF_8))
                .contains("\"id\":\"5e6f7a8b9c0d\"", "\"id\":\"6f7a8b9c0d1e\"");
        assertThat(Files.readString(dir.resolve("graph.mmd"), StandardCharsets.UTF_8)).startsWith("%% Alembic");
        assertThat(Files.readString(dir.resolve("graph.dot"), StandardCharsets.UTF_8)).contains("digraph alembic {");
        assertThat(readReport(mojo).path("goal").asText()).isEqualTo("graph");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "graph")
    @MojoParameter(name = "graphDepth", value = "1")
    void graphDepthLimitsTheTextView(GraphMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).anyMatch(l -> l.startsWith("* 3c4d5e6f7a8b (head)"))
                .anyMatch(l -> l.matches("\\.\\.\\. \\d+ older revisions?"));
    }

    @Test
    @Basedir("/projects/missing-parent")
    @InjectMojo(goal = "graph")
    void integrityErrorsFailAfterTheFilesAreWritten(GraphMojo mojo) throws Exception {
        RecordingLog log = prepare(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage()).contains("ffeeddccbbaa");
        assertThat(log.info()).contains("Wrote target/alembic/graph.html");
    }
}
