package io.github.alembicmaven.core.graph;

import io.github.alembicmaven.core.script.RevisionScript;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One node of the {@link RevisionMap}, with Alembic's derived attributes ({@code revision.py Revision}). Instances are
 * created and linked by {@link RevisionMap#build(List)} only; once the map is built they do not change.
 */
public final class Revision {
    static final SortedSet<String> NO_LABELS = Collections.unmodifiableSortedSet(new TreeSet<>());

    private final RevisionScript script;
    /** Position of the file in load order (stale duplicates included). */
    final int loadIndex;

    List<String> resolvedDependencies = List.of();
    SortedSet<String> branchLabels = NO_LABELS;
    /** Children ids; allocated on the first child, shared when both sets are equal. */
    Set<String> nextRevisions = Set.of();
    Set<String> allNextRevisions = Set.of();

    Revision(RevisionScript script, int loadIndex) {
        this.script = script;
        this.loadIndex = loadIndex;
    }

    /** Alembic's {@code add_nextrev}: {@code child} names this revision in down_revision or (only) depends_on. */
    void addChild(String child, boolean viaDownRevision) {
        if (allNextRevisions.isEmpty()) {
            allNextRevisions = new LinkedHashSet<>(2);
        }
        allNextRevisions.add(child);
        if (viaDownRevision) {
            if (nextRevisions.isEmpty()) {
                nextRevisions = new LinkedHashSet<>(2);
            }
            nextRevisions.add(child);
        }
    }

    /** The revision id ({@code revision}). */
    public String id() {
        return script.revision();
    }

    /** The file this revision was read from. */
    public RevisionScript script() {
        return script;
    }

    /** {@code _versioned_down_revisions}: {@code down_revision} as a tuple, duplicates kept, order as written. */
    public List<String> downRevisions() {
        return script.downRevisions();
    }

    /** {@code depends_on} as written (ids or labels). */
    public List<String> dependsOn() {
        return script.dependsOn();
    }

    /** {@code _resolved_dependencies}: labels resolved to the declaring revision; unresolvable entries left out. */
    public List<String> resolvedDependencies() {
        return resolvedDependencies;
    }

    /** Branch labels after Alembic's propagation ({@code _add_branches}), sorted. */
    public SortedSet<String> branchLabels() {
        return branchLabels;
    }

    /** {@code nextrev}: children via down_revision. */
    public Set<String> nextRevisions() {
        return Collections.unmodifiableSet(nextRevisions);
    }

    /** {@code _all_nextrev}: children via down_revision or depends_on. */
    public Set<String> allNextRevisions() {
        return Collections.unmodifiableSet(allNextRevisions);
    }

    /** {@code is_head}: no revision names this one in down_revision. */
    public boolean isHead() {
        return nextRevisions.isEmpty();
    }

    /** {@code _is_real_head}: no revision names this one in down_revision or depends_on. */
    public boolean isRealHead() {
        return allNextRevisions.isEmpty();
    }

    /** A head that only depends_on keeps alive: {@code alembic heads} prints {@code (effective head)}. */
    public boolean isEffectiveHead() {
        return isHead() && !isRealHead();
    }

    /** {@code is_base}: {@code down_revision} is empty. */
    public boolean isBase() {
        return script.downRevisions().isEmpty();
    }

    /** {@code _is_real_base}: neither {@code down_revision} nor {@code depends_on}. */
    public boolean isRealBase() {
        return script.downRevisions().isEmpty() && script.dependsOn().isEmpty();
    }

    /** {@code is_branch_point}: more than one child via down_revision. */
    public boolean isBranchPoint() {
        return nextRevisions.size() > 1;
    }

    /** {@code _is_real_branch_point}: more than one child via down_revision or depends_on. */
    public boolean isRealBranchPoint() {
        return allNextRevisions.size() > 1;
    }

    /** {@code is_merge_point}: more than one {@code down_revision} entry (a repeated id counts twice). */
    public boolean isMergePoint() {
        return script.downRevisions().size() > 1;
    }

    @Override
    public String toString() {
        return "Revision(" + id() + ", down=" + downRevisions() + ")";
    }
}
