package io.github.alembicmaven.core.git;

import io.github.alembicmaven.core.ProjectPaths;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The failure block of a check against a base ref: each error finding (what and its fix), then why it matters. */
public final class BaseFailureMessage {
    private BaseFailureMessage() {}

    /**
     * The block for the error findings of {@code comparison}, or empty when there are none.
     *
     * @param basedir paths are shown relative to it
     */
    public static String render(BaseComparison comparison, Path basedir) {
        return render(comparison, comparison.findings().stream().filter(Diagnostic::isError).toList(), basedir);
    }

    /**
     * The block for the given error findings of {@code comparison} (converge leaves out {@code head-after-merge},
     * which it fixes), or empty when there are none.
     */
    public static String render(BaseComparison comparison, List<Diagnostic> errors, Path basedir) {
        if (errors.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        out.add("Compared with " + comparison.ref() + " (" + comparison.base().shortCommitId() + "): " + errors.size()
                + " problem" + (errors.size() == 1 ? "" : "s") + " in the merge result:");
        boolean afterMerge = false;
        boolean published = false;
        for (Diagnostic d : errors) {
            String where = d.path() == null ? "<tree>"
                    : ProjectPaths.relative(basedir, d.path()) + (d.line() > 0 ? ":" + d.line() : "");
            out.add("  - [" + d.code().id() + "] " + where + ": " + d.message());
            if (d.fix() != null && !d.fix().isEmpty()) {
                out.add("    Fix: " + d.fix());
            }
            afterMerge |= d.code() == DiagnosticCode.HEAD_AFTER_MERGE || d.code() == DiagnosticCode.DUPLICATE_ACROSS_BASE;
            published |= d.code() == DiagnosticCode.PUBLISHED_REVISION_CHANGED
                    || d.code() == DiagnosticCode.PUBLISHED_REVISION_DELETED;
        }
        List<String> why = new ArrayList<>();
        if (afterMerge) {
            why.add("each branch is green on its own, but the merge into " + comparison.ref() + " breaks 'alembic"
                    + " upgrade' for everyone");
        }
        if (published) {
            why.add("a published revision may already have run on a database: changing or deleting it makes that"
                    + " database's history disagree with the files, and Alembic cannot repair it");
        }
        if (why.isEmpty()) {
            why.add("the merge result does not load as one Alembic history");
        }
        out.add("Why: " + String.join("; ", why) + ".");
        return String.join("\n", out);
    }
}
