package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.check.HeadPolicy;
import java.nio.file.Path;

/**
 * What {@link ConvergePlanner} should plan ({@code alembic:converge}'s user properties).
 *
 * @param message the merge message ({@code alembic.message}); default {@value #DEFAULT_MESSAGE}
 * @param branchLabel a branch label for the merge ({@code alembic.branchLabel}), or {@code null}; only valid when one
 *     line of history is merged (a label may be declared once); it goes on the line's last merge
 * @param fromRevision only heads descending (via down_revision) from this revision id or branch label
 *     ({@code alembic.fromRevision}), or {@code null} for all heads
 * @param strategy one merge per line, or a chain of two-parent merges ({@code alembic.strategy})
 * @param revId an explicit id for the merge ({@code alembic.revId}), or {@code null}; only valid when exactly one
 *     merge (a revision with two or more parents) is planned
 * @param policy the head policy: its {@code independentBranches} split the heads into lines of history, each merged on
 *     its own and never across lines; every line with more than one head is merged to one, whatever
 *     {@code maxHeads} allows (converge is asked for explicitly)
 * @param versionPath the directory to write every merge to ({@code alembic.versionPath}), or {@code null} for the
 *     directory of the first parent's file (parents in sorted order, as {@code alembic merge <sorted parents>} does)
 * @param fallbackCreateDate the create date to use when no parent has a readable {@code Create Date:} header (e.g.
 *     from {@code project.build.outputTimestamp}), or {@code null}: such a merge is then refused, never dated by the
 *     wall clock
 */
public record ConvergePlannerOptions(
        String message,
        String branchLabel,
        String fromRevision,
        Strategy strategy,
        String revId,
        HeadPolicy policy,
        Path versionPath,
        CreateDate fallbackCreateDate) {

    /** Alembic's usual merge message. */
    public static final String DEFAULT_MESSAGE = "merge heads";

    /** How the heads of one line are merged. */
    public enum Strategy {
        /** One merge whose parents are all the line's heads (default). */
        SINGLE,
        /**
         * N-1 two-parent merges: the first two heads (sorted by id), then the previous merge with the next head, so
         * every merge file names two parents.
         */
        PAIRWISE
    }

    public ConvergePlannerOptions {
        message = message == null ? DEFAULT_MESSAGE : message;
        strategy = strategy == null ? Strategy.SINGLE : strategy;
        policy = policy == null ? HeadPolicy.defaults() : policy;
        branchLabel = blankToNull(branchLabel);
        fromRevision = blankToNull(fromRevision);
        revId = blankToNull(revId);
    }

    /** Defaults: {@value #DEFAULT_MESSAGE}, single merge, default head policy, no label, all heads. */
    public static ConvergePlannerOptions defaults() {
        return new ConvergePlannerOptions(null, null, null, null, null, null, null, null);
    }

    public ConvergePlannerOptions withMessage(String value) {
        return new ConvergePlannerOptions(
                value, branchLabel, fromRevision, strategy, revId, policy, versionPath, fallbackCreateDate);
    }

    public ConvergePlannerOptions withBranchLabel(String value) {
        return new ConvergePlannerOptions(
                message, value, fromRevision, strategy, revId, policy, versionPath, fallbackCreateDate);
    }

    public ConvergePlannerOptions withFromRevision(String value) {
        return new ConvergePlannerOptions(
                message, branchLabel, value, strategy, revId, policy, versionPath, fallbackCreateDate);
    }

    public ConvergePlannerOptions withStrategy(Strategy value) {
        return new ConvergePlannerOptions(
                message, branchLabel, fromRevision, value, revId, policy, versionPath, fallbackCreateDate);
    }

    public ConvergePlannerOptions withRevId(String value) {
        return new ConvergePlannerOptions(
                message, branchLabel, fromRevision, strategy, value, policy, versionPath, fallbackCreateDate);
    }

    public ConvergePlannerOptions withPolicy(HeadPolicy value) {
        return new ConvergePlannerOptions(
                message, branchLabel, fromRevision, strategy, revId, value, versionPath, fallbackCreateDate);
    }

    public ConvergePlannerOptions withVersionPath(Path value) {
        return new ConvergePlannerOptions(
                message, branchLabel, fromRevision, strategy, revId, policy, value, fallbackCreateDate);
    }

    public ConvergePlannerOptions withFallbackCreateDate(CreateDate value) {
        return new ConvergePlannerOptions(
                message, branchLabel, fromRevision, strategy, revId, policy, versionPath, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
