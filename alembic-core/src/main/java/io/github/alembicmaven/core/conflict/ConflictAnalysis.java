package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.Severity;
import java.util.List;

/**
 * The result of comparing the lines of history that end in the given heads.
 *
 * @param heads the heads compared, in the order given
 * @param forkPoints the lowest common ancestors of the heads via down_revision (load order); empty if they share none
 * @param lines one line per head: its revisions after the fork point and their operations
 * @param findings errors first, then warnings, then infos; within a severity by pair of heads, then by the left and
 *     right operation's position in their lines
 * @param diagnostics problems reading version files (unreadable, syntax error, no {@code upgrade()})
 */
public record ConflictAnalysis(
        List<String> heads,
        List<String> forkPoints,
        List<BranchLine> lines,
        List<ConflictFinding> findings,
        List<Diagnostic> diagnostics) {

    public ConflictAnalysis {
        heads = List.copyOf(heads);
        forkPoints = List.copyOf(forkPoints);
        lines = List.copyOf(lines);
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any finding is an error (converge refuses to write then). */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings of one severity, in report order. */
    public List<ConflictFinding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
