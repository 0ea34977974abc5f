package io.github.alembicmaven.core.graph;

import io.github.alembicmaven.core.ProjectPaths;
import io.github.alembicmaven.core.script.RevisionScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders {@code alembic heads} output lines. */
public final class HeadsListing {
    private HeadsListing() {}

    /**
     * Lines as {@code alembic heads} prints them: {@code <rev>[ (<labels>)] (head)} or {@code (effective head)}, labels
     * sorted (Alembic prints them in arbitrary set order), heads in load order. A duplicated id is listed as often as
     * Alembic lists it, with the markers of the winning file, exactly like {@code get_revisions(heads)}.
     *
     * <p>Verbose lines are this project's own format (not Alembic's multi-line {@code heads -v} block): the plain line,
     * two spaces, the file path relative to {@code basedir} with {@code /} separators, and, if the module docstring has
     * one, {@code ", "} and its first line: {@code ccc (feature) (head)  migrations/versions/ccc_x.py, add x}.
     *
     * @param map the graph
     * @param resolveDependencies list {@code _real_heads} like {@code alembic heads --resolve-dependencies}
     * @param verbose add each head's file (relative to {@code basedir}) and the first docstring line
     * @param basedir directory paths are shown relative to; {@code null} for absolute paths
     * @return one line per head
     */
    public static List<String> lines(RevisionMap map, boolean resolveDependencies, boolean verbose, Path basedir) {
        List<String> ids = resolveDependencies ? map.realHeads() : map.heads();
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Revision r = map.get(id).orElseThrow();
            StringBuilder sb = new StringBuilder(line(r));
            if (verbose) {
                RevisionScript s = r.script();
                sb.append("  ").append(ProjectPaths.relative(basedir, s.path()));
                String message = s.message();
                if (!message.isEmpty()) {
                    sb.append(", ").append(message);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * One revision as {@code Script._head_only(include_branches=True, tree_indicators=False)} renders it: {@code
     * <rev>[ (<labels, sorted>)][ (head)| (effective head)]}.
     *
     * @param r the revision
     * @return the text
     */
    public static String line(Revision r) {
        StringBuilder sb = new StringBuilder(r.id());
        if (!r.branchLabels().isEmpty()) {
            sb.append(" (").append(String.join(", ", r.branchLabels())).append(')');
        }
        if (r.isRealHead()) {
            sb.append(" (head)");
        } else if (r.isHead()) {
            sb.append(" (effective head)");
        }
        return sb.toString();
    }
}
