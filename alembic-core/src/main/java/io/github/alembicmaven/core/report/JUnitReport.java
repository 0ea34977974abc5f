package io.github.alembicmaven.core.report;

import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.check.CheckResult;
import io.github.alembicmaven.core.conflict.ConflictAnalysis;
import io.github.alembicmaven.core.conflict.ConflictMessage;
import io.github.alembicmaven.core.conflict.ConflictPolicy;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.git.BaseComparison;
import io.github.alembicmaven.core.git.BaseFailureMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code alembic-junit.xml}: the verdicts of {@code alembic:check} and of the enforcer rule in the JUnit XML
 * format of Surefire and Ant, which CI servers show as test results.
 *
 * <p>One {@code <testsuite name="alembic">} with one {@code <testcase classname="alembic.<goal>">} per check:
 *
 * <ul>
 *   <li>{@code integrity}: fails on any integrity error (a missing parent, a duplicate id, an unreadable file...);
 *   <li>{@code head policy}: fails when a line of history has more heads than allowed; skipped when the history does
 *       not load (the check judges heads only once the integrity errors are fixed);
 *   <li>{@code schema conflicts}, unless {@code alembic.conflicts=ignore}: fails only under
 *       {@code alembic.conflicts=fail}; skipped when the history does not load (the lines cannot be compared);
 *   <li>{@code base ref <ref>}, when {@code alembic.baseRef} is set: fails on any finding against the base.
 * </ul>
 *
 * <p>A failure's {@code message} is the first line of the build's failure text, its {@code type} the code of the first
 * finding ({@code multiple-heads}, {@code missing-parent}...), its body the full text the build prints. Warnings of a
 * check go to its {@code <system-out>}. No time stamps or durations are written, so the same tree gives the same
 * bytes. Written through a temporary file like {@link JsonReport}.
 */
public final class JUnitReport {
    /** Default file name, written next to {@code alembic-report.json}. */
    public static final String FILE_NAME = "alembic-junit.xml";

    /** The suite name. */
    public static final String SUITE = "alembic";

    private JUnitReport() {}

    /** One test case: a failure ({@code failureType} set), a skip ({@code skipped} set), or a pass. */
    record Case(String name, String failureType, String failureText, String skipped, List<String> out) {
        static Case passed(String name, List<String> out) {
            return new Case(name, null, null, null, out);
        }

        static Case failed(String name, String type, String text, List<String> out) {
            return new Case(name, type, text, null, out);
        }

        static Case skipped(String name, String why) {
            return new Case(name, null, null, why, List.of());
        }
    }

    /**
     * Writes the results of a check run ({@code alembic:check}, {@code requireSingleAlembicHead}).
     *
     * @param run a configured run that checked ({@link GoalRun#check()} is not {@code null})
     * @param file where to write; parent directories are created
     */
    public static void write(GoalRun run, Path file) throws IOException {
        write(run.goal(), cases(run), file);
    }

    /**
     * Writes the results of a run that stopped on its configuration: one failed {@code configuration} case.
     *
     * @param goal the goal or rule
     * @param message the configuration error
     * @param file where to write
     */
    public static void writeConfigurationError(String goal, String message, Path file) throws IOException {
        write(goal, List.of(Case.failed("configuration", DiagnosticCode.CONFIGURATION_ERROR.id(), message, List.of())),
                file);
    }

    static List<Case> cases(GoalRun run) {
        CheckResult check = run.check();
        if (check == null) {
            throw new IllegalArgumentException("the run did not check: no JUnit report to write");
        }
        Path basedir = run.analysis().basedir();
        List<Case> cases = new ArrayList<>();
        List<Diagnostic> integrity = check.errors().stream()
                .filter(d -> d.code() != DiagnosticCode.MULTIPLE_HEADS).toList();
        List<Diagnostic> heads = check.errors().stream()
                .filter(d -> d.code() == DiagnosticCode.MULTIPLE_HEADS).toList();
        List<String> warnings = check.warnings().stream().map(d -> d.format(basedir)).toList();
        cases.add(integrity.isEmpty() ? Case.passed("integrity", warnings)
                : Case.failed("integrity", integrity.get(0).code().id(), check.failureMessage(), warnings));
        if (!integrity.isEmpty()) {
            cases.add(Case.skipped("head policy", "not checked: the number of heads is checked once the history"
                    + " loads"));
        } else if (heads.isEmpty()) {
            cases.add(Case.passed("head policy", List.of()));
        } else {
            cases.add(Case.failed("head policy", DiagnosticCode.MULTIPLE_HEADS.id(), check.failureMessage(),
                    List.of()));
        }
        if (run.conflictPolicy() != ConflictPolicy.IGNORE) {
            cases.add(conflicts(run, basedir));
        }
        BaseComparison base = run.base();
        if (base != null) {
            String name = "base ref " + base.ref();
            List<String> baseWarnings = base.findings().stream().filter(d -> d.severity() == Severity.WARNING)
                    .map(d -> d.format(basedir)).toList();
            List<Diagnostic> errors = base.findings().stream().filter(Diagnostic::isError).toList();
            cases.add(errors.isEmpty() ? Case.passed(name, baseWarnings)
                    : Case.failed(name, errors.get(0).code().id(), BaseFailureMessage.render(base, basedir),
                            baseWarnings));
        }
        return cases;
    }

    private static Case conflicts(GoalRun run, Path basedir) {
        String name = "schema conflicts";
        if (run.analysis().hasErrors()) {
            return Case.skipped(name, "not checked: the lines of history are compared once the history loads");
        }
        List<ConflictAnalysis> forks = run.conflicts();
        List<String> out = new ArrayList<>(run.conflictsFailed()
                ? ConflictMessage.lines(forks, basedir, Severity.WARNING)
                : ConflictMessage.lines(forks, basedir, Severity.ERROR, Severity.WARNING));
        for (ConflictAnalysis fork : forks) {
            fork.diagnostics().forEach(d -> out.add("Schema conflicts not fully checked: " + d.format(basedir)));
        }
        return run.conflictsFailed()
                ? Case.failed(name, DiagnosticCode.SCHEMA_CONFLICT.id(), run.conflictFailureMessage(), out)
                : Case.passed(name, out);
    }

    // --- writing ---------------------------------------------------------------------------------------------------

    private static void write(String goal, List<Case> cases, Path file) throws IOException {
        byte[] bytes = xml(goal, cases).getBytes(StandardCharsets.UTF_8);
        ReportFiles.write(file, out -> out.write(bytes));
    }

    static String xml(String goal, List<Case> cases) {
        long failures = cases.stream().filter(c -> c.failureType() != null).count();
        long skipped = cases.stream().filter(c -> c.skipped() != null).count();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(SUITE).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\">\n");
        String classname = attribute("alembic." + goal);
        for (Case c : cases) {
            x.append("  <testcase classname=\"").append(classname).append("\" name=\"").append(attribute(c.name()))
                    .append('"');
            if (c.failureType() == null && c.skipped() == null && c.out().isEmpty()) {
                x.append("/>\n");
                continue;
            }
            x.append(">\n");
            if (c.failureType() != null) {
                x.append("    <failure message=\"").append(attribute(firstLine(c.failureText()))).append("\" type=\"")
                        .append(attribute(c.failureType())).append("\">").append(text(c.failureText()))
                        .append("</failure>\n");
            }
            if (c.skipped() != null) {
                x.append("    <skipped message=\"").append(attribute(c.skipped())).append("\"/>\n");
            }
            if (!c.out().isEmpty()) {
                x.append("    <system-out>").append(text(c.out().stream().collect(Collectors.joining("\n", "", "\n"))))
                        .append("</system-out>\n");
            }
            x.append("  </testcase>\n");
        }
        x.append("</testsuite>\n");
        return x.toString();
    }

    private static String firstLine(String text) {
        int i = text.indexOf('\n');
        return i < 0 ? text : text.substring(0, i);
    }

    /** Element content: {@code & < >} escaped, characters XML 1.0 cannot hold replaced by U+FFFD. */
    private static String text(String s) {
        return escape(s, false);
    }

    /** Attribute value: also {@code "}, and tab, CR and LF as character references (a parser keeps them). */
    private static String attribute(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                default -> {
                    boolean legal = cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                            || cp >= 0x10000 && cp <= 0x10FFFF;
                    if (legal) {
                        b.appendCodePoint(cp);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }
}
