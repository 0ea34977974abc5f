package io.github.alembicmaven.core;

import io.github.alembicmaven.core.check.CheckResult;
import io.github.alembicmaven.core.check.HeadPolicy;
import io.github.alembicmaven.core.conflict.ConflictAnalysis;
import io.github.alembicmaven.core.conflict.ConflictAnalyzer;
import io.github.alembicmaven.core.conflict.ConflictMessage;
import io.github.alembicmaven.core.conflict.ConflictPolicy;
import io.github.alembicmaven.core.check.TreeCheck;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.git.BaseComparison;
import io.github.alembicmaven.core.git.BaseFailureMessage;
import io.github.alembicmaven.core.git.BaseRefReader;
import io.github.alembicmaven.core.git.BaseSnapshot;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.report.JsonReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One execution of a goal or rule, the same for every adapter: analyse the tree, optionally apply the head policy, and
 * always write {@code alembic-report.json} (also when the configuration is invalid or the check fails). Adapters turn
 * the outcome into log lines and exceptions; they hold no logic of their own.
 */
public final class GoalRun {
    private final String goal;
    private final Analysis analysis;
    private final CheckResult check;
    private final Path reportFile;
    private final IOException reportError;
    private final ConflictPolicy conflictPolicy;
    private final List<ConflictAnalysis> conflicts;
    private final BaseComparison base;

    private GoalRun(String goal, Analysis analysis, CheckResult check, ConflictPolicy conflictPolicy,
            List<ConflictAnalysis> conflicts, BaseComparison base, Path reportFile, IOException reportError) {
        this.goal = goal;
        this.base = base;
        this.analysis = analysis;
        this.check = check;
        this.conflictPolicy = conflictPolicy;
        this.conflicts = List.copyOf(conflicts);
        this.reportFile = reportFile;
        this.reportError = reportError;
    }

    /**
     * Analyses the tree without judging it.
     *
     * @param goal name written into the report
     * @param reportFile where the JSON report goes, or {@code null} for none
     * @throws AlembicConfigException on misconfiguration (the report records it before this is thrown)
     */
    public static GoalRun analyze(String goal, AnalysisRequest request, Path reportFile) throws AlembicConfigException {
        return run(goal, request, null, ConflictPolicy.IGNORE, null, reportFile);
    }

    /**
     * Analyses the tree and compares the {@code upgrade()} operations of the lines of history between the heads of
     * each line ({@code alembic:conflicts}): integrity errors fail it, conflicts are listed, never fatal.
     *
     * @param goal name written into the report
     * @param basedir the project directory
     * @param reportFile where the JSON report goes, or {@code null} for none
     * @throws AlembicConfigException on misconfiguration or invalid parameters (recorded in the report first)
     */
    public static GoalRun conflicts(String goal, GoalParameters parameters, Path basedir, Path reportFile)
            throws AlembicConfigException {
        AnalysisRequest request = recorded(goal, reportFile, () -> parameters.request(basedir));
        HeadPolicy policy = recorded(goal, reportFile, parameters::headPolicy);
        return run(goal, request, new HeadPolicy(Integer.MAX_VALUE, policy.independentBranches()), ConflictPolicy.WARN,
                null, reportFile);
    }

    /**
     * Analyses the tree and applies the integrity rules only, any number of heads allowed ({@code alembic:heads}: it
     * lists the heads, and fails only when the history cannot be loaded).
     *
     * @param goal name written into the report
     * @param basedir the project directory
     * @param reportFile where the JSON report goes, or {@code null} for none
     * @throws AlembicConfigException on misconfiguration or invalid parameters (recorded in the report first)
     */
    public static GoalRun integrity(String goal, GoalParameters parameters, Path basedir, Path reportFile)
            throws AlembicConfigException {
        return run(goal, recorded(goal, reportFile, () -> parameters.request(basedir)), HeadPolicy.unlimited(),
                ConflictPolicy.IGNORE, null, reportFile);
    }

    /**
     * Analyses the tree and applies integrity rules and the head policy given by {@code parameters}.
     *
     * @param goal name written into the report
     * @param basedir the project directory
     * @param reportFile where the JSON report goes, or {@code null} for none
     * @throws AlembicConfigException on misconfiguration or invalid parameters (recorded in the report first)
     */
    public static GoalRun check(String goal, GoalParameters parameters, Path basedir, Path reportFile)
            throws AlembicConfigException {
        AnalysisRequest request = recorded(goal, reportFile, () -> parameters.request(basedir));
        HeadPolicy policy = recorded(goal, reportFile, parameters::headPolicy);
        ConflictPolicy conflictPolicy = recorded(goal, reportFile, parameters::conflictPolicy);
        return run(goal, request, policy, conflictPolicy, parameters.baseRefOrNull(), reportFile);
    }

    /**
     * Analyses the tree and applies integrity rules and the head policy ({@code alembic:check}, the enforcer rule).
     *
     * @param goal name written into the report
     * @param reportFile where the JSON report goes, or {@code null} for none
     * @throws AlembicConfigException on misconfiguration (the report records it before this is thrown)
     */
    public static GoalRun check(String goal, AnalysisRequest request, HeadPolicy policy, Path reportFile)
            throws AlembicConfigException {
        return run(goal, request, policy, ConflictPolicy.WARN, null, reportFile);
    }

    /** A step that may fail on configuration. */
    interface ConfigStep<T> {
        T get() throws AlembicConfigException;
    }

    /** Runs {@code step}; a configuration error is written to the report (when there is one) and rethrown. */
    static <T> T recorded(String goal, Path reportFile, ConfigStep<T> step) throws AlembicConfigException {
        try {
            return step.get();
        } catch (AlembicConfigException e) {
            if (reportFile != null) {
                Diagnostic d = Diagnostic.error(DiagnosticCode.CONFIGURATION_ERROR, null, 0, e.getMessage(), null);
                try {
                    JsonReport.write(goal, null, null, List.of(d), reportFile);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static GoalRun run(String goal, AnalysisRequest request, HeadPolicy policy, ConflictPolicy conflictPolicy,
            String baseRef, Path reportFile) throws AlembicConfigException {
        Analysis analysis = recorded(goal, reportFile, () -> AlembicAnalyzer.analyze(request));
        BaseComparison base = null;
        if (baseRef != null && policy != null && analysis.configured()) {
            BaseSnapshot snapshot = recorded(goal, reportFile, () -> BaseRefReader.read(analysis, baseRef));
            base = BaseComparison.compare(analysis, snapshot, policy);
        }
        CheckResult check = policy == null || !analysis.configured() ? null
                : base == null ? analysis.check(policy) : checkAgainstBase(analysis, base, policy);
        // A history that does not load has no trustworthy lines to compare.
        List<ConflictAnalysis> conflicts = check != null && conflictPolicy != ConflictPolicy.IGNORE
                && !analysis.hasErrors()
                ? new ConflictAnalyzer(request.constants()).analyzeLines(analysis.map(), policy)
                : List.of();
        IOException reportError = null;
        if (reportFile != null && analysis.configured()) {
            try {
                JsonReport.write(goal, analysis, check, List.of(), null, conflicts,
                        conflictsFail(conflictPolicy, conflicts), base, reportFile);
            } catch (IOException e) {
                reportError = e;
            }
        }
        return new GoalRun(goal, analysis, check, conflictPolicy, conflicts, base, reportFile, reportError);
    }

    /**
     * The check of the merge result: integrity errors of the working tree (except those the merge resolves: a parent
     * only the base declares), and the head policy on the union graph; when the base comparison already explains
     * extra heads ({@code head-after-merge}), those are not reported twice.
     */
    private static CheckResult checkAgainstBase(Analysis analysis, BaseComparison base, HeadPolicy policy) {
        List<Diagnostic> diagnostics = new ArrayList<>(analysis.diagnostics());
        diagnostics.removeAll(base.resolvedByBase());
        boolean explained = base.findings().stream().anyMatch(d -> d.code() == DiagnosticCode.HEAD_AFTER_MERGE);
        HeadPolicy heads = explained ? new HeadPolicy(Integer.MAX_VALUE, policy.independentBranches()) : policy;
        return TreeCheck.check(base.unionMap(), diagnostics, heads, analysis.basedir());
    }

    /** The comparison with {@code alembic.baseRef}, or {@code null} when none was asked for. */
    public BaseComparison base() {
        return base;
    }

    public String goal() {
        return goal;
    }

    public Analysis analysis() {
        return analysis;
    }

    /** The check result, or {@code null} for {@link #analyze} runs and un-configured projects. */
    public CheckResult check() {
        return check;
    }

    /** False when the project has no Alembic configuration: the adapter logs {@link #summary()} and does nothing. */
    public boolean configured() {
        return analysis.configured();
    }

    /**
     * True when a check ran and failed: integrity, head policy, schema conflicts under {@code conflicts=fail}, or an
     * error found against {@code baseRef}.
     */
    public boolean failed() {
        return check != null && (!check.passed() || conflictsFail() || base != null && base.hasErrors());
    }

    private boolean conflictsFail() {
        return conflictsFail(conflictPolicy, conflicts);
    }

    private static boolean conflictsFail(ConflictPolicy policy, List<ConflictAnalysis> conflicts) {
        return policy == ConflictPolicy.FAIL && conflicts.stream().anyMatch(ConflictAnalysis::hasErrors);
    }

    /** The schema-conflict analyses, one per line of history with two or more heads; empty when not analysed. */
    public List<ConflictAnalysis> conflicts() {
        return conflicts;
    }

    /**
     * The failure message (empty when the run did not fail): the check's three-part message, then, under
     * {@code conflicts=fail}, the schema conflicts' own.
     */
    public String failureMessage() {
        List<String> parts = new ArrayList<>();
        if (check != null && !check.passed()) {
            parts.add(check.failureMessage());
            if (conflicts.stream().anyMatch(ConflictAnalysis::hasErrors)) {
                parts.add("Note: these lines also have schema conflicts (" + (conflictsFail() ? "below" : "the"
                        + " warnings above") + "): 'mvn alembic:converge' refuses to merge them until the migrations"
                        + " are reconciled; 'mvn alembic:conflicts' lists each line's operations.");
            }
        }
        if (base != null && base.hasErrors()) {
            parts.add(BaseFailureMessage.render(base, analysis.basedir()));
        }
        if (check != null && conflictsFail()) {
            parts.add(ConflictMessage.errors(conflicts, analysis.basedir(),
                    "check again with 'mvn alembic:check -Dalembic.conflicts=fail' ('mvn alembic:conflicts' lists each"
                            + " line's operations)"));
        }
        return String.join("\n", parts);
    }

    /** The listing of {@code alembic:conflicts}: per fork, each line's operations and the findings. */
    public List<String> conflictListing() {
        return ConflictMessage.listing(conflicts, analysis.basedir());
    }

    /** The report file, or {@code null} when none was written (no configuration, or none requested). */
    public Path reportFile() {
        return analysis.configured() ? reportFile : null;
    }

    /** The I/O error that prevented writing the report, or {@code null}. */
    public IOException reportError() {
        return reportError;
    }

    /**
     * Everything an adapter logs as a warning, formatted: a report that could not be written, then every warning
     * (config, discovery, files, graph) with its path relative to the project directory.
     */
    public List<String> warningLines() {
        List<String> out = new ArrayList<>();
        if (reportError != null) {
            out.add(reportNotWritten(reportFile, reportError));
        }
        for (Diagnostic d : warnings()) {
            out.add(d.format(analysis.basedir()));
        }
        if (base != null) {
            base.findings().stream().filter(d -> d.severity() == Severity.WARNING)
                    .forEach(d -> out.add(d.format(analysis.basedir())));
        }
        if (!"conflicts".equals(goal)) { // alembic:conflicts lists every finding itself
            out.addAll(conflictPolicy == ConflictPolicy.FAIL
                    ? ConflictMessage.lines(conflicts, analysis.basedir(), Severity.WARNING)
                    : ConflictMessage.lines(conflicts, analysis.basedir(), Severity.ERROR, Severity.WARNING));
            for (ConflictAnalysis fork : conflicts) {
                fork.diagnostics().forEach(d -> out.add("Schema conflicts not fully checked: "
                        + d.format(analysis.basedir())));
            }
        }
        return out;
    }

    /**
     * The warnings to log when a goal stopped on {@code e}: the report that recorded it could not be written.
     *
     * @param reportFile the report the run tried to write, or {@code null}
     */
    public static List<String> warningLines(AlembicConfigException e, Path reportFile) {
        List<String> out = new ArrayList<>();
        for (Throwable suppressed : e.getSuppressed()) {
            if (suppressed instanceof IOException io) {
                out.add(reportNotWritten(reportFile, io));
            }
        }
        return out;
    }

    private static String reportNotWritten(Path reportFile, IOException e) {
        return "Could not write the Alembic report " + reportFile + ": " + e;
    }

    /** Warnings to show the user (config, discovery, files, graph), in order. */
    public List<Diagnostic> warnings() {
        return analysis.diagnostics().stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .collect(Collectors.toList());
    }

    /**
     * One line for the log: what was analysed and the verdict, e.g. {@code Alembic revision graph OK: 12 revisions,
     * 1 head (3f2a1b0c9d8e) in migrations/versions}, or why the project was skipped. With {@code alembic.baseRef} the
     * merge result follows ({@code ; merged with origin/main (1a2b3c4d5e6f): 13 revisions, 1 head (...)}).
     */
    public String summary() {
        Path base = analysis.basedir();
        if (!analysis.configured()) {
            return "No Alembic migrations in " + base
                    + " (no alembic.ini with an [alembic] section, no pyproject.toml [tool.alembic], no"
                    + " alembic.scriptLocation / alembic.versionLocations): nothing to do.";
        }
        RevisionMap map = analysis.map();
        String where = analysis.settings().versionLocations().stream()
                .map(p -> ProjectPaths.relative(base, p))
                .collect(Collectors.joining(", "));
        int revisions = map.revisions().size();
        List<String> heads = map.heads();
        String verdict = check == null ? "Alembic revision graph" : check.passed() ? "Alembic revision graph OK" : "Alembic revision graph FAILED";
        return verdict + ": " + counts(revisions, heads) + " in " + where
                + (this.base == null ? "" : "; " + mergedWith(this.base));
    }

    /** {@code 12 revisions, 1 head (3f2a1b0c9d8e)}. */
    private static String counts(int revisions, List<String> heads) {
        return revisions + (revisions == 1 ? " revision, " : " revisions, ") + heads.size()
                + (heads.size() == 1 ? " head" : " heads") + (heads.isEmpty() ? "" : " (" + String.join(", ", heads) + ")");
    }

    /** The merge result in the summary: what a check against the base judged ({@code merged with main (...): ...}). */
    private static String mergedWith(BaseComparison base) {
        return "merged with " + base.ref() + " (" + base.base().shortCommitId() + "): "
                + counts(base.unionMap().revisions().size(), base.unionHeads());
    }
}
