package io.github.alembicmaven.plugin;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists, per fork, the schema operations of each line of history (the {@code upgrade()} bodies of the revisions from
 * the fork point to each head, read statically) and the conflicts between the lines: <b>errors</b> when both lines
 * change the same schema object (the same column added twice, a dropped column altered on the other line, one index
 * name twice...), <b>warnings</b> when both change one table or one runs SQL that cannot be read, <b>info</b>
 * otherwise. Findings never fail this goal (use {@code alembic:check -Dalembic.conflicts=fail} as a gate); integrity
 * errors do. A graph with one head per line has nothing to compare.
 *
 * @since 0.1.0
 */
@Mojo(name = "conflicts", threadSafe = true, requiresProject = false)
public class ConflictsMojo extends AbstractAnalysisMojo {

    /**
     * Comma-separated branch labels that are intended, independent lines of history: their heads are compared only
     * with heads of the same line.
     *
     * <p>Example: {@code -Dalembic.independentBranches=audit,reporting}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.independentBranches")
    private String independentBranches;

    @Override
    protected String goal() {
        return "conflicts";
    }

    @Override
    protected GoalParameters parameters() {
        return parameters(null, independentBranches, null, null);
    }

    @Override
    protected GoalRun run(GoalParameters parameters, Path basedir, Path reportFile) throws AlembicConfigException {
        return GoalRun.conflicts(goal(), parameters, basedir, reportFile);
    }

    @Override
    protected void report(GoalRun run) throws MojoFailureException {
        if (run.failed()) {
            throw new MojoFailureException(run.failureMessage());
        }
        if (run.conflicts().isEmpty()) {
            getLog().info("No fork to analyse: every line of history has one head. " + run.summary());
            return;
        }
        run.conflictListing().forEach(getLog()::info);
    }
}
