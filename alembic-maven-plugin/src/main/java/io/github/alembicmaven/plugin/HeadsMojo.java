package io.github.alembicmaven.plugin;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.graph.HeadsListing;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists the heads of the Alembic revision graph, one per line, exactly as {@code alembic heads} prints them, without
 * Python or a database. Several heads are not an error here (use {@code alembic:check} for that), but integrity errors
 * (a missing parent, a duplicate revision id, a cycle, an unreadable revision file) fail the goal after the heads are
 * listed. Runs without a POM too: {@code mvn alembic:heads -Dalembic.config=alembic.ini}.
 *
 * @since 0.1.0
 */
@Mojo(name = "heads", threadSafe = true, requiresProject = false)
public class HeadsMojo extends AbstractAnalysisMojo {

    /**
     * Adds each head's revision file (relative to the project directory) and the first line of its docstring, like
     * {@code alembic heads --verbose}.
     *
     * <p>Example: {@code -Dalembic.verbose}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * Lists the heads that {@code depends_on} does not keep alive, like {@code alembic heads --resolve-dependencies}.
     *
     * <p>Example: {@code -Dalembic.resolveDependencies}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.resolveDependencies", defaultValue = "false")
    private boolean resolveDependencies;

    @Override
    protected String goal() {
        return "heads";
    }

    @Override
    protected GoalParameters parameters() {
        return parameters(null, null, null, null);
    }

    /** Every head is allowed: only integrity errors fail {@code alembic:heads}. */
    @Override
    protected GoalRun run(GoalParameters parameters, Path basedir, Path reportFile) throws AlembicConfigException {
        return GoalRun.integrity(goal(), parameters, basedir, reportFile);
    }

    @Override
    protected void report(GoalRun run) throws MojoFailureException {
        for (String line : HeadsListing.lines(run.analysis().map(), resolveDependencies, verbose, basedir())) {
            getLog().info(line);
        }
        if (getLog().isDebugEnabled()) {
            getLog().debug(run.summary());
        }
        if (run.failed()) {
            throw new MojoFailureException(run.failureMessage());
        }
    }
}
