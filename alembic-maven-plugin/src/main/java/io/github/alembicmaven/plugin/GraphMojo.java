package io.github.alembicmaven.plugin;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.ProjectPaths;
import io.github.alembicmaven.core.render.AsciiGraph;
import io.github.alembicmaven.core.render.GraphFiles;
import io.github.alembicmaven.core.render.GraphText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Draws the Alembic revision graph: writes {@code graph.html} (one self-contained page, no network: the graph in lanes
 * like {@code git log --graph}, newest on top, with heads, bases, merge points, branch points and branch labels
 * marked, details on hover or click, collapsible linear runs and the forked part highlighted), {@code graph.mmd}
 * (Mermaid) and {@code graph.dot} (Graphviz) into {@code reportDirectory} ({@code target/alembic} by default), and logs
 * the newest revisions as text. Integrity errors fail the goal after the files are written (the picture helps to find
 * them); several heads do not (use {@code alembic:check} for that).
 *
 * @since 0.1.0
 */
@Mojo(name = "graph", threadSafe = true, requiresProject = false)
public class GraphMojo extends AbstractAnalysisMojo {

    /**
     * How many of the newest revisions the text view on the console shows; {@code 0} shows none (the files are
     * written all the same).
     *
     * <p>Example: {@code -Dalembic.graphDepth=50}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.graphDepth", defaultValue = "20")
    private int graphDepth;

    @Override
    protected String goal() {
        return "graph";
    }

    @Override
    protected GoalParameters parameters() {
        return parameters(null, null, null, null);
    }

    /** Any number of heads is allowed: only integrity errors fail {@code alembic:graph}. */
    @Override
    protected GoalRun run(GoalParameters parameters, Path basedir, Path reportFile) throws AlembicConfigException {
        return GoalRun.integrity(goal(), parameters, basedir, reportFile);
    }

    @Override
    protected void report(GoalRun run) throws MojoFailureException {
        Path directory = outputDirectory();
        List<Path> files;
        try {
            files = GraphFiles.write(run.analysis(), directory);
        } catch (IOException e) {
            throw new MojoFailureException("Could not write the Alembic graph to " + directory + ": " + e, e);
        }
        getLog().info(GraphText.summary(run.analysis().map()) + " in " + GraphFiles.where(run.analysis()));
        if (graphDepth > 0) {
            AsciiGraph.newest(run.analysis().map(), graphDepth).forEach(getLog()::info);
        }
        for (Path f : files) {
            getLog().info("Wrote " + ProjectPaths.relative(basedir(), f.toAbsolutePath()));
        }
        if (run.failed()) {
            throw new MojoFailureException(run.failureMessage());
        }
    }

    /** {@code reportDirectory}; without a POM (its default unresolved) {@code target/alembic} in the project directory. */
    private Path outputDirectory() {
        if (reportDirectory == null || reportDirectory.getPath().contains("${")) {
            return basedir().resolve("target").resolve("alembic");
        }
        return reportDirectory.toPath().toAbsolutePath();
    }
}
