package io.github.alembicmaven.core.report;

import io.github.alembicmaven.core.ProjectPaths;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.check.CheckResult;
import io.github.alembicmaven.core.check.HeadLine;
import io.github.alembicmaven.core.conflict.BranchLine;
import io.github.alembicmaven.core.git.BaseComparison;
import io.github.alembicmaven.core.conflict.ConflictAnalysis;
import io.github.alembicmaven.core.conflict.ConflictFinding;
import io.github.alembicmaven.core.script.SchemaOperation;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Writes {@code alembic-report.json} (schema documented in the README, version {@value #SCHEMA_VERSION}). Paths are
 * relative to the project basedir with {@code /} separators, so the report is identical on every machine. The file is
 * written to a temporary sibling and moved into place, so readers never see half a report.
 */
public final class JsonReport {
    /** Incremented on incompatible changes of the report layout. */
    public static final int SCHEMA_VERSION = 1;

    /** Default file name. */
    public static final String FILE_NAME = "alembic-report.json";

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {}

    /**
     * Writes the report for {@code analysis}.
     *
     * @param goal the goal or rule that wrote it ({@code heads}, {@code check}, {@code requireSingleAlembicHead})
     * @param analysis the analysis (may be un-configured: then only status and diagnostics are written)
     * @param check the check result, or {@code null} when the goal does not check
     * @param extraDiagnostics diagnostics not in the analysis (e.g. a configuration error), may be empty
     * @param file where to write; parent directories are created
     */
    public static void write(
            String goal, Analysis analysis, CheckResult check, List<Diagnostic> extraDiagnostics, Path file)
            throws IOException {
        write(goal, analysis, check, extraDiagnostics, null, List.of(), false, null, file);
    }

    /**
     * Writes the report of an {@code alembic:converge} run: the analysis plus a {@code converge} object.
     *
     * @param converge what converge decided and wrote, or {@code null}
     * @param conflicts the schema-conflict analyses (one per line of history with several heads), may be empty
     * @param conflictsFailed whether the run failed on {@code conflicts} ({@code alembic.conflicts=fail}): the status is
     *     then {@code failed} even though the check passed
     * @param baseRef the comparison with {@code alembic.baseRef}, or {@code null}
     * @see #write(String, Analysis, CheckResult, List, Path)
     */
    public static void write(String goal, Analysis analysis, CheckResult check, List<Diagnostic> extraDiagnostics,
            ConvergeSection converge, List<ConflictAnalysis> conflicts, boolean conflictsFailed,
            BaseComparison baseRef, Path file) throws IOException {
        ReportFiles.write(file, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                writeReport(g, goal, analysis, check, extraDiagnostics, converge, conflicts, conflictsFailed, baseRef);
            }
        });
    }

    private static void writeReport(JsonGenerator g, String goal, Analysis analysis, CheckResult check,
            List<Diagnostic> extra, ConvergeSection converge, List<ConflictAnalysis> conflicts, boolean conflictsFailed,
            BaseComparison baseRef) throws IOException {
        Path base = analysis == null ? null : analysis.basedir().toAbsolutePath();
        // with a base ref, the working tree's errors that the merge resolves (a parent only the base declares) are none
        List<Diagnostic> resolved = baseRef == null ? List.of() : baseRef.resolvedByBase();
        g.writeStartObject();
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeStringField("goal", goal);
        String status;
        if (analysis == null || !analysis.configured()) {
            status = analysis == null ? "error" : "not-configured";
        } else if (check != null) {
            status = check.passed() ? "passed" : "failed";
        } else {
            status = analysis.diagnostics().stream().anyMatch(d -> d.isError() && !resolved.contains(d))
                    ? "failed" : "passed";
        }
        // converge's own status says whether the base's findings stopped it (the heads after merge are its job)
        if (converge != null && converge.failure() != null || conflictsFailed
                || converge == null && baseRef != null && baseRef.hasErrors()) {
            status = "failed";
        }
        if (!extra.isEmpty() && extra.stream().anyMatch(Diagnostic::isError)) {
            status = "error";
        }
        g.writeStringField("status", status);
        RevisionMap map = analysis == null ? null : analysis.map();
        if (analysis != null && analysis.configured()) {
            g.writeArrayFieldStart("versionLocations");
            for (Path p : analysis.settings().versionLocations()) {
                g.writeString(rel(base, p));
            }
            g.writeEndArray();
        }
        if (map != null) {
            g.writeArrayFieldStart("revisions");
            for (Revision r : map.revisions()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                stringArray(g, "downRevisions", r.downRevisions());
                stringArray(g, "branchLabels", r.branchLabels());
                stringArray(g, "declaredBranchLabels", r.script().branchLabels());
                stringArray(g, "dependsOn", r.dependsOn());
                g.writeStringField("path", rel(base, r.script().path()));
                g.writeStringField("message", r.script().message());
                g.writeEndObject();
            }
            g.writeEndArray();
            stringArray(g, "heads", map.heads());
            stringArray(g, "realHeads", map.realHeads());
            stringArray(g, "effectiveHeads", map.effectiveHeads());
            stringArray(g, "bases", map.bases());
            stringArray(g, "realBases", map.realBases());
            stringArray(g, "branchPoints", map.branchPoints());
            stringArray(g, "mergePoints", map.mergePoints());
        }
        if (check != null) {
            g.writeArrayFieldStart("headLines");
            for (HeadLine line : check.lines()) {
                g.writeStartObject();
                nullableString(g, "branchLabel", line.branchLabel());
                if (line.allowed() == Integer.MAX_VALUE) {
                    g.writeNullField("allowed"); // no limit (alembic:heads judges integrity only)
                } else {
                    g.writeNumberField("allowed", line.allowed());
                }
                stringArray(g, "heads", line.heads());
                stringArray(g, "forkPoints", line.forkPoints());
                g.writeBooleanField("violated", line.violated());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (converge != null) {
            converge(g, converge);
        }
        if (!conflicts.isEmpty()) {
            conflicts(g, base, conflicts);
        }
        if (baseRef != null) {
            baseRef(g, base, baseRef);
        }
        g.writeArrayFieldStart("diagnostics");
        if (analysis != null) {
            for (Diagnostic d : analysis.diagnostics()) {
                if (!resolved.contains(d)) {
                    diagnostic(g, base, d);
                }
            }
        }
        if (check != null) {
            for (Diagnostic d : check.errors()) {
                if (analysis == null || !analysis.diagnostics().contains(d)) {
                    diagnostic(g, base, d);
                }
            }
        }
        for (Diagnostic d : extra) {
            diagnostic(g, base, d);
        }
        // findings are diagnostics too (with their codes), so a tool reading only this array sees them
        for (ConflictAnalysis fork : conflicts) {
            for (ConflictFinding f : fork.findings()) {
                diagnostic(g, base, f.toDiagnostic(base));
            }
        }
        if (baseRef != null) {
            for (Diagnostic d : baseRef.findings()) {
                diagnostic(g, base, d);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void converge(JsonGenerator g, ConvergeSection c) throws IOException {
        g.writeObjectFieldStart("converge");
        g.writeStringField("status", c.status());
        nullableString(g, "reason", c.reason());
        stringArray(g, "notes", c.notes());
        g.writeArrayFieldStart("files");
        for (ConvergeSection.File f : c.files()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeStringField("revision", f.revision());
            stringArray(g, "downRevisions", f.downRevisions());
            nullableString(g, "branchLabel", f.branchLabel());
            g.writeStringField("kind", f.kind());
            g.writeStringField("template", f.template());
            g.writeStringField("sha256", f.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
        nullableString(g, "failure", c.failure());
        g.writeEndObject();
    }

    private static void conflicts(JsonGenerator g, Path base, List<ConflictAnalysis> forks) throws IOException {
        g.writeArrayFieldStart("conflicts");
        for (ConflictAnalysis fork : forks) {
            g.writeStartObject();
            stringArray(g, "heads", fork.heads());
            stringArray(g, "forkPoints", fork.forkPoints());
            g.writeArrayFieldStart("lines");
            for (BranchLine line : fork.lines()) {
                g.writeStartObject();
                g.writeStringField("head", line.head());
                stringArray(g, "revisions", line.revisions());
                g.writeArrayFieldStart("operations");
                for (SchemaOperation op : line.operations()) {
                    operation(g, base, op, null);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (ConflictFinding f : fork.findings()) {
                g.writeStartObject();
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("rule", f.rule().id());
                g.writeStringField("message", f.message());
                g.writeFieldName("left");
                operation(g, base, f.left(), f.leftHead());
                g.writeFieldName("right");
                operation(g, base, f.right(), f.rightHead());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : fork.diagnostics()) {
                diagnostic(g, base, d);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void baseRef(JsonGenerator g, Path base, BaseComparison c) throws IOException {
        g.writeObjectFieldStart("baseRef");
        g.writeStringField("ref", c.ref());
        g.writeStringField("commitId", c.commitId());
        g.writeBooleanField("shallow", c.base().shallow());
        nullableString(g, "mergeBase", c.base().mergeBase().orElse(null));
        stringArray(g, "baseHeads", c.baseHeads());
        stringArray(g, "headsAfterMerge", c.unionHeads());
        stringArray(g, "published", c.published());
        stringArray(g, "added", c.added());
        stringArray(g, "deleted", c.deleted());
        g.writeArrayFieldStart("findings");
        for (Diagnostic d : c.findings()) {
            diagnostic(g, base, d);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void operation(JsonGenerator g, Path base, SchemaOperation op, String head) throws IOException {
        g.writeStartObject();
        if (head != null) {
            g.writeStringField("head", head);
        }
        g.writeStringField("path", rel(base, op.file()));
        g.writeNumberField("line", op.line());
        g.writeStringField("kind", op.kind().label());
        g.writeStringField("operation", op.describe());
        g.writeBooleanField("conditional", op.conditional());
        g.writeBooleanField("unresolved", !op.unresolved().isEmpty());
        g.writeEndObject();
    }

    private static void nullableString(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    private static void diagnostic(JsonGenerator g, Path base, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", d.code().id());
        g.writeStringField("severity", d.severity().label());
        nullableString(g, "path", d.path() == null ? null : rel(base, d.path()));
        g.writeNumberField("line", d.line());
        g.writeStringField("message", d.message());
        nullableString(g, "fix", d.fix());
        g.writeEndObject();
    }

    private static void stringArray(JsonGenerator g, String name, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Relative to the project; a relative path (a base ref's {@code <ref>:<path>}) is shown as given. */
    private static String rel(Path base, Path p) {
        return ProjectPaths.relative(base, p);
    }
}
