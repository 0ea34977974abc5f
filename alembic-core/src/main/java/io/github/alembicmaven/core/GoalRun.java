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
import io.github.alembicmaven.core.report.JUnitReport;
import io.github.alembicmaven.core.report.JsonReport;
import io.github.alembicmaven.core.report.SarifReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One execution of a goal or rule, the same for every adapter: analyse the tree, optionally apply the head policy, and
 * always write {@code alembic-report.json} (also when the configuration is invalid or the check fails). Adapters turn
 * the outcome into log lines and exceptions; they hold no logic of their own.
 *
 * <p>The {@link #check check} runs ({@code alembic:check} and the enforcer rule) also write the CI reports next to it,
 * {@value JUnitReport#FILE_NAME} ({@link JUnitReport}) and {@value SarifReport#FILE_NAME} ({@link SarifReport}), in
 * the same cases (also on failure, also on a configuration error). The other goals ({@code heads}, {@code conflicts},
 * {@code converge}) write only the JSON report: they list or repair, they do not judge. A report that cannot be written
 * is a warning ({@link #warningLines()}), never a failure.
 */
public final class GoalRun {
    private final String goal;
    private final Analysis analysis;
    private final CheckResult check;
    private final Path reportFile;
    /** Report files that could not be written, in the order tried. */
    private final Map<Path, IOException> reportErrors = new LinkedHashMap<>();
    private final ConflictPolicy conflictPolicy;
    private final List<ConflictAnalysis> conflicts;
    private final BaseComparison base;

    private GoalRun(String goal, Analysis analysis, CheckResult check, ConflictPolicy conflictPolicy,
            List<ConflictAnalysis> conflicts, BaseComparison base, Path reportFile) {
        this.goal = goal;
        this.base = base;
        this.analysis = analysis;
        this.check = check;
        this.conflictPolicy = conflictPolicy;
        this.conflicts = List.copyOf(conflicts);
        this.reportFile = reportFile;
    }

    /**
     * Analyses the tree without judging it.
     *
     * @param goal name written into the report
     * @param reportFile where the JSON report goes, or {@code null} for none
     * @throws AlembicConfigException on misconfiguration (the report records it before this is thrown)
     */
    public static GoalRun analyze(String goal, AnalysisRequest request, Path reportFile) throws AlembicConfigException {
        return run(goal, request, null, ConflictPolicy.IGNORE, null, reportFile, false);
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
                null, reportFile, false);
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
                ConflictPolicy.IGNORE, null, reportFile, false);
    }

    /**
     * Analyses the tree and applies integrity rules and the head policy given by {@code parameters}.
     *
     * @param goal name written into the report
     * @param basedir the project directory
     * @param reportFile where the JSON report goes, or {@code null} for none; the CI reports go next to it
     * @throws AlembicConfigException on misconfiguration or invalid parameters (recorded in the reports first)
     */
    public static GoalRun check(String goal, GoalParameters parameters, Path basedir, Path reportFile)
            throws AlembicConfigException {
        AnalysisRequest request = recordedCheck(goal, basedir, reportFile, () -> parameters.request(basedir));
        HeadPolicy policy = recordedCheck(goal, basedir, reportFile, parameters::headPolicy);
        ConflictPolicy conflictPolicy = recordedCheck(goal, basedir, reportFile, parameters::conflictPolicy);
        return run(goal, request, policy, conflictPolicy, parameters.baseRefOrNull(), reportFile, true);
    }

    /**
     * Analyses the tree and applies integrity rules and the head policy ({@code alembic:check}, the enforcer rule).
     *
     * @param goal name written into the report
     * @param reportFile where the JSON report goes, or {@code null} for none; the CI reports go next to it
     * @throws AlembicConfigException on misconfiguration (the reports record it before this is thrown)
     */
    public static GoalRun check(String goal, AnalysisRequest request, HeadPolicy policy, Path reportFile)
            throws AlembicConfigException {
        return run(goal, request, policy, ConflictPolicy.WARN, null, reportFile, true);
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

    /** {@link #recorded}, and the CI reports of a check record the configuration error too. */
    static <T> T recordedCheck(String goal, Path basedir, Path reportFile, ConfigStep<T> step)
            throws AlembicConfigException {
        try {
            return recorded(goal, reportFile, step);
        } catch (AlembicConfigException e) {
            if (reportFile != null) {
                try {
                    JUnitReport.writeConfigurationError(goal, e.getMessage(), junitFile(reportFile));
                } catch (IOException suppressed) {
                    e.addSuppressed(new ReportWriteException(junitFile(reportFile), suppressed));
                }
                try {
                    SarifReport.writeConfigurationError(basedir, e.getMessage(), sarifFile(reportFile));
                } catch (IOException suppressed) {
                    e.addSuppressed(new ReportWriteException(sarifFile(reportFile), suppressed));
                }
            }
            throw e;
        }
    }

    /** {@value JUnitReport#FILE_NAME}, next to the JSON report. */
    static Path junitFile(Path reportFile) {
        return reportFile.resolveSibling(JUnitReport.FILE_NAME);
    }

    /** {@value SarifReport#FILE_NAME}, next to the JSON report. */
    static Path sarifFile(Path reportFile) {
        return reportFile.resolveSibling(SarifReport.FILE_NAME);
    }

    /** A CI report that could not be written, as a suppressed exception of a configuration error: names its file. */
    static final class ReportWriteException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;

        ReportWriteException(Path file, IOException cause) {
            super(cause.toString(), cause);
            this.file = file;
        }

        Path file() {
            return file;
        }
    }

    private static GoalRun run(String goal, AnalysisRequest request, HeadPolicy policy, ConflictPolicy conflictPolicy,
            String baseRef, Path reportFile, boolean ciReports) throws AlembicConfigException {
        ConfigStep<Analysis> analyze = () -> AlembicAnalyzer.analyze(request);
        Analysis analysis = ciReports ? recordedCheck(goal, request.basedir(), reportFile, analyze)
                : recorded(goal, reportFile, analyze);
        BaseComparison base = null;
        if (baseRef != null && policy != null && analysis.configured()) {
            ConfigStep<BaseSnapshot> read = () -> BaseRefReader.read(analysis, baseRef);
            BaseSnapshot snapshot = ciReports ? recordedCheck(goal, request.basedir(), reportFile, read)
                    : recorded(goal, reportFile, read);
            base = BaseComparison.compare(analysis, snapshot, policy);
        }
        CheckResult check = policy == null || !analysis.configured() ? null
                : base == null ? analysis.check(policy) : checkAgainstBase(analysis, base, policy);
        // A history that does not load has no trustworthy lines to compare.
        List<ConflictAnalysis> conflicts = check != null && conflictPolicy != ConflictPolicy.IGNORE
                && !analysis.hasErrors()
                ? new ConflictAnalyzer(request.constants()).analyzeLines(analysis.map(), policy)
                : List.of();
        GoalRun run = new GoalRun(goal, analysis, check, conflictPolicy, conflicts, base, reportFile);
        if (reportFile != null && analysis.configured()) {
            try {
                JsonReport.write(goal, analysis, check, List.of(), null, conflicts,
                        conflictsFail(conflictPolicy, conflicts), base, reportFile);
            } catch (IOException e) {
                run.reportErrors.put(reportFile, e);
            }
            if (ciReports && check != null) {
                try {
                    JUnitReport.write(run, junitFile(reportFile));
                } catch (IOException e) {
                    run.reportErrors.put(junitFile(reportFile), e);
                }
                try {
                    SarifReport.write(run, sarifFile(reportFile));
                } catch (IOException e) {
                    run.reportErrors.put(sarifFile(reportFile), e);
                }
            }
        }
        return run;
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

    /** The policy for schema conflicts ({@code ignore} for runs that do not compare the lines of history). */
    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    /** True when schema conflicts fail this run: {@code alembic.conflicts=fail} and an error finding. */
    public boolean conflictsFailed() {
        return conflictsFail();
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
            parts.add(conflictFailureMessage());
        }
        return String.join("\n", parts);
    }

    /** The part of {@link #failureMessage()} about schema conflicts under {@code conflicts=fail} (empty otherwise). */
    public String conflictFailureMessage() {
        if (check == null || !conflictsFail()) {
            return "";
        }
        return ConflictMessage.errors(conflicts, analysis.basedir(),
                "check again with 'mvn alembic:check -Dalembic.conflicts=fail' ('mvn alembic:conflicts' lists each"
                        + " line's operations)");
    }

    /** The listing of {@code alembic:conflicts}: per fork, each line's operations and the findings. */
    public List<String> conflictListing() {
        return ConflictMessage.listing(conflicts, analysis.basedir());
    }

    /** The report file, or {@code null} when none was written (no configuration, or none requested). */
    public Path reportFile() {
        return analysis.configured() ? reportFile : null;
    }

    /** The first I/O error that prevented writing a report (JSON, JUnit or SARIF), or {@code null}. */
    public IOException reportError() {
        return reportErrors.isEmpty() ? null : reportErrors.values().iterator().next();
    }

    /**
     * Everything an adapter logs as a warning, formatted: a report that could not be written, then every warning
     * (config, discovery, files, graph) with its path relative to the project directory.
     */
    public List<String> warningLines() {
        List<String> out = new ArrayList<>();
        reportErrors.forEach((file, e) -> out.add(reportNotWritten(file, e)));
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
            if (suppressed instanceof ReportWriteException w) {
                out.add(reportNotWritten(w.file(), (IOException) w.getCause()));
            } else if (suppressed instanceof IOException io) {
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
