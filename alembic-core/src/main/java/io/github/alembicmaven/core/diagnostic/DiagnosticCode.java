package io.github.alembicmaven.core.diagnostic;

import java.util.Locale;

/**
 * Stable identifiers of every finding. The {@link #id()} (kebab-case) is what reports and messages show; it never
 * changes once released, so CI annotations and suppressions can rely on it.
 */
public enum DiagnosticCode {
    // --- configuration -------------------------------------------------------------------------------------
    /** The configuration is invalid or points at nothing; recorded in the report when a goal stops on it. */
    CONFIGURATION_ERROR,
    /** A configuration value that Alembic would accept but that looks wrong, or a deprecated key. */
    CONFIG_WARNING,
    /** A version location listed twice (Alembic: "File ... loaded twice! ignoring."). */
    FILE_LOADED_TWICE,
    /** {@code sourceless = true} with only compiled {@code .pyc}/{@code .pyo} revision files. */
    SOURCELESS_UNSUPPORTED,

    // --- reading one file ----------------------------------------------------------------------------------
    /** The file could not be read (I/O error, permissions). */
    UNREADABLE_FILE,
    /** The bytes are not valid in the file's encoding (UTF-8 or its coding cookie). */
    UNDECODABLE_FILE,
    /** The module has a syntax error at module level where a revision attribute is bound. */
    SYNTAX_ERROR,
    /** No {@code revision} variable and the file name is not a legacy {@code <hex>.py} name. */
    MISSING_REVISION,
    /** No module-level {@code down_revision} variable. */
    MISSING_DOWN_REVISION_ATTRIBUTE,
    /** A revision attribute whose value cannot be known without running Python (imported constant, conditional). */
    UNRESOLVED_VALUE,
    /** A revision id (or a reference to one) that is not a string. */
    NON_STRING_REVISION,
    /** A revision id containing a character Alembic forbids ({@code @ - + :}). */
    ILLEGAL_REVISION_CHARS,

    // --- graph integrity -----------------------------------------------------------------------------------
    /** {@code down_revision} names a revision that no file declares. */
    MISSING_PARENT,
    /** {@code depends_on} names neither a revision nor a branch label. */
    MISSING_DEPENDENCY,
    /** Two files declare the same revision id. */
    DUPLICATE_REVISION,
    /** A cycle through {@code down_revision}. */
    CYCLE,
    /** A revision that names itself in {@code down_revision}. */
    SELF_LOOP,
    /** A cycle through {@code down_revision} and {@code depends_on}. */
    DEPENDENCY_CYCLE,
    /** A revision that names itself in {@code depends_on}. */
    DEPENDENCY_SELF_LOOP,
    /** One branch label declared by two revisions. */
    DUPLICATE_BRANCH_LABEL,
    /** A branch label equal to a revision id. */
    BRANCH_LABEL_IS_REVISION,

    // --- head policy ---------------------------------------------------------------------------------------
    /** More heads than the head policy allows ({@code alembic upgrade head} fails). */
    MULTIPLE_HEADS,
    /** Informational: an effective head (a head that only depends_on keeps alive). */
    EFFECTIVE_HEAD,

    // --- cross-branch schema conflicts ---------------------------------------------------------------------
    /** Two lines of history change the same schema object (or the same table) in their {@code upgrade()}. */
    SCHEMA_CONFLICT,
    /** An {@code upgrade()} operation whose target cannot be known statically, or a file without {@code upgrade()}. */
    UNRESOLVED_OPERATION,

    // --- against a git base ref (alembic.baseRef) ----------------------------------------------------------
    /** The base ref cannot be resolved, or its commit is not in the local object database (a shallow clone). */
    BASE_REF_MISSING,
    /** A revision added on this branch does not descend from the base's head: the merge result has extra heads. */
    HEAD_AFTER_MERGE,
    /** The same revision id added on this branch and on the base, with different content. */
    DUPLICATE_ACROSS_BASE,
    /** A published revision (present at the base) whose id, down_revision, depends_on or branch_labels changed. */
    PUBLISHED_REVISION_CHANGED,
    /** A published revision (present at the base) that this branch deleted. */
    PUBLISHED_REVISION_DELETED;

    /** The stable kebab-case id, e.g. {@code missing-parent}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
