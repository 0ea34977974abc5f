package io.github.alembicmaven.plugin;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A goal that analyses the tree and reports on it ({@code heads}, {@code check}): one {@link GoalRun}, its warnings
 * logged, then the goal's own report.
 *
 * @since 0.1.0
 */
public abstract class AbstractAnalysisMojo extends AbstractAlembicMojo {

    @Override
    protected final void runGoal(Path reportFile) throws AlembicConfigException, MojoFailureException {
        GoalRun run = run(parameters(), basedir(), reportFile);
        run.warningLines().forEach(getLog()::warn);
        if (!run.configured()) {
            getLog().info(run.summary());
            return;
        }
        report(run);
    }

    /** The common parameters plus this goal's own, in their string form. */
    protected abstract GoalParameters parameters();

    /** The one core call of this goal. */
    protected abstract GoalRun run(GoalParameters parameters, Path basedir, Path reportFile)
            throws AlembicConfigException;

    /** Logs the outcome of a configured run and fails the build if it failed. */
    protected abstract void report(GoalRun run) throws MojoFailureException;
}
