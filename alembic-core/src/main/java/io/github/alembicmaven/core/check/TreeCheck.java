package io.github.alembicmaven.core.check;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.nio.file.Path;
import java.util.List;

/** Integrity plus head policy: what {@code alembic:check} and the enforcer rule decide. */
public final class TreeCheck {
    private TreeCheck() {}

    /**
     * @param map the graph
     * @param diagnostics every diagnostic found while reading (config, discovery, files, graph)
     * @param policy the head policy
     * @param basedir for relative paths in the message
     */
    public static CheckResult check(RevisionMap map, List<Diagnostic> diagnostics, HeadPolicy policy, Path basedir) {
        throw new UnsupportedOperationException("skeleton: implemented on branch 'graph'");
    }
}
