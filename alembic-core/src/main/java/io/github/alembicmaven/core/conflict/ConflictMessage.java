package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.script.SchemaOperation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text for schema conflicts: the failure block of {@code check}, the rule and {@code converge} (what, why, fix), the
 * warning lines, and the per-fork listing of {@code alembic:conflicts}.
 */
public final class ConflictMessage {
    private ConflictMessage() {}

    /**
     * The three-part block for the error findings of {@code forks}, or empty when there are none.
     *
     * @param base paths are shown relative to it
     * @param fix the last sentence: what to run once the migrations are reconciled
     */
    public static String errors(List<ConflictAnalysis> forks, Path base, String fix) {
        List<String> out = new ArrayList<>();
        int count = 0;
        for (ConflictAnalysis fork : forks) {
            List<ConflictFinding> errors = fork.findings(Severity.ERROR);
            if (errors.isEmpty()) {
                continue;
            }
            count += errors.size();
            out.add("  Heads " + String.join(", ", fork.heads()) + forkText(fork) + ":");
            for (ConflictFinding f : errors) {
                out.add("  - " + f.format(base));
            }
        }
        if (out.isEmpty()) {
            return "";
        }
        out.add(0, "Schema conflicts between lines of history: " + count + " error" + (count == 1 ? "" : "s")
                + " (both lines change the same schema object):");
        out.add("Why: a merge revision only joins the graph; 'alembic upgrade' then runs both lines' migrations, which"
                + " fails (or leaves the wrong schema) when both create, drop, rename or alter the same object.");
        out.add("Fix: reconcile the migrations (remove the duplicate change from the revision that is not deployed"
                + " yet, or make one revision build on the other), then " + fix + ".");
        return String.join("\n", out);
    }

    /** One warning line per finding of {@code severities}, in report order. */
    public static List<String> lines(List<ConflictAnalysis> forks, Path base, Severity... severities) {
        List<String> out = new ArrayList<>();
        for (ConflictAnalysis fork : forks) {
            for (Severity s : severities) {
                for (ConflictFinding f : fork.findings(s)) {
                    out.add("Schema conflict: " + f.format(base));
                }
            }
        }
        return out;
    }

    /**
     * The listing of {@code alembic:conflicts}: per fork, the heads and fork points, each line's revisions and
     * operations, then the findings (all severities) and the read problems.
     */
    public static List<String> listing(List<ConflictAnalysis> forks, Path base) {
        List<String> out = new ArrayList<>();
        for (ConflictAnalysis fork : forks) {
            out.add("Heads " + String.join(", ", fork.heads()) + forkText(fork) + ":");
            for (BranchLine line : fork.lines()) {
                out.add("  Line of " + line.head() + " (" + line.revisions().size() + " revision"
                        + (line.revisions().size() == 1 ? "" : "s") + (line.revisions().isEmpty() ? "" : ": "
                        + String.join(", ", line.revisions())) + "):");
                if (line.operations().isEmpty()) {
                    out.add("    (no schema operations)");
                }
                for (SchemaOperation op : line.operations()) {
                    out.add("    " + io.github.alembicmaven.core.ProjectPaths.relative(base, op.file()) + ":"
                            + op.line() + " " + op.describe() + (op.conditional() ? " (conditional)" : ""));
                }
            }
            if (fork.findings().isEmpty()) {
                out.add(fork.diagnostics().isEmpty() ? "  No conflicts: the lines change different schema objects."
                        : "  No conflicts among the operations that could be read; the problems below leave some"
                                + " unchecked:");
            } else {
                out.add("  Findings:");
                for (ConflictFinding f : fork.findings()) {
                    out.add("  - " + f.format(base));
                }
            }
            fork.diagnostics().forEach(d -> out.add("  ! " + d.format(base)));
        }
        return out;
    }

    private static String forkText(ConflictAnalysis fork) {
        return fork.forkPoints().isEmpty() ? " (no common ancestor)" : " forking from "
                + String.join(", ", fork.forkPoints());
    }
}
