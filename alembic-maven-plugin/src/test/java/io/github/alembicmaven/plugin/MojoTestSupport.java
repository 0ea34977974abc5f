package io.github.alembicmaven.plugin;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.api.di.Provides;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;

/**
 * Shared harness set-up: the harness's own {@link MavenProject} mock knows only its pom file, so
 * {@code ${project.build.directory}} would be null; this one also answers {@code getBuild()} with
 * {@code <basedir>/target}, which keeps the real default of {@code reportDirectory} under test.
 */
abstract class MojoTestSupport {

    @Provides
    MavenProject project() {
        MavenProject project = mock(MavenProject.class);
        lenient().when(project.getProperties()).thenReturn(new Properties());
        // harness 3.5.1 stubs getFile() (the test pom) on the project; the basedir is its directory
        lenient().when(project.getBasedir()).thenAnswer(invocation ->
                project.getFile() == null ? null : project.getFile().getParentFile());
        lenient().when(project.getBuild()).thenAnswer(invocation -> {
            Build build = new Build();
            build.setDirectory(new File(project.getBasedir(), "target").getPath());
            return build;
        });
        return project;
    }

    /** Gives the mojo a recording log and removes a report left behind by an earlier test on the same fixture. */
    static RecordingLog prepare(AbstractAlembicMojo mojo) throws IOException {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        Files.deleteIfExists(report(mojo));
        return log;
    }

    static Path report(AbstractAlembicMojo mojo) {
        return mojo.basedir.toPath().resolve("target/alembic/alembic-report.json");
    }

    static JsonNode readReport(AbstractAlembicMojo mojo) throws IOException {
        return new ObjectMapper().readTree(report(mojo).toFile());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
