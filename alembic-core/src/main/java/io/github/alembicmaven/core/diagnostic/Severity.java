package io.github.alembicmaven.core.diagnostic;

/** How serious a {@link Diagnostic} is. Errors fail {@code alembic:check} and the enforcer rule. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case name as written in the JSON report ({@code error|warning|info}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
