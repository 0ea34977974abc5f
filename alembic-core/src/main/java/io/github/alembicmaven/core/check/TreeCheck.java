package io.github.alembicmaven.core.check;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Integrity plus head policy: what {@code alembic:check} and the enforcer rule decide. */
public final class TreeCheck {
    private TreeCheck() {}

    /**
     * Checks a tree. Errors are every error in {@code diagnostics} (they already include the map's) plus one
     * {@code multiple-heads} error per line of history with more heads than the policy allows; warnings are every
     * warning in {@code diagnostics}.
     *
     * <p>Heads are Alembic's {@code heads} (down_revision only, effective heads and stale duplicates included), since
     * {@code alembic upgrade head} fails iff there is more than one of them. A head whose propagated branch labels
     * contain one of {@link HeadPolicy#independentBranches()} belongs to that label's line (the first such label in
     * sorted order) and each such line allows one head; all other heads form the unlabelled line, which allows
     * {@link HeadPolicy#maxHeads()}. Lines are listed labelled first (sorted by label), then the unlabelled one.
     *
     * @param map the graph ({@code null}: no lines)
     * @param diagnostics every diagnostic found while reading (config, discovery, files, graph)
     * @param policy the head policy
     * @param basedir for relative paths in the message
     * @return the result, with the failure message when it did not pass
     */
    public static CheckResult check(RevisionMap map, List<Diagnostic> diagnostics, HeadPolicy policy, Path basedir) {
        List<Diagnostic> integrity = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) {
                integrity.add(d);
            } else if (d.severity() == Severity.WARNING) {
                warnings.add(d);
            }
        }
        List<HeadLine> lines = map == null ? List.of() : lines(map, policy);
        List<HeadLine> violated = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>(integrity);
        for (HeadLine line : lines) {
            if (line.violated()) {
                violated.add(line);
            }
        }
        // A history that does not load has no trustworthy heads: a missing parent or a duplicated id makes extra
        // "heads" whose fix is not a merge. Heads are judged once the integrity errors are fixed.
        if (integrity.isEmpty()) {
            for (HeadLine line : violated) {
                errors.add(multipleHeads(map, line));
            }
        }
        String message = errors.isEmpty()
                ? ""
                : integrity.isEmpty()
                        ? FailureMessage.render(map, integrity, violated, basedir, policy.independentBranches())
                        : FailureMessage.render(map, integrity, List.of(), basedir)
                                + (violated.isEmpty() ? "" : "\nThe number of heads is checked again once the history loads.");
        return new CheckResult(errors, warnings, lines, message);
    }

    /**
     * Splits {@code map.heads()} into lines of history under {@code policy}.
     *
     * @param map the graph
     * @param policy the head policy
     * @return labelled lines (sorted by label), then the unlabelled line
     */
    public static List<HeadLine> lines(RevisionMap map, HeadPolicy policy) {
        TreeSet<String> labels = new TreeSet<>(policy.independentBranches());
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        for (String label : labels) {
            byLabel.put(label, new ArrayList<>());
        }
        List<String> rest = new ArrayList<>();
        for (String head : map.heads()) {
            String line = null;
            Revision r = map.get(head).orElse(null);
            if (r != null) {
                for (String label : r.branchLabels()) {
                    if (labels.contains(label)) {
                        line = label;
                        break;
                    }
                }
            }
            (line == null ? rest : byLabel.get(line)).add(head);
        }
        List<HeadLine> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byLabel.entrySet()) {
            out.add(new HeadLine(e.getKey(), 1, e.getValue(), forkPoints(map, e.getValue())));
        }
        out.add(new HeadLine(null, policy.maxHeads(), rest, forkPoints(map, rest)));
        return out;
    }

    private static List<String> forkPoints(RevisionMap map, List<String> heads) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(heads);
        return distinct.size() < 2 ? List.of() : map.forkPoints(distinct);
    }

    private static Diagnostic multipleHeads(RevisionMap map, HeadLine line) {
        String what = line.branchLabel() == null
                ? "the Alembic migration graph"
                : "branch '" + line.branchLabel() + "' of the Alembic migration graph";
        return Diagnostic.error(
                DiagnosticCode.MULTIPLE_HEADS,
                null,
                0,
                what + " has " + line.heads().size() + " heads (" + String.join(", ", line.heads())
                        + "), but at most " + line.allowed() + " " + (line.allowed() == 1 ? "is" : "are")
                        + " allowed; 'alembic upgrade " + FailureMessage.target(line) + "' fails.",
                "run 'mvn alembic:converge', or: " + FailureMessage.mergeCommand(map, line) + ".");
    }
}
