package io.github.alembicmaven.core.differential;

/**
 * The one fault a generated tree carries ({@link #NONE} for a valid tree). {@link #expectedKind()} is what Alembic
 * normally reports for it, as our diagnostic code id; the comparison always uses what Alembic really reported.
 */
public enum Fault {
    NONE(null),
    /** Alembic only warns; the stale duplicate stays in {@code heads}. We report {@code duplicate-revision}. */
    DUPLICATE_REVISION("duplicate-revision"),
    MISSING_PARENT("missing-parent"),
    MISSING_DEPENDENCY("missing-dependency"),
    /** A down_revision cycle. Alembic misses cycles reachable from a base and a head (then it loads fine). */
    CYCLE("cycle"),
    SELF_LOOP("self-loop"),
    /** A cycle through depends_on. Same blind spot as {@link #CYCLE}. */
    DEPENDENCY_CYCLE("dependency-cycle"),
    DEPENDENCY_SELF_LOOP("dependency-self-loop"),
    /** depends_on names the revision's OWN branch label: no DependencyLoopDetected; the outcome is Alembic's call. */
    DEPENDENCY_ON_OWN_LABEL(null),
    DUPLICATE_BRANCH_LABEL("duplicate-branch-label"),
    BRANCH_LABEL_IS_REVISION("branch-label-is-revision"),
    MISSING_REVISION("missing-revision"),
    MISSING_DOWN_REVISION_ATTRIBUTE("missing-down-revision-attribute"),
    ILLEGAL_REVISION_CHARS("illegal-revision-chars");

    private final String expectedKind;

    Fault(String expectedKind) {
        this.expectedKind = expectedKind;
    }

    /** The diagnostic code id Alembic's failure normally maps to, or {@code null} when not fixed in advance. */
    public String expectedKind() {
        return expectedKind;
    }

    /** Kebab-case name for summaries. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
