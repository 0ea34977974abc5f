package io.github.alembicmaven.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.check.CheckResult;
import io.github.alembicmaven.core.check.HeadLine;
import io.github.alembicmaven.core.conflict.ConflictAnalysis;
import io.github.alembicmaven.core.conflict.ConflictFinding;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.git.BaseComparison;
import io.github.alembicmaven.core.git.BaseFile;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.SchemaOperation;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code alembic.sarif}: the findings of {@code alembic:check} and of the enforcer rule as a SARIF 2.1.0 log, the
 * format that code-scanning services (GitHub code scanning among them) turn into pull-request annotations.
 *
 * <h2>Layout</h2>
 *
 * <ul>
 *   <li>One run; {@code tool.driver} is {@code alembic-maven} with one rule per {@link DiagnosticCode} (id = the code's
 *       {@link DiagnosticCode#id() id}, in declaration order, so a rule's index never depends on the findings).
 *   <li>One result per finding the check judged: the integrity errors and warnings of the tree (an error that merging
 *       the base ref resolves is left out, as the check leaves it out), informational findings as {@code note}, one
 *       {@code multiple-heads} result per head of a line with too many heads (located at that head's
 *       {@code down_revision}, the other heads as related locations), each schema-conflict finding (located at one
 *       operation, the other line's operation as a related location; {@code error} only under
 *       {@code alembic.conflicts=fail}, since only then does it fail the build, else {@code warning}), problems reading
 *       a file for the conflict analysis, and the findings against {@code alembic.baseRef}. The message is the
 *       diagnostic's sentence followed by {@code Fix: ...}.
 *   <li>Locations are relative URIs with {@code uriBaseId} {@code %SRCROOT%}: the root of the git work tree that holds
 *       the project (the directory with {@code .git}), or the project directory when there is none. Code scanning
 *       resolves relative URIs against the repository root, so a module in a subdirectory is annotated at the right
 *       file. A file outside that root gets an absolute {@code file:} URI. A file that exists only at the base ref
 *       ({@code origin/main:migrations/...}) is located where it would be in the working tree, without a line.
 *   <li>Every result has a location (code scanning rejects a whole log with one result that has none): a finding
 *       about the tree as a whole is located at the Alembic config file ({@code alembic.ini}/{@code pyproject.toml}).
 *       Only when there is none either does a result go without.
 * </ul>
 *
 * <p>The output is deterministic (no time stamps, no absolute paths for files in the project): the same tree gives the
 * same bytes. Written through a temporary file like {@link JsonReport}.
 */
public final class SarifReport {
    /** Default file name, written next to {@code alembic-report.json}. */
    public static final String FILE_NAME = "alembic.sarif";

    /** The {@code $schema} written: the OASIS SARIF 2.1.0 schema. */
    public static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

    /** The tool's home page. */
    public static final String INFORMATION_URI = "https://github.com/alembicmaven/alembic-maven";

    /** The base id of every relative location. */
    public static final String SRCROOT = "%SRCROOT%";

    private static final JsonFactory FACTORY = new JsonFactory();

    private SarifReport() {}

    /**
     * Writes the log of a check run ({@code alembic:check}, {@code requireSingleAlembicHead}).
     *
     * @param run a configured run that checked ({@link GoalRun#check()} is not {@code null})
     * @param file where to write; parent directories are created
     */
    public static void write(GoalRun run, Path file) throws IOException {
        List<Result> results = new Collector(run).collect();
        writeLog(results, file);
    }

    /**
     * Writes the log of a run that stopped on its configuration: one {@code configuration-error} result.
     *
     * @param basedir the project directory
     * @param message the configuration error
     * @param file where to write
     */
    public static void writeConfigurationError(Path basedir, String message, Path file) throws IOException {
        Locator locator = new Locator(basedir, null);
        Path pom = basedir.resolve("pom.xml");
        Optional<Location> at = Files.isRegularFile(pom) ? Optional.of(locator.at(pom, 0)) : Optional.empty();
        List<Result> results = List.of(new Result(DiagnosticCode.CONFIGURATION_ERROR, "error", message, at, List.of(),
                null));
        writeLog(results, file);
    }

    /**
     * The directory that {@code %SRCROOT%} stands for: the nearest directory at or above {@code basedir} with a
     * {@code .git} entry (a directory, or a file in a linked work tree or submodule), else {@code basedir}.
     */
    public static Path sourceRoot(Path basedir) {
        Path start = basedir.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return start;
    }

    // --- model -----------------------------------------------------------------------------------------------------

    /** A file location: a URI relative to {@code %SRCROOT%} (or absolute) and a 1-based line, 0 for none. */
    record Location(String uri, boolean relative, int line, String message) {
        Location withMessage(String text) {
            return new Location(uri, relative, line, text);
        }
    }

    /** One result. */
    record Result(DiagnosticCode code, String level, String text, Optional<Location> location, List<Location> related,
            String conflictRule) {}

    /** Turns paths into locations relative to the source root. */
    static final class Locator {
        private final Path root;
        private final BaseComparison base;

        Locator(Path basedir, BaseComparison base) {
            this.root = sourceRoot(basedir);
            this.base = base;
        }

        /**
         * The location of a diagnostic's file: a working-tree file with its line, a base file ({@code <ref>:<path>},
         * a relative path) where it is or would be in the working tree, without a line.
         */
        Optional<Location> of(Path path, int line) {
            if (path == null) {
                return Optional.empty();
            }
            if (!path.isAbsolute()) {
                return base == null ? Optional.empty()
                        : base.base().file(path).map(BaseFile::checkoutPath).map(p -> at(p, 0));
            }
            return Optional.of(at(path, line));
        }

        Location at(Path file, int line) {
            Path p = file.toAbsolutePath().normalize();
            if (p.startsWith(root)) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                try {
                    // percent-encodes spaces, '%' and non-ASCII characters: a valid URI reference
                    return new Location(new URI(null, null, rel, null).toASCIIString(), true, Math.max(line, 0), null);
                } catch (URISyntaxException e) {
                    // a relative path with a ':' before any '/' cannot be written as a relative URI: fall through
                }
            }
            return new Location(p.toUri().toASCIIString(), false, Math.max(line, 0), null);
        }
    }

    /** Collects the results of a run, in a fixed order. */
    private static final class Collector {
        private final GoalRun run;
        private final Analysis analysis;
        private final Locator locator;
        private final Optional<Location> fallback;
        private final List<Result> out = new ArrayList<>();

        Collector(GoalRun run) {
            this.run = run;
            this.analysis = run.analysis();
            this.locator = new Locator(analysis.basedir(), run.base());
            List<Path> configs = analysis.settings().configFiles();
            this.fallback = configs.isEmpty() ? Optional.empty() : Optional.of(locator.at(configs.get(0), 0));
        }

        List<Result> collect() {
            CheckResult check = run.check();
            if (check == null) {
                throw new IllegalArgumentException("the run did not check: no SARIF log to write");
            }
            // the tree's own findings, as the check judged them (not the errors that merging the base resolves)
            for (Diagnostic d : analysis.diagnostics()) {
                if (!d.isError() || check.errors().contains(d)) {
                    diagnostic(d);
                }
            }
            Iterator<HeadLine> violated = check.lines().stream().filter(HeadLine::violated).iterator();
            for (Diagnostic d : check.errors()) {
                if (analysis.diagnostics().contains(d)) {
                    continue;
                }
                if (d.code() == DiagnosticCode.MULTIPLE_HEADS && d.path() == null && violated.hasNext()) {
                    multipleHeads(d, violated.next());
                } else {
                    diagnostic(d);
                }
            }
            boolean conflictsFail = run.conflictsFailed();
            Path basedir = analysis.basedir().toAbsolutePath();
            for (ConflictAnalysis fork : run.conflicts()) {
                for (ConflictFinding f : fork.findings()) {
                    conflict(f, basedir, conflictsFail);
                }
                fork.diagnostics().forEach(this::diagnostic);
            }
            if (run.base() != null) {
                run.base().findings().forEach(this::diagnostic);
            }
            return out;
        }

        private void diagnostic(Diagnostic d) {
            Optional<Location> at = locator.of(d.path(), d.line());
            out.add(new Result(d.code(), level(d.severity()), text(d), at.isPresent() ? at : fallback, List.of(),
                    null));
        }

        /** One result per head of the line, at its {@code down_revision}; the other heads are related. */
        private void multipleHeads(Diagnostic d, HeadLine line) {
            List<String> heads = line.heads().stream().distinct().toList();
            for (String head : heads) {
                Optional<Location> at = head(head);
                List<Location> related = new ArrayList<>();
                for (String other : heads) {
                    if (!other.equals(head)) {
                        head(other).ifPresent(l -> related.add(l.withMessage("head " + other)));
                    }
                }
                out.add(new Result(d.code(), level(d.severity()), "Head " + head + ": " + text(d),
                        at.isPresent() ? at : fallback, related, null));
            }
        }

        private Optional<Location> head(String id) {
            Optional<Revision> working = analysis.map().get(id);
            if (working.isPresent()) {
                RevisionScript s = working.get().script();
                return locator.of(s.path(), s.downRevisionLine() > 0 ? s.downRevisionLine() : s.revisionLine());
            }
            return run.base() == null ? Optional.empty() : run.base().checkoutPath(id).map(p -> locator.at(p, 0));
        }

        private void conflict(ConflictFinding f, Path basedir, boolean conflictsFail) {
            Diagnostic d = f.toDiagnostic(basedir);
            String level = f.severity() == Severity.ERROR && !conflictsFail ? "warning" : level(f.severity());
            Optional<Location> at = locator.of(d.path(), d.line());
            List<Location> related = new ArrayList<>();
            locator.of(f.right().file(), f.right().line())
                    .ifPresent(l -> related.add(l.withMessage(describe(f.right(), f.rightHead()))));
            out.add(new Result(d.code(), level, text(d), at.isPresent() ? at : fallback, related, f.rule().id()));
        }

        private static String describe(SchemaOperation op, String head) {
            return op.describe() + " on the line of " + head;
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String text(Diagnostic d) {
        return d.fix() == null || d.fix().isEmpty() ? d.message() : d.message() + " Fix: " + d.fix();
    }

    // --- writing ---------------------------------------------------------------------------------------------------

    private static void writeLog(List<Result> results, Path file) throws IOException {
        ReportFiles.write(file, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                writeLog(g, results);
            }
        });
    }

    private static void writeLog(JsonGenerator g, List<Result> results) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA_URI);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "alembic-maven");
        g.writeStringField("informationUri", INFORMATION_URI);
        g.writeStringField("version", ReportFiles.toolVersion());
        g.writeArrayFieldStart("rules");
        for (DiagnosticCode code : DiagnosticCode.values()) {
            g.writeStartObject();
            g.writeStringField("id", code.id());
            message(g, "shortDescription", RuleText.shortDescription(code));
            message(g, "help", RuleText.help(code));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(SRCROOT);
        message(g, "description", "The root of the git work tree that holds the project (the project directory when"
                + " it is not in one).");
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (Result r : results) {
            result(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Result r) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", r.code().id());
        g.writeNumberField("ruleIndex", r.code().ordinal());
        g.writeStringField("level", r.level());
        message(g, "message", r.text());
        if (r.location().isPresent()) {
            g.writeArrayFieldStart("locations");
            location(g, r.location().get());
            g.writeEndArray();
        }
        if (!r.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Location l : r.related()) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                physical(g, l);
                if (l.message() != null) {
                    message(g, "message", l.message());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.conflictRule() != null) {
            g.writeObjectFieldStart("properties");
            g.writeStringField("conflictRule", r.conflictRule());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        g.writeStartObject();
        physical(g, l);
        g.writeEndObject();
    }

    private static void physical(JsonGenerator g, Location l) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", l.uri());
        if (l.relative()) {
            g.writeStringField("uriBaseId", SRCROOT);
        }
        g.writeEndObject();
        if (l.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", l.line());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }
}
