package io.github.alembicmaven.core.graph;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.script.RevisionScript;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Alembic's RevisionMap, built statically. All id lists are in load order, as Alembic's tuples are. */
public final class RevisionMap {
    private RevisionMap() {}

    /** Builds the map; integrity problems become {@link #diagnostics()}, never exceptions. */
    public static RevisionMap build(List<RevisionScript> scriptsInLoadOrder) {
        throw new UnsupportedOperationException("skeleton: implemented on branch 'graph'");
    }

    public List<Diagnostic> diagnostics() { throw new UnsupportedOperationException(); }
    /** Every revision (the later file wins a duplicated id), load order. */
    public List<Revision> revisions() { throw new UnsupportedOperationException(); }
    public Optional<Revision> get(String id) { throw new UnsupportedOperationException(); }
    /** Alembic's {@code heads} (down_revision only; may repeat a duplicated id). */
    public List<String> heads() { throw new UnsupportedOperationException(); }
    /** Alembic's {@code _real_heads} (down_revision and depends_on). */
    public List<String> realHeads() { throw new UnsupportedOperationException(); }
    /** Heads that are not real heads. */
    public List<String> effectiveHeads() { throw new UnsupportedOperationException(); }
    public List<String> bases() { throw new UnsupportedOperationException(); }
    public List<String> realBases() { throw new UnsupportedOperationException(); }
    public List<String> branchPoints() { throw new UnsupportedOperationException(); }
    public List<String> mergePoints() { throw new UnsupportedOperationException(); }
    /** Ancestors of {@code id} via down_revision, including {@code id}. */
    public Set<String> ancestors(String id) { throw new UnsupportedOperationException(); }
    /** The lowest common ancestors (via down_revision) of {@code heads}, load order; empty if they share none. */
    public List<String> forkPoints(Collection<String> heads) { throw new UnsupportedOperationException(); }
}
