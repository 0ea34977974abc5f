package io.github.alembicmaven.core.check;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import java.util.List;

/**
 * Outcome of {@link TreeCheck}.
 *
 * @param errors every error (integrity errors from all sources, plus one {@code multiple-heads} per violated line)
 * @param warnings every warning
 * @param lines each line of history with its heads
 * @param failureMessage the three-part message (what, why, fix), paths relative to the basedir; empty when passed
 */
public record CheckResult(List<Diagnostic> errors, List<Diagnostic> warnings, List<HeadLine> lines, String failureMessage) {
    public CheckResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        lines = List.copyOf(lines);
    }

    public boolean passed() {
        return errors.isEmpty();
    }
}
