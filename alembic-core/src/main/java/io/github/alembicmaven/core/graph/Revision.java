package io.github.alembicmaven.core.graph;

import io.github.alembicmaven.core.script.RevisionScript;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/** One node of the {@link RevisionMap}, with Alembic's derived attributes. */
public final class Revision {
    Revision() {
        throw new UnsupportedOperationException("skeleton: implemented on branch 'graph'");
    }

    public String id() { throw new UnsupportedOperationException(); }
    public RevisionScript script() { throw new UnsupportedOperationException(); }
    /** {@code _versioned_down_revisions}. */
    public List<String> downRevisions() { throw new UnsupportedOperationException(); }
    /** {@code depends_on} as written (ids or labels). */
    public List<String> dependsOn() { throw new UnsupportedOperationException(); }
    /** {@code _resolved_dependencies}: labels resolved to the declaring revision. */
    public List<String> resolvedDependencies() { throw new UnsupportedOperationException(); }
    /** Branch labels after propagation, sorted. */
    public SortedSet<String> branchLabels() { throw new UnsupportedOperationException(); }
    /** {@code nextrev}: children via down_revision. */
    public Set<String> nextRevisions() { throw new UnsupportedOperationException(); }
    /** {@code _all_nextrev}: children via down_revision or depends_on. */
    public Set<String> allNextRevisions() { throw new UnsupportedOperationException(); }
    public boolean isHead() { throw new UnsupportedOperationException(); }
    public boolean isRealHead() { throw new UnsupportedOperationException(); }
    public boolean isEffectiveHead() { throw new UnsupportedOperationException(); }
    public boolean isBase() { throw new UnsupportedOperationException(); }
    public boolean isRealBase() { throw new UnsupportedOperationException(); }
    public boolean isBranchPoint() { throw new UnsupportedOperationException(); }
    public boolean isMergePoint() { throw new UnsupportedOperationException(); }
}
