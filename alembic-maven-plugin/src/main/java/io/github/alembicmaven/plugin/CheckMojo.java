package io.github.alembicmaven.plugin;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the Alembic revision graph has more heads than allowed ({@code alembic upgrade head} would then
 * fail with "Multiple head revisions are present") or has an integrity error (a missing parent, a duplicate revision
 * id, a cycle, an unreadable revision file). Reads the revision files statically: no Python, no database. Bound to
 * {@code validate}; modules without an Alembic configuration are skipped with one info line.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractAnalysisMojo {

    /**
     * How many heads the graph may have, not counting the lines of history listed in {@code independentBranches}.
     * Must be at least 1.
     *
     * <p>Example: {@code -Dalembic.maxHeads=2}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.maxHeads", defaultValue = "1")
    private int maxHeads;

    /**
     * Comma-separated branch labels that are intended, independent lines of history (Alembic's "multiple bases"); each
     * may have one head of its own, in addition to {@code maxHeads} for the rest of the graph.
     *
     * <p>Example: {@code -Dalembic.independentBranches=audit,reporting}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.independentBranches")
    private String independentBranches;

    /**
     * What to do with schema conflicts between the heads: {@code fail} (both lines change the same schema object, e.g.
     * add the same column: the check fails), {@code warn} (such findings are logged as warnings) or {@code ignore}
     * (the {@code upgrade()} bodies are not read). Only lines of history with two or more heads are compared.
     *
     * <p>Example: {@code -Dalembic.conflicts=fail}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.conflicts", defaultValue = "warn")
    private String conflicts;

    /**
     * A git ref ({@code origin/main}, {@code main}, a tag or a commit id) to check against: the revision files at that
     * ref are read from the git object database (no checkout, no git executable) and the graph of base and working
     * tree together is checked, so a fork that only appears after merging, a revision id added on both sides, and a
     * changed or deleted published revision fail the check. The ref's commit must be present (in a shallow CI clone,
     * fetch it first).
     *
     * <p>Example: {@code -Dalembic.baseRef=origin/main}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.baseRef")
    private String baseRef;

    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected GoalParameters parameters() {
        return parameters(String.valueOf(maxHeads), independentBranches, conflicts, baseRef);
    }

    @Override
    protected GoalRun run(GoalParameters parameters, Path basedir, Path reportFile) throws AlembicConfigException {
        return GoalRun.check(goal(), parameters, basedir, reportFile);
    }

    @Override
    protected void report(GoalRun run) throws MojoFailureException {
        if (run.failed()) {
            throw new MojoFailureException(run.failureMessage());
        }
        getLog().info(run.summary());
    }
}
