package io.github.alembicmaven.core.check;

import java.util.Set;

/**
 * How many heads a tree may have.
 *
 * @param maxHeads heads allowed for the unlabelled rest of the graph (default 1)
 * @param independentBranches branch labels that form their own lines of history; each may have one head, counted by
 *     the heads' effective (propagated) labels
 */
public record HeadPolicy(int maxHeads, Set<String> independentBranches) {
    public HeadPolicy {
        if (maxHeads < 1) {
            throw new IllegalArgumentException("maxHeads must be at least 1, was " + maxHeads);
        }
        independentBranches = Set.copyOf(independentBranches == null ? Set.of() : independentBranches);
    }

    public static HeadPolicy defaults() {
        return new HeadPolicy(1, Set.of());
    }

    /** Any number of heads: only integrity errors fail (used by {@code alembic:heads}). */
    public static HeadPolicy unlimited() {
        return new HeadPolicy(Integer.MAX_VALUE, Set.of());
    }
}
