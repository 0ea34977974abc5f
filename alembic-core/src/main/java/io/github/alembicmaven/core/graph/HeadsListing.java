package io.github.alembicmaven.core.graph;

import java.nio.file.Path;
import java.util.List;

/** Renders {@code alembic heads} output lines. */
public final class HeadsListing {
    private HeadsListing() {}

    /**
     * Lines as {@code alembic heads} prints them: {@code <rev>[ (<labels>)] (head)} or {@code (effective head)}, labels
     * sorted, heads in load order.
     *
     * @param resolveDependencies list {@code _real_heads} like {@code alembic heads --resolve-dependencies}
     * @param verbose add each head's file (relative to {@code basedir}) and the first docstring line
     */
    public static List<String> lines(RevisionMap map, boolean resolveDependencies, boolean verbose, Path basedir) {
        throw new UnsupportedOperationException("skeleton: implemented on branch 'graph'");
    }
}
