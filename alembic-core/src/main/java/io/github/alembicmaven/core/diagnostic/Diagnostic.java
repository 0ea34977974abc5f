package io.github.alembicmaven.core.diagnostic;

import io.github.alembicmaven.core.ProjectPaths;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One finding about a migration tree: what is wrong, where, and the one-line fix.
 *
 * @param code stable code
 * @param severity error, warning or info
 * @param path the file concerned, or {@code null} for findings about the tree as a whole
 * @param line 1-based line in {@code path}, or {@code 0} when no line applies
 * @param message what is wrong, one sentence, naming revisions and values
 * @param fix the one-line fix, or {@code null}
 */
public record Diagnostic(DiagnosticCode code, Severity severity, Path path, int line, String message, String fix) {

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(DiagnosticCode code, Path path, int line, String message, String fix) {
        return new Diagnostic(code, Severity.ERROR, path, line, message, fix);
    }

    public static Diagnostic warning(DiagnosticCode code, Path path, int line, String message, String fix) {
        return new Diagnostic(code, Severity.WARNING, path, line, message, fix);
    }

    public static Diagnostic info(DiagnosticCode code, Path path, int line, String message) {
        return new Diagnostic(code, Severity.INFO, path, line, message, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line} (or just the path, or {@code <tree>}) for messages. */
    public String location() {
        return location(null);
    }

    /**
     * {@code path:line} with the path relative to {@code base} when it lies below it.
     *
     * @param base directory to relativize against, or {@code null}
     */
    public String location(Path base) {
        if (path == null) {
            return "<tree>";
        }
        String p = ProjectPaths.relative(base, path);
        return line > 0 ? p + ":" + line : p;
    }

    /** One line: {@code [code] path:line: message Fix: ...}. */
    public String format() {
        return format(null);
    }

    /**
     * One line: {@code [code] path:line: message Fix: ...}, paths relative to {@code base}.
     *
     * @param base directory to relativize against, or {@code null}
     */
    public String format(Path base) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(code.id()).append("] ").append(location(base)).append(": ").append(message);
        if (fix != null && !fix.isEmpty()) {
            sb.append(" Fix: ").append(fix);
        }
        return sb.toString();
    }
}
