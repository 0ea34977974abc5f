package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.ProjectPaths;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.script.SchemaOperation;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding between two lines of history: an operation on the line of {@code leftHead} against one on the line of
 * {@code rightHead}.
 *
 * @param severity error (both lines write the same object), warning (same table, opaque SQL, unresolved) or info
 * @param rule the rule that fired
 * @param message one sentence without file locations, e.g. "column users.email is added on both lines"
 * @param leftHead the head of the first line (in the order the heads were given)
 * @param left the operation on that line
 * @param rightHead the head of the other line
 * @param right the operation on the other line
 */
public record ConflictFinding(
        Severity severity,
        ConflictRule rule,
        String message,
        String leftHead,
        SchemaOperation left,
        String rightHead,
        SchemaOperation right) {

    public ConflictFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    /**
     * One line: {@code [error column-added-twice] column users.email is added on both lines: a.py:12 add_column
     * users.email (line of a1) / b.py:9 add_column users.email (line of b1)}.
     *
     * @param base directory that paths are shown relative to, or {@code null}
     */
    public String format(Path base) {
        return "[" + severity.label() + " " + rule.id() + "] " + message + ": " + side(base, left, leftHead) + " / "
                + side(base, right, rightHead);
    }

    private static String side(Path base, SchemaOperation op, String head) {
        return ProjectPaths.relative(base, op.file()) + ":" + op.line() + " " + op.describe() + " (line of " + head
                + ")";
    }

    /**
     * As a diagnostic located at the left operation, naming the right one in the message ({@link
     * DiagnosticCode#UNRESOLVED_OPERATION} for {@link ConflictRule#UNRESOLVED}, else
     * {@link DiagnosticCode#SCHEMA_CONFLICT}).
     *
     * @param base directory that the other file is shown relative to, or {@code null}
     */
    public Diagnostic toDiagnostic(Path base) {
        DiagnosticCode code = rule == ConflictRule.UNRESOLVED ? DiagnosticCode.UNRESOLVED_OPERATION
                : DiagnosticCode.SCHEMA_CONFLICT;
        String text = message + " (" + left.describe() + " on the line of " + leftHead + "; "
                + ProjectPaths.relative(base, right.file()) + ":" + right.line() + " " + right.describe()
                + " on the line of " + rightHead + ")";
        String fix = switch (severity) {
            case ERROR -> "reconcile the two migrations before merging the lines (remove the duplicate change, or "
                    + "make one revision depend on the other)";
            case WARNING -> "check that both migrations still work when run in either order";
            case INFO -> null;
        };
        return new Diagnostic(code, severity, left.file(), left.line(), text, fix);
    }
}
