package io.github.alembicmaven.plugin;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.ConvergeParameters;
import io.github.alembicmaven.core.ConvergeRun;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the merge revisions that give every line of history one head, so that {@code alembic upgrade head} works
 * again. Like {@code alembic merge heads}, but without Python, deterministic (the revision id is derived from the
 * parents, label and message; the create date comes from the newest parent, never the clock: the same tree gives
 * byte-identical files everywhere), aware of effective heads and {@code depends_on}, and safe: it refuses a history
 * with integrity errors, proves the planned graph in memory, writes all files or none, never touches an existing file,
 * reads the new files back, and can run a {@code verifyCommand} whose failure removes them again.
 *
 * <p>Preview first: {@code mvn alembic:converge -Dalembic.dryRun} prints each file's path and full content and writes
 * nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "converge", threadSafe = true, requiresProject = false)
public class ConvergeMojo extends AbstractAlembicMojo {

    /**
     * The message of the merge revision: its docstring's first line and its file name's slug, as
     * {@code alembic merge -m}.
     *
     * <p>Example: {@code -Dalembic.message="merge release branches"}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.message", defaultValue = "merge heads")
    private String message;

    /**
     * A branch label for the merge revision ({@code alembic merge --branch-label}). Only valid when one line of history
     * is merged.
     *
     * <p>Example: {@code -Dalembic.branchLabel=release_2_0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.branchLabel")
    private String branchLabel;

    /**
     * Merges only the heads descending from this revision id or branch label; other heads are left alone.
     *
     * <p>Example: {@code -Dalembic.fromRevision=1e5b8d2a6c93}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.fromRevision")
    private String fromRevision;

    /**
     * {@code single}: one merge revision naming all heads of a line as parents. {@code pairwise}: N-1 merge revisions
     * of two parents each, the heads taken in order of their ids.
     *
     * <p>Example: {@code -Dalembic.strategy=pairwise}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.strategy", defaultValue = "single")
    private String strategy;

    /**
     * An explicit revision id for the merge ({@code alembic merge --rev-id}), instead of the derived one. Only valid when
     * exactly one merge revision is written.
     *
     * <p>Example: {@code -Dalembic.revId=4f1c2d3e5a6b}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.revId")
    private String revId;

    /**
     * The version location to write to, relative to the project directory; it must be one of the configured version
     * locations ({@code alembic merge --version-path}). Default: the directory of the first parent's file (parents
     * sorted by id), as Alembic does.
     *
     * <p>Example: {@code -Dalembic.versionPath=migrations/versions}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.versionPath")
    private String versionPath;

    /**
     * Prints what a real run would write, each file's path and full content, and writes nothing.
     *
     * <p>Example: {@code -Dalembic.dryRun}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * A command run in the project directory after the files are written, through {@code sh -c} ({@code cmd /c} on
     * Windows); a non-zero exit removes the new files again and fails the build with the command's output.
     *
     * <p>Example:
     * {@code -Dalembic.verifyCommand="python3 -m alembic -x url=sqlite:///target/verify.db upgrade heads"}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.verifyCommand")
    private String verifyCommand;

    /**
     * Seconds to wait for {@code verifyCommand}; a command still running then is stopped and counts as failed.
     *
     * <p>Example: {@code -Dalembic.verifyTimeout=120}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.verifyTimeout", defaultValue = "600")
    private int verifyTimeout;

    /**
     * Comma-separated branch labels that are intended, independent lines of history: each is converged on its own, and
     * never merged with the rest.
     *
     * <p>Example: {@code -Dalembic.independentBranches=audit,reporting}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.independentBranches")
    private String independentBranches;

    /**
     * Writes the merge even when the lines it joins have schema conflicts of error severity (both lines change the
     * same schema object); they are then logged as warnings. Without it such a merge is refused: it would only move
     * the failure to {@code alembic upgrade}.
     *
     * <p>Example: {@code -Dalembic.allowConflicts}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.allowConflicts", defaultValue = "false")
    private boolean allowConflicts;

    /**
     * The create date of a merge whose parents carry no readable {@code Create Date:} header: the project's
     * reproducible-build timestamp (ISO-8601 with an offset, or seconds since the epoch). Without either, such a merge
     * is refused rather than dated by the clock.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    /**
     * Converges the merge result with this git ref ({@code origin/main}, {@code main}, ...): the base's revisions are
     * read from the git object database, and the merge revision, written on this branch, joins the heads of both
     * sides. Refused when the branch changed or deleted a published revision or reuses one of its ids.
     *
     * <p>Example: {@code -Dalembic.baseRef=origin/main}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.baseRef")
    private String baseRef;

    @Override
    protected String goal() {
        return ConvergeRun.GOAL;
    }

    @Override
    protected void runGoal(Path reportFile)
            throws AlembicConfigException, MojoExecutionException, MojoFailureException {
        ConvergeParameters options = new ConvergeParameters(message, branchLabel, fromRevision, strategy, revId,
                versionPath, dryRun, verifyCommand, String.valueOf(verifyTimeout),
                outputTimestamp == null || outputTimestamp.contains("${") ? null : outputTimestamp, allowConflicts);
        ConvergeRun run = ConvergeRun.converge(parameters(null, independentBranches, null, baseRef), options, basedir(), reportFile);
        run.warningLines().forEach(getLog()::warn);
        run.infoLines().forEach(getLog()::info);
        switch (run.status()) {
            case WRITE_FAILED:
                throw new MojoExecutionException(run.failureMessage());
            case REFUSED:
            case VERIFY_FAILED:
                throw new MojoFailureException(run.failureMessage());
            default:
                break;
        }
    }
}
