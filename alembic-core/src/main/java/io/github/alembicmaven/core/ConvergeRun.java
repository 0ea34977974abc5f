package io.github.alembicmaven.core;

import io.github.alembicmaven.core.config.AlembicSettings;
import io.github.alembicmaven.core.conflict.ConflictAnalysis;
import io.github.alembicmaven.core.conflict.ConflictAnalyzer;
import io.github.alembicmaven.core.conflict.ConflictMessage;
import io.github.alembicmaven.core.check.HeadPolicy;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.git.BaseComparison;
import io.github.alembicmaven.core.git.BaseFailureMessage;
import io.github.alembicmaven.core.git.BaseRefReader;
import io.github.alembicmaven.core.git.BaseSnapshot;
import io.github.alembicmaven.core.merge.MergePlanLine;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.merge.ConvergePlanner;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions;
import io.github.alembicmaven.core.merge.MergeFile;
import io.github.alembicmaven.core.merge.MergePlan;
import io.github.alembicmaven.core.merge.MergeWriter;
import io.github.alembicmaven.core.merge.PlannedMerge;
import io.github.alembicmaven.core.merge.ScriptTemplate;
import io.github.alembicmaven.core.merge.ScriptTemplateUnsupportedException;
import io.github.alembicmaven.core.merge.VerifyCommand;
import io.github.alembicmaven.core.report.ConvergeSection;
import io.github.alembicmaven.core.report.JsonReport;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One execution of {@code alembic:converge}, the same for every adapter: analyse the tree, plan the merge revisions
 * ({@link ConvergePlanner}), render them exactly as {@code alembic merge} would ({@link MergeFile}), then either show
 * them ({@code dryRun}) or write them all-or-nothing ({@link MergeWriter}), read them back, and run the optional
 * {@code verifyCommand}; any failure after writing removes every file the run created.
 *
 * <p>Existing files are never modified or deleted. Dates never come from the wall clock, and a naive create date's
 * {@code %(epoch)s} file-name token is computed as UTC (Alembic uses the local time zone there), so the same tree
 * gives byte-identical files on any machine, at any time, in any time zone.
 */
public final class ConvergeRun {
    /** The goal name written into the report. */
    public static final String GOAL = "converge";

    /** How the run ended. */
    public enum Status {
        /** No Alembic configuration: nothing to do. */
        NOT_CONFIGURED,
        /** Every line of history already has one head (or nothing was selected): nothing written. */
        CONVERGED,
        /** {@code dryRun}: {@link #files()} shows what a real run would write; nothing written. */
        DRY_RUN,
        /** {@link #files()} were written and passed every check. */
        WRITTEN,
        /** The history has integrity errors (or the plan failed its own check): nothing written. */
        REFUSED,
        /** A file could not be written: nothing left behind. */
        WRITE_FAILED,
        /** The written files did not read back as planned, or {@code verifyCommand} failed: they were removed. */
        VERIFY_FAILED
    }

    /**
     * One planned revision, rendered.
     *
     * @param merge what was planned
     * @param file the absolute path of the new file
     * @param rendered name, text and bytes
     * @param template the template used: the project's {@code script.py.mako} (relative path) or
     *     {@code built-in script.py.mako}
     */
    public record RenderedMerge(PlannedMerge merge, Path file, MergeFile rendered, String template) {}

    private final GoalRun analysisRun;
    private final GoalParameters common;
    private final ConvergeParameters parameters;
    private final MergePlan plan;
    private final Status status;
    private final List<RenderedMerge> files;
    private final List<String> warnings;
    private final String failureMessage;
    private final VerifyCommand.Result verifyResult;
    /** The tree as read back after writing, for the report; {@code null} unless written. */
    private Analysis written;
    /** The schema-conflict analysis of each line the plan merges. */
    private List<ConflictAnalysis> conflicts = List.of();
    /** The comparison with {@code alembic.baseRef}, or {@code null}. */
    private BaseComparison base;

    private ConvergeRun(GoalRun analysisRun, GoalParameters common, ConvergeParameters parameters, MergePlan plan,
            Status status,
            List<RenderedMerge> files, List<String> warnings, String failureMessage,
            VerifyCommand.Result verifyResult) {
        this.analysisRun = analysisRun;
        this.common = common;
        this.parameters = parameters;
        this.plan = plan;
        this.status = status;
        this.files = List.copyOf(files);
        this.warnings = new ArrayList<>(warnings);
        this.failureMessage = failureMessage;
        this.verifyResult = verifyResult;
    }

    /**
     * Converges the tree (or shows what it would write).
     *
     * @param common the common parameters ({@code independentBranches} splits the lines of history)
     * @param parameters converge's own options
     * @param basedir the project directory
     * @param reportFile where {@code alembic-report.json} goes, or {@code null}
     * @throws AlembicConfigException on misconfiguration or invalid options (nothing is written)
     */
    public static ConvergeRun converge(
            GoalParameters common, ConvergeParameters parameters, Path basedir, Path reportFile)
            throws AlembicConfigException {
        ConvergeRun run = execute(common, parameters, basedir, reportFile);
        if (reportFile != null && run.status != Status.NOT_CONFIGURED) {
            try {
                Analysis reported = run.written != null ? run.written : run.analysisRun.analysis();
                JsonReport.write(GOAL, reported, null, List.of(), run.reportSection(), run.conflicts, false, run.base,
                        reportFile);
            } catch (IOException e) {
                run.warnings.add(0, "Could not write the Alembic report " + reportFile + ": " + e);
            }
        }
        return run;
    }

    private static ConvergeRun execute(
            GoalParameters common, ConvergeParameters parameters, Path basedir, Path reportFile)
            throws AlembicConfigException {
        AnalysisRequest request = GoalRun.recorded(GOAL, reportFile, () -> common.request(basedir));
        ConvergePlannerOptions options =
                GoalRun.recorded(GOAL, reportFile, () -> parameters.plannerOptions(common, basedir));
        Optional<VerifyCommand> verify = GoalRun.recorded(GOAL, reportFile, parameters::verify);
        GoalRun analysisRun = GoalRun.analyze(GOAL, request, reportFile);
        Analysis analysis = analysisRun.analysis();
        if (!analysis.configured()) {
            return new ConvergeRun(analysisRun, common, parameters, null, Status.NOT_CONFIGURED, List.of(), List.of(), null,
                    null);
        }
        GoalRun.recorded(GOAL, reportFile, () -> checkVersionPath(options, analysis));
        BaseComparison base = null;
        String baseRef = common.baseRefOrNull();
        RevisionMap map = analysis.map();
        List<Diagnostic> diagnostics = analysis.diagnostics();
        ConvergePlannerOptions planned = options;
        if (baseRef != null) {
            BaseSnapshot snapshot = GoalRun.recorded(GOAL, reportFile, () -> BaseRefReader.read(analysis, baseRef));
            BaseComparison comparison = BaseComparison.compare(analysis, snapshot, options.policy());
            List<Diagnostic> blocking = comparison.findings().stream()
                    .filter(d -> d.isError() && d.code() != DiagnosticCode.HEAD_AFTER_MERGE).toList();
            if (!blocking.isEmpty()) {
                return new ConvergeRun(analysisRun, common, parameters, null, Status.REFUSED, List.of(), List.of(),
                        "alembic:converge refused: c" + BaseFailureMessage.render(comparison, blocking,
                                analysis.basedir()).substring(1) + "\nA merge revision cannot repair these; fix them,"
                                + " confirm with 'mvn alembic:check -Dalembic.baseRef=" + baseRef + "', then run '"
                                + commandLine(common, parameters, false) + "'. Nothing was written.",
                        null).withBase(comparison);
            }
            base = comparison;
            map = comparison.unionMap();
            diagnostics = new ArrayList<>(analysis.diagnostics());
            diagnostics.removeAll(comparison.resolvedByBase());
            if (options.versionPath() == null && !map.heads().isEmpty()) {
                // The planner writes next to the first parent's file; a base-only parent's file is not here yet.
                List<String> heads = new ArrayList<>(map.heads());
                heads.sort(io.github.alembicmaven.core.config.PythonText.CODE_POINT_ORDER);
                Optional<Path> first = comparison.checkoutPath(heads.get(0));
                if (first.isPresent()) {
                    planned = options.withVersionPath(first.get().getParent());
                }
            }
        }
        MergePlan plan = ConvergePlanner.plan(map, diagnostics, planned);
        switch (plan.status()) {
            case CONVERGED:
                return new ConvergeRun(analysisRun, common, parameters, plan, Status.CONVERGED, List.of(), List.of(), null,
                        null).withBase(base);
            case REFUSED:
                if (analysis.hasErrors() || plan.verification() != null) {
                    return new ConvergeRun(analysisRun, common, parameters, plan, Status.REFUSED, List.of(), List.of(),
                            refusal(plan, analysis, common, parameters), null).withBase(base);
                }
                // An option the history does not allow (revId, branchLabel, fromRevision, no create date).
                GoalRun.recorded(GOAL, reportFile, () -> {
                    throw new AlembicConfigException(plan.reason() + optionHint(plan));
                });
                throw new IllegalStateException("unreachable");
            default:
                break;
        }
        List<String> warnings = new ArrayList<>();
        List<ConflictAnalysis> conflicts = conflicts(plan, analysis, map, base);
        boolean conflictErrors = conflicts.stream().anyMatch(ConflictAnalysis::hasErrors);
        if (!parameters.allowConflicts() && conflictErrors && !parameters.dryRun()) {
            warnings.addAll(ConflictMessage.lines(conflicts, analysis.basedir(), Severity.WARNING));
            String block = ConflictMessage.errors(conflicts, analysis.basedir(), "run '"
                    + commandLine(common, parameters, false) + "' again (or write the merge anyway with '"
                    + commandLine(common, parameters, false) + " -Dalembic.allowConflicts')");
            String message = "alembic:converge refused: s" + block.substring(1) + "\nNothing was written.";
            return new ConvergeRun(analysisRun, common, parameters, plan, Status.REFUSED, List.of(), warnings,
                    message, null).withConflicts(conflicts).withBase(base);
        }
        warnings.addAll(ConflictMessage.lines(conflicts, analysis.basedir(), Severity.ERROR, Severity.WARNING));
        if (conflictErrors && !parameters.allowConflicts()) {
            warnings.add("A real run refuses to write this merge because of the schema conflict errors above (write"
                    + " it anyway with '" + commandLine(common, parameters, false) + " -Dalembic.allowConflicts').");
        }
        List<RenderedMerge> rendered =
                GoalRun.recorded(GOAL, reportFile, () -> render(plan, analysis, warnings));
        if (parameters.dryRun()) {
            return new ConvergeRun(analysisRun, common, parameters, plan, Status.DRY_RUN, rendered, warnings, null,
                    null).withConflicts(conflicts).withBase(base);
        }
        List<MergeWriter.Target> targets = new ArrayList<>();
        for (RenderedMerge r : rendered) {
            targets.add(new MergeWriter.Target(r.file(), r.rendered().bytes()));
        }
        MergeWriter.Written written;
        try {
            written = MergeWriter.writeAll(targets);
        } catch (MergeWriter.WriteException e) {
            return new ConvergeRun(analysisRun, common, parameters, plan, Status.WRITE_FAILED, rendered, warnings,
                    writeFailure(e, analysis.basedir(), common, parameters), null).withConflicts(conflicts).withBase(base);
        }
        ReadBack readBack = readBack(request, plan, base, options.policy());
        if (readBack.problem() != null) {
            List<Path> left = written.rollback();
            return new ConvergeRun(analysisRun, common, parameters, plan, Status.VERIFY_FAILED, rendered, warnings,
                    "The new revision files do not read back as planned: " + readBack.problem() + "\n"
                            + removedAgain(rendered, left, analysis.basedir())
                            + " As rendered (template, file_template, output_encoding), Alembic would read them"
                            + " differently, so the merge would not converge the history.\n"
                            + "Check " + templateNames(rendered) + ", or preview the files with '"
                            + commandLine(common, parameters, true) + "'.",
                    null).withConflicts(conflicts).withBase(base);
        }
        if (verify.isPresent()) {
            List<Path> watched = new ArrayList<>();
            if (analysis.settings().scriptLocation() != null) {
                watched.add(analysis.settings().scriptLocation());
            }
            watched.addAll(analysis.settings().versionLocations());
            written.watchBytecode(watched);
            VerifyCommand.Result result;
            try {
                result = verify.get().run(analysis.basedir());
            } catch (IOException e) {
                result = new VerifyCommand.Result(-1, "could not start the command: " + e.getMessage(), false);
            }
            if (!result.passed()) {
                List<Path> left = written.rollback();
                return new ConvergeRun(analysisRun, common, parameters, plan, Status.VERIFY_FAILED, rendered,
                        warnings, verifyFailure(verify.get(), result, rendered, left, analysis.basedir(), common,
                                parameters), result).withConflicts(conflicts).withBase(base);
            }
            return new ConvergeRun(analysisRun, common, parameters, plan, Status.WRITTEN, rendered, warnings, null,
                    result).withWritten(readBack.after()).withConflicts(conflicts).withBase(readBack.base());
        }
        return new ConvergeRun(analysisRun, common, parameters, plan, Status.WRITTEN, rendered, warnings, null, null)
                .withWritten(readBack.after()).withConflicts(conflicts).withBase(readBack.base());
    }

    private ConvergeRun withBase(BaseComparison value) {
        this.base = value;
        return this;
    }

    /** The comparison with {@code alembic.baseRef}, or {@code null}. */
    public BaseComparison base() {
        return base;
    }

    private ConvergeRun withConflicts(List<ConflictAnalysis> value) {
        this.conflicts = List.copyOf(value);
        return this;
    }

    /** Compares the operations of the lines each planned merge joins (the selected heads of each merged line). */
    private static List<ConflictAnalysis> conflicts(
            MergePlan plan, Analysis analysis, RevisionMap map, BaseComparison base) {
        ConflictAnalyzer analyzer = new ConflictAnalyzer(analysis.request().constants());
        if (base != null) {
            analyzer = analyzer.withSource(p -> base.base().content(p));
        }
        List<ConflictAnalysis> out = new ArrayList<>();
        for (MergePlanLine line : plan.lines()) {
            if (line.merged()) {
                out.add(analyzer.analyze(map, line.selected()));
            }
        }
        return out;
    }

    /** The schema-conflict analysis of each line the plan merges (empty when nothing was planned). */
    public List<ConflictAnalysis> conflicts() {
        return conflicts;
    }

    private ConvergeRun withWritten(Analysis after) {
        this.written = after;
        return this;
    }

    /** Alembic's rule for {@code --version-path}: it must be one of the version locations. */
    private static Void checkVersionPath(ConvergePlannerOptions options, Analysis analysis)
            throws AlembicConfigException {
        Path vp = options.versionPath();
        if (vp == null) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        for (Path loc : analysis.settings().versionLocations()) {
            Path l = loc.toAbsolutePath().normalize();
            if (l.equals(vp) || (analysis.settings().recursiveVersionLocations() && vp.startsWith(l))) {
                return null;
            }
            shown.add(ProjectPaths.relative(analysis.basedir(), l));
        }
        throw new AlembicConfigException("alembic.versionPath " + ProjectPaths.relative(analysis.basedir(), vp)
                + " is not one of the version locations (" + String.join(", ", shown) + "); Alembic would fail with"
                + " 'Path " + vp + " is not represented in current version locations'. Name one of them.");
    }

    private static String optionHint(MergePlan plan) {
        return plan.notes().isEmpty() ? "" : " (" + String.join("; ", plan.notes()) + ")";
    }

    /** Renders every planned revision with the project's template, or the built-in one with a warning. */
    private static List<RenderedMerge> render(MergePlan plan, Analysis analysis, List<String> warnings)
            throws AlembicConfigException {
        AlembicSettings settings = analysis.settings();
        Path basedir = analysis.basedir();
        ScriptTemplate template = null;
        String templateName = null;
        Path mako = settings.scriptLocation() == null ? null : settings.scriptLocation().resolve("script.py.mako");
        if (mako == null || !Files.isRegularFile(mako)) {
            warnings.add((mako == null ? "No script_location" : "No " + ProjectPaths.relative(basedir, mako))
                    + ": the merge revisions are rendered with the built-in template (Alembic's generic"
                    + " script.py.mako).");
        } else {
            templateName = ProjectPaths.relative(basedir, mako);
            try {
                template = ScriptTemplate.parse(Files.readAllBytes(mako), templateName);
            } catch (IOException e) {
                throw new AlembicConfigException("Cannot read " + templateName + ": " + e.getMessage());
            } catch (ScriptTemplateUnsupportedException e) {
                warnings.add(fallbackWarning(e));
                template = null;
            }
        }
        MergeFile.Options fileOptions;
        try {
            fileOptions = MergeFile.Options.of(settings, settings.mainOptions(), ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new AlembicConfigException(configWhere(settings) + ": " + e.getMessage());
        }
        List<RenderedMerge> out = new ArrayList<>();
        for (PlannedMerge m : plan.merges()) {
            MergeFile.Spec spec =
                    new MergeFile.Spec(m.id(), m.parents(), m.branchLabel(), m.message(), m.createDate());
            MergeFile file = null;
            String used = templateName;
            if (template != null) {
                try {
                    file = MergeFile.render(template, spec, fileOptions);
                } catch (ScriptTemplateUnsupportedException e) {
                    warnings.add(fallbackWarning(e));
                    template = null;
                } catch (IllegalArgumentException e) {
                    throw new AlembicConfigException(configWhere(settings) + ": " + e.getMessage());
                }
            }
            if (file == null) {
                used = "built-in script.py.mako";
                try {
                    file = MergeFile.render(ScriptTemplate.builtIn(), spec, fileOptions);
                } catch (ScriptTemplateUnsupportedException e) {
                    throw new IllegalStateException("the built-in template must render", e);
                } catch (IllegalArgumentException e) {
                    throw new AlembicConfigException(configWhere(settings) + ": " + e.getMessage());
                }
            }
            Path dir = m.versionDirectory().toAbsolutePath().normalize();
            Path target = dir.resolve(file.fileName()).normalize();
            if (!target.startsWith(dir) || target.equals(dir)) {
                throw new AlembicConfigException(configWhere(settings) + ": file_template gives '" + file.fileName()
                        + "', which is not a file inside " + ProjectPaths.relative(basedir, dir) + ".");
            }
            if (!target.getParent().equals(dir) && !settings.recursiveVersionLocations()) {
                throw new AlembicConfigException(configWhere(settings) + ": file_template gives '" + file.fileName()
                        + "', a file in a sub-directory of " + ProjectPaths.relative(basedir, dir) + ", which Alembic"
                        + " reads only with recursive_version_locations = true (Alembic >= 1.10): the merge revision"
                        + " would be invisible. Set recursive_version_locations = true, or drop the '/' from"
                        + " file_template.");
            }
            out.add(new RenderedMerge(m, target, file, used));
        }
        return out;
    }

    private static String fallbackWarning(ScriptTemplateUnsupportedException e) {
        String where = e.source() + (e.line() > 0 ? ":" + e.line() : "");
        String construct = e.construct() == null || e.construct().isEmpty() ? "" : " '" + e.construct() + "'";
        return where + ":" + construct + (construct.isEmpty() ? " " : " - ") + e.reason() + "." + BUILT_IN_FALLBACK;
    }

    /** The second half of every template fallback warning. */
    static final String BUILT_IN_FALLBACK = " The merge revisions are rendered with the built-in template (Alembic's"
            + " generic script.py.mako) instead; review them, or keep script.py.mako to the constructs of Alembic's"
            + " stock templates.";

    private static String configWhere(AlembicSettings settings) {
        return settings.configFiles().isEmpty() ? "configuration" : settings.configFiles().get(0).toString();
    }

    /**
     * The tree read back after writing, what is not as planned ({@code null} when all is), and with a base ref the
     * comparison of the tree as written (the merge result the report describes), else {@code null}.
     */
    private record ReadBack(Analysis after, String problem, BaseComparison base) {}

    /** Reads the tree again and checks that every planned revision is there, as planned, and the heads as proven. */
    private static ReadBack readBack(AnalysisRequest request, MergePlan plan, BaseComparison base, HeadPolicy policy) {
        Analysis after;
        try {
            after = AlembicAnalyzer.analyze(request);
        } catch (AlembicConfigException e) {
            return new ReadBack(null, e.getMessage(), base);
        }
        BaseComparison again = base;
        List<String> problems = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>(after.diagnostics());
        RevisionMap map = after.map();
        if (base != null && map != null) {
            // with a base ref the merge names base-only parents: read it back as part of the merge result
            again = BaseComparison.compare(after, base.base(), policy);
            errors.removeAll(again.resolvedByBase());
            map = again.unionMap();
        }
        errors.stream().filter(Diagnostic::isError).forEach(d -> problems.add(d.format(after.basedir())));
        if (map != null && problems.isEmpty()) {
            for (PlannedMerge m : plan.merges()) {
                Optional<Revision> r = map.get(m.id());
                if (r.isEmpty()) {
                    problems.add("revision " + m.id() + " is not found");
                    continue;
                }
                List<String> down = r.get().script().downRevisions();
                if (!new LinkedHashSet<>(down).equals(new LinkedHashSet<>(m.parents()))) {
                    problems.add("revision " + m.id() + " has down_revision " + down + ", planned " + m.parents());
                }
                Set<String> labels = new HashSet<>(r.get().script().branchLabels());
                Set<String> planned = m.branchLabel() == null ? Set.of() : Set.of(m.branchLabel());
                if (!labels.equals(planned)) {
                    problems.add("revision " + m.id() + " has branch_labels " + labels + ", planned " + planned);
                }
            }
            if (problems.isEmpty() && plan.verification() != null
                    && !new HashSet<>(map.heads()).equals(new HashSet<>(plan.verification().headsAfter()))) {
                problems.add("the heads are " + map.heads() + ", planned " + plan.verification().headsAfter());
            }
        }
        return new ReadBack(after, problems.isEmpty() ? null : String.join("; ", problems), again);
    }

    private static String refusal(
            MergePlan plan, Analysis analysis, GoalParameters common, ConvergeParameters parameters) {
        StringBuilder sb = new StringBuilder("alembic:converge refused: ").append(plan.reason());
        if (analysis.hasErrors()) {
            // the planner lists these errors with absolute paths; show them relative, as every other message does
            analysis.diagnostics().stream().filter(Diagnostic::isError)
                    .forEach(d -> sb.append("\n  - ").append(d.format(analysis.basedir())));
            sb.append("\nA merge joins the heads of a history that loads; with these errors Alembic cannot load the"
                    + " history at all, and the heads seen now are not the ones a merge has to join. Nothing was"
                    + " written.\nFix the errors above, confirm with 'mvn alembic:check', then run '")
                    .append(commandLine(common, parameters, false)).append("'.");
        } else {
            plan.notes().forEach(n -> sb.append("\n  - ").append(n));
            sb.append("\nThe planned merge would not leave one head per line of history, so nothing was written."
                    + " This is a bug in alembic-maven: please report it with this message.\nMeanwhile merge with"
                    + " Alembic itself: 'alembic merge -m \"merge heads\" heads'.");
        }
        return sb.toString();
    }

    private static String writeFailure(
            MergeWriter.WriteException e, Path basedir, GoalParameters common, ConvergeParameters parameters) {
        Path dir = e.file().getParent();
        StringBuilder sb = new StringBuilder(e.getMessage().replace(e.file().toString(),
                ProjectPaths.relative(basedir, e.file())));
        sb.append("\nConverge writes all merge revisions or none: ");
        if (e.leftBehind().isEmpty()) {
            sb.append("nothing was written, the migration tree is as before.");
        } else {
            sb.append("these paths could not be removed again and must be deleted by hand: ");
            e.leftBehind().forEach(p -> sb.append(ProjectPaths.relative(basedir, p)).append(' '));
        }
        if (e.notWritable()) {
            sb.append("\nMake ").append(ProjectPaths.relative(basedir, dir))
                    .append(" writable (or choose another version location with -Dalembic.versionPath=...), then run '");
        } else {
            sb.append("\nRemove the cause named above, then run '");
        }
        sb.append(commandLine(common, parameters, false)).append("'.");
        return sb.toString();
    }

    private static String removedAgain(List<RenderedMerge> rendered, List<Path> left, Path basedir) {
        List<String> names = new ArrayList<>();
        for (RenderedMerge r : rendered) {
            names.add(ProjectPaths.relative(basedir, r.file()));
        }
        String s = "The new files (" + String.join(", ", names) + ") were removed again";
        if (left.isEmpty()) {
            return s + "; the migration tree is as before.";
        }
        List<String> l = new ArrayList<>();
        left.forEach(p -> l.add(ProjectPaths.relative(basedir, p)));
        return s + ", except " + String.join(", ", l) + ": delete them by hand.";
    }

    private static String templateNames(List<RenderedMerge> rendered) {
        Set<String> names = new LinkedHashSet<>();
        rendered.forEach(r -> names.add(r.template()));
        return String.join(", ", names);
    }

    private static String verifyFailure(VerifyCommand command, VerifyCommand.Result result,
            List<RenderedMerge> rendered, List<Path> left, Path basedir, GoalParameters common,
            ConvergeParameters parameters) {
        StringBuilder sb = new StringBuilder("The verify command ")
                .append(result.timedOut()
                        ? "did not finish within " + command.timeout().toSeconds() + " s"
                        : "failed with exit code " + result.exitCode())
                .append(": ").append(command.command());
        String out = result.output().strip();
        if (!out.isEmpty()) {
            sb.append("\n--- output ---\n").append(out).append("\n--- end of output ---");
        }
        sb.append('\n').append(removedAgain(rendered, left, basedir))
                .append(" A merge that this command rejects would fail the same way at deploy time.\n")
                .append("Fix what the output shows, then run '").append(commandLine(common, parameters, false))
                .append("' (preview the files with '").append(commandLine(common, parameters, true)).append("').");
        return sb.toString();
    }

    /** The command line that repeats this run ({@code dryRun} or not) with the same options. */
    static String commandLine(ConvergeParameters p, boolean dryRun) {
        return commandLine(null, p, dryRun);
    }

    /**
     * The command line that repeats this run with the same options: the common parameters that were given (they may
     * come from the POM, where repeating them is harmless), then converge's own.
     */
    static String commandLine(GoalParameters common, ConvergeParameters p, boolean dryRun) {
        StringBuilder sb = new StringBuilder("mvn alembic:converge");
        if (common != null) {
            option(sb, "config", common.config());
            option(sb, "name", "alembic".equals(common.name()) ? null : common.name());
            option(sb, "scriptLocation", common.scriptLocation());
            option(sb, "versionLocations", common.versionLocations());
            option(sb, "constants", common.constants());
            option(sb, "independentBranches", common.independentBranches());
            option(sb, "baseRef", common.baseRef());
        }
        if (p.message() != null && !ConvergePlannerOptions.DEFAULT_MESSAGE.equals(p.message())) {
            appendOption(sb, "message", p.message());
        }
        option(sb, "branchLabel", p.branchLabel());
        option(sb, "fromRevision", p.fromRevision());
        option(sb, "strategy", "single".equalsIgnoreCase(String.valueOf(p.strategy()).strip()) ? null : p.strategy());
        option(sb, "revId", p.revId());
        option(sb, "versionPath", p.versionPath());
        option(sb, "verifyCommand", dryRun ? null : p.verifyCommand());
        option(sb, "verifyTimeout", dryRun || p.verifyCommand() == null || p.verifyCommand().isBlank()
                || String.valueOf(VerifyCommand.DEFAULT_TIMEOUT.toSeconds()).equals(p.verifyTimeout())
                ? null : p.verifyTimeout());
        if (p.allowConflicts()) {
            sb.append(" -Dalembic.allowConflicts");
        }
        if (dryRun) {
            sb.append(" -Dalembic.dryRun");
        }
        return sb.toString();
    }

    private static void option(StringBuilder sb, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        appendOption(sb, name, value);
    }

    private static void appendOption(StringBuilder sb, String name, String value) {
        sb.append(" -Dalembic.").append(name).append('=');
        if (value.matches("[A-Za-z0-9_./:,@+-]+")) {
            sb.append(value);
        } else {
            // inside double quotes POSIX sh still interprets \ " $ and `
            sb.append('"').append(value.replaceAll("([\\\\\"$`])", "\\\\$1")).append('"');
        }
    }

    /** The {@code converge} object of the report. */
    ConvergeSection reportSection() {
        Path base = analysisRun.analysis().basedir();
        List<ConvergeSection.File> out = new ArrayList<>();
        for (RenderedMerge r : files) {
            PlannedMerge m = r.merge();
            out.add(new ConvergeSection.File(ProjectPaths.relative(base, r.file()), m.id(), m.parents(),
                    m.branchLabel(), m.kind().name().toLowerCase(Locale.ROOT), r.template(),
                    HexFormat.of().formatHex(sha256(r.rendered().bytes()))));
        }
        return new ConvergeSection(status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                plan == null ? null : plan.reason(), plan == null ? List.of() : plan.notes(), out, failureMessage);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public Status status() {
        return status;
    }

    /** The analysis run (summary, warnings, report). */
    public GoalRun analysisRun() {
        return analysisRun;
    }

    /** The plan, or {@code null} when not configured. */
    public MergePlan plan() {
        return plan;
    }

    /** The rendered revisions: shown ({@link Status#DRY_RUN}), written ({@link Status#WRITTEN}) or attempted. */
    public List<RenderedMerge> files() {
        return files;
    }

    /** Whether the goal must fail. */
    public boolean failed() {
        return status == Status.REFUSED || status == Status.WRITE_FAILED || status == Status.VERIFY_FAILED;
    }

    /** The three-part failure message, or {@code null} when the run did not fail. */
    public String failureMessage() {
        return failureMessage;
    }

    /** The verify command's result, or {@code null} when none ran. */
    public VerifyCommand.Result verifyResult() {
        return verifyResult;
    }

    /** Every warning to log: the analysis's (report, config, files), then template fallbacks. */
    public List<String> warningLines() {
        List<String> out = new ArrayList<>(analysisRun.warningLines());
        out.addAll(warnings);
        return out;
    }

    /**
     * Every info line to log, in order: the plan's reason and notes, then per file either the full content
     * ({@code dryRun}) or one "Created" line, then the verify command's result.
     */
    public List<String> infoLines() {
        List<String> out = new ArrayList<>();
        if (status == Status.NOT_CONFIGURED) {
            out.add(analysisRun.summary());
            return out;
        }
        if (plan == null || failed() && status == Status.REFUSED) {
            return out;
        }
        Path base = analysisRun.analysis().basedir();
        out.add(plan.reason());
        plan.notes().forEach(out::add);
        if (status == Status.DRY_RUN) {
            out.add("Dry run: nothing is written. A real run ('" + commandLine(common, parameters, false)
                    + "') writes " + (files.size() == 1 ? "this file" : "these " + files.size() + " files") + ":");
            for (RenderedMerge r : files) {
                out.add("");
                out.add("--- " + ProjectPaths.relative(base, r.file()) + " (" + r.rendered().bytes().length
                        + " bytes, revision " + r.merge().id() + ", template " + r.template() + ") ---");
                String content = r.rendered().content();
                if (content.endsWith("\n")) {
                    content = content.substring(0, content.length() - 1);
                }
                for (String line : content.split("\n", -1)) {
                    out.add(line);
                }
                out.add("--- end of " + ProjectPaths.relative(base, r.file()) + " ---");
            }
        } else if (status == Status.WRITTEN) {
            for (RenderedMerge r : files) {
                out.add("Created " + ProjectPaths.relative(base, r.file()) + " (revision " + r.merge().id() + ", "
                        + (r.merge().kind() == PlannedMerge.Kind.BRIDGE ? "bridge over " : "merge of ")
                        + String.join(", ", r.merge().parents()) + ")");
            }
            if (verifyResult != null) {
                out.add("Verify command passed: " + parameters.verifyCommand().strip());
            }
            if (this.base != null) {
                Set<String> fromBase = new LinkedHashSet<>();
                for (RenderedMerge r : files) {
                    r.merge().parents().stream().filter(this.base.baseOnly()::contains).forEach(fromBase::add);
                }
                if (!fromBase.isEmpty()) {
                    String ref = this.base.ref();
                    out.add("The merge names " + String.join(", ", fromBase) + ", which only " + ref + " has: this"
                            + " branch's own history loads once " + ref + " is merged into it (git merge " + ref
                            + "); until then check it with 'mvn alembic:check -Dalembic.baseRef=" + ref + "'.");
                }
            }
        }
        return out;
    }
}
