package io.github.alembicmaven.core;

import io.github.alembicmaven.core.merge.ConvergePlannerOptions;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions.Strategy;
import io.github.alembicmaven.core.merge.CreateDate;
import io.github.alembicmaven.core.merge.VerifyCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of {@code alembic:converge} in their string form (as Maven user properties give them); {@code null}
 * means "not given". The common parameters ({@code config}, {@code independentBranches}, ...) come in
 * {@link GoalParameters}.
 *
 * @param message {@code alembic.message}: the merge message (default {@code merge heads})
 * @param branchLabel {@code alembic.branchLabel}: a branch label for the merge
 * @param fromRevision {@code alembic.fromRevision}: only heads descending from this revision id or branch label
 * @param strategy {@code alembic.strategy}: {@code single} (default) or {@code pairwise}
 * @param revId {@code alembic.revId}: an explicit id for the (single) merge
 * @param versionPath {@code alembic.versionPath}: the version location to write to, relative to the project directory
 * @param dryRun {@code alembic.dryRun}: print what would be written, write nothing
 * @param verifyCommand {@code alembic.verifyCommand}: a command run after writing; its failure undoes the run
 * @param verifyTimeout {@code alembic.verifyTimeout}: seconds to wait for the command (default 600)
 * @param outputTimestamp {@code project.build.outputTimestamp}: the create date when no parent has one
 * @param allowConflicts {@code alembic.allowConflicts}: write the merge even when the lines it joins have schema
 *     conflicts of error severity (they are then logged as warnings)
 */
public record ConvergeParameters(
        String message,
        String branchLabel,
        String fromRevision,
        String strategy,
        String revId,
        String versionPath,
        boolean dryRun,
        String verifyCommand,
        String verifyTimeout,
        String outputTimestamp,
        boolean allowConflicts) {

    /** The planner options; {@code policy} carries {@code independentBranches}. */
    ConvergePlannerOptions plannerOptions(GoalParameters common, Path basedir) throws AlembicConfigException {
        return new ConvergePlannerOptions(
                message == null ? null : message,
                branchLabel,
                fromRevision,
                parsedStrategy(),
                revId,
                common.headPolicy(),
                versionPath == null || versionPath.isBlank()
                        ? null
                        : basedir.resolve(versionPath.strip()).toAbsolutePath().normalize(),
                fallbackCreateDate());
    }

    /** The parsed {@code strategy}. */
    Strategy parsedStrategy() throws AlembicConfigException {
        if (strategy == null || strategy.isBlank()) {
            return Strategy.SINGLE;
        }
        try {
            return Strategy.valueOf(strategy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AlembicConfigException(
                    "Invalid alembic.strategy '" + strategy + "': expected 'single' (one merge of all heads, the"
                            + " default) or 'pairwise' (a chain of two-parent merges).");
        }
    }

    /** The create date from {@code project.build.outputTimestamp}, or {@code null}. */
    CreateDate fallbackCreateDate() throws AlembicConfigException {
        try {
            return CreateDate.fromOutputTimestamp(outputTimestamp).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new AlembicConfigException(e.getMessage() + "; converge uses it as the create date of a merge"
                    + " whose parents have none.");
        }
    }

    /** The verify command, if any. */
    Optional<VerifyCommand> verify() throws AlembicConfigException {
        if (verifyCommand == null || verifyCommand.isBlank()) {
            return Optional.empty();
        }
        Duration timeout = VerifyCommand.DEFAULT_TIMEOUT;
        if (verifyTimeout != null && !verifyTimeout.isBlank()) {
            long seconds;
            try {
                seconds = Long.parseLong(verifyTimeout.strip());
            } catch (NumberFormatException e) {
                seconds = 0;
            }
            if (seconds < 1) {
                throw new AlembicConfigException("Invalid alembic.verifyTimeout '" + verifyTimeout
                        + "': expected a whole number of seconds >= 1 (default 600).");
            }
            timeout = Duration.ofSeconds(seconds);
        }
        return Optional.of(new VerifyCommand(verifyCommand.strip(), timeout));
    }
}
