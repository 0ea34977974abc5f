package io.github.alembicmaven.core.report;

import io.github.alembicmaven.core.diagnostic.DiagnosticCode;

/**
 * The SARIF rule texts of each {@link DiagnosticCode}: a one-line description and a short help (what goes wrong in
 * Alembic, and the usual fix). The switches are exhaustive, so a new code does not compile without its texts.
 */
final class RuleText {
    private RuleText() {}

    static String shortDescription(DiagnosticCode code) {
        return switch (code) {
            case CONFIGURATION_ERROR -> "The Alembic configuration is invalid or points at nothing.";
            case CONFIG_WARNING -> "A configuration value that Alembic accepts but that looks wrong, or a deprecated key.";
            case FILE_LOADED_TWICE -> "A version location is listed twice.";
            case SOURCELESS_UNSUPPORTED -> "Only compiled revision files (sourceless), which cannot be read statically.";
            case UNREADABLE_FILE -> "A revision file cannot be read.";
            case UNDECODABLE_FILE -> "A revision file is not valid in its encoding.";
            case SYNTAX_ERROR -> "A revision file has a syntax error where a revision attribute is bound.";
            case MISSING_REVISION -> "A revision file declares no revision id.";
            case MISSING_DOWN_REVISION_ATTRIBUTE -> "A revision file has no down_revision variable.";
            case UNRESOLVED_VALUE -> "A revision attribute whose value needs Python to be known.";
            case NON_STRING_REVISION -> "A revision id, or a reference to one, that is not a string.";
            case ILLEGAL_REVISION_CHARS -> "A revision id with a character Alembic forbids (@ - + :).";
            case MISSING_PARENT -> "down_revision names a revision that no file declares.";
            case MISSING_DEPENDENCY -> "depends_on names neither a revision nor a branch label.";
            case DUPLICATE_REVISION -> "Two files declare the same revision id.";
            case CYCLE -> "A cycle through down_revision.";
            case SELF_LOOP -> "A revision names itself in down_revision.";
            case DEPENDENCY_CYCLE -> "A cycle through down_revision and depends_on.";
            case DEPENDENCY_SELF_LOOP -> "A revision names itself in depends_on.";
            case DUPLICATE_BRANCH_LABEL -> "One branch label declared by two revisions.";
            case BRANCH_LABEL_IS_REVISION -> "A branch label equal to a revision id.";
            case MULTIPLE_HEADS -> "More heads than the head policy allows.";
            case EFFECTIVE_HEAD -> "A head that only depends_on keeps alive.";
            case SCHEMA_CONFLICT -> "Two lines of history change the same schema object or table.";
            case UNRESOLVED_OPERATION -> "An upgrade() operation whose target cannot be known statically.";
            case BASE_REF_MISSING -> "The base ref cannot be resolved, or its commit is not available.";
            case HEAD_AFTER_MERGE -> "A new revision does not descend from the base's head: the merge has extra heads.";
            case DUPLICATE_ACROSS_BASE -> "The same revision id added on this branch and on the base.";
            case PUBLISHED_REVISION_CHANGED -> "A published revision's id, down_revision, depends_on or branch_labels changed.";
            case PUBLISHED_REVISION_DELETED -> "A published revision was deleted.";
        };
    }

    static String help(DiagnosticCode code) {
        return switch (code) {
            case CONFIGURATION_ERROR -> "Alembic cannot load the migration environment. Fix alembic.ini / pyproject.toml"
                    + " [tool.alembic] or the plugin's alembic.* parameters.";
            case CONFIG_WARNING -> "Alembic loads the configuration, but the value is probably not what was meant."
                    + " Correct or remove it.";
            case FILE_LOADED_TWICE -> "Alembic ignores the second entry ('File ... loaded twice! ignoring.'). Remove the"
                    + " duplicate from version_locations.";
            case SOURCELESS_UNSUPPORTED -> "The revision graph cannot be read without Python source files. Check the"
                    + " .py files in.";
            case UNREADABLE_FILE -> "The file cannot be read (permissions, I/O error); Alembic would fail on it too.";
            case UNDECODABLE_FILE -> "Python cannot import the module. Save it as UTF-8 or fix its coding cookie.";
            case SYNTAX_ERROR -> "Python cannot import the module, so Alembic cannot load the history. Fix the syntax"
                    + " error.";
            case MISSING_REVISION -> "Alembic cannot load a file without a revision variable. Add revision = '<id>'.";
            case MISSING_DOWN_REVISION_ATTRIBUTE -> "Alembic requires down_revision in every revision file (None for a"
                    + " base). Add it.";
            case UNRESOLVED_VALUE -> "The value is computed (an import, a call, a conditional binding) and cannot be"
                    + " read without running Python. Write it as a literal, or give it with alembic.constants.";
            case NON_STRING_REVISION -> "Alembic revision ids are strings. Quote the id.";
            case ILLEGAL_REVISION_CHARS -> "Alembic rejects such ids. Rename the revision.";
            case MISSING_PARENT -> "'alembic upgrade' fails: the parent revision is unknown. Restore the parent's file,"
                    + " or point down_revision at an existing revision.";
            case MISSING_DEPENDENCY -> "'alembic upgrade' fails on the unknown dependency. Fix or remove the depends_on"
                    + " entry.";
            case DUPLICATE_REVISION -> "Alembic keeps one of the files and silently loses the other. Give one of them a"
                    + " new revision id.";
            case CYCLE -> "Alembic cannot order the history. Break the cycle by fixing a down_revision.";
            case SELF_LOOP -> "Alembic cannot order the history. Point down_revision at the real parent.";
            case DEPENDENCY_CYCLE -> "Alembic cannot order the history. Remove a depends_on entry from the cycle.";
            case DEPENDENCY_SELF_LOOP -> "Remove the revision's own id from its depends_on.";
            case DUPLICATE_BRANCH_LABEL -> "Alembic cannot resolve the label. Declare it on one revision only.";
            case BRANCH_LABEL_IS_REVISION -> "Alembic cannot tell the label from the revision. Rename the label.";
            case MULTIPLE_HEADS -> "'alembic upgrade head' fails with 'Multiple head revisions are present'. Merge the"
                    + " heads: 'mvn alembic:converge', or 'alembic merge heads'.";
            case EFFECTIVE_HEAD -> "Informational: the revision has children only through depends_on, so Alembic"
                    + " counts it as a head for upgrades.";
            case SCHEMA_CONFLICT -> "Both migrations may not run after one another. Reconcile them before merging the"
                    + " lines of history ('mvn alembic:conflicts' lists each line's operations).";
            case UNRESOLVED_OPERATION -> "The operation's table or object is computed, so it cannot be compared with the"
                    + " other line's operations. Check it by hand.";
            case BASE_REF_MISSING -> "The revision files at the base ref cannot be read. Fetch the ref (in a shallow CI"
                    + " clone: fetch it with enough history).";
            case HEAD_AFTER_MERGE -> "After merging the base, 'alembic upgrade head' fails with multiple heads. Re-parent"
                    + " the new revision onto the base's head, or merge the base and converge.";
            case DUPLICATE_ACROSS_BASE -> "After merging the base two files declare the id. Give this branch's revision a"
                    + " new id.";
            case PUBLISHED_REVISION_CHANGED -> "Databases already upgraded past this revision have another history."
                    + " Restore the published values and add a new revision instead.";
            case PUBLISHED_REVISION_DELETED -> "Databases already at this revision cannot be upgraded or downgraded."
                    + " Restore the file.";
        };
    }
}
