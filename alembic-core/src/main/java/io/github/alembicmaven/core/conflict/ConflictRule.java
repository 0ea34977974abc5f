package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.diagnostic.Severity;
import java.util.Locale;

/**
 * The rules that compare the operations of two lines of history, most severe first. When several rules apply to one
 * pair of operations, the first one in this order is reported.
 */
public enum ConflictRule {
    /** Both lines create a table of the same name ({@code create_table}, {@code rename_table} to it, CREATE TABLE). */
    TABLE_CREATED_TWICE(Severity.ERROR, "table %s is created on both lines"),
    /** One line drops a table the other line touches (or drops too). */
    TABLE_DROPPED(Severity.ERROR, "table %s is dropped on one line and used on the other"),
    /** One line renames a table (from or to this name) that the other line touches. */
    TABLE_RENAMED(Severity.ERROR, "table %s is renamed on one line and used on the other"),
    /** One line creates a table that the other line already uses (so it existed there, or never will). */
    TABLE_CREATED_AND_USED(Severity.ERROR, "table %s is created on one line but already used on the other"),
    /** Both lines add the same column (or rename a column to it). */
    COLUMN_ADDED_TWICE(Severity.ERROR, "column %s is added on both lines"),
    /** One line drops a column that the other line alters, renames, indexes, references or drops too. */
    COLUMN_DROPPED(Severity.ERROR, "column %s is dropped on one line and used on the other"),
    /** One line renames a column (from or to this name) that the other line touches. */
    COLUMN_RENAMED(Severity.ERROR, "column %s is renamed on one line and used on the other"),
    /** One line adds a column that the other line already alters, indexes or references. */
    COLUMN_ADDED_AND_USED(Severity.ERROR, "column %s is added on one line but already used on the other"),
    /** Both lines alter the same column (type, nullability, default, comment): the last one to run wins. */
    COLUMN_ALTERED_TWICE(Severity.ERROR, "column %s is altered on both lines"),
    /** Both lines create or drop an index or constraint of the same name. */
    SAME_INDEX_OR_CONSTRAINT_NAME(Severity.ERROR, "index or constraint name %s is used on both lines"),
    /** Both lines set or drop the comment of the same table. */
    TABLE_COMMENT_CHANGED_TWICE(Severity.ERROR, "the comment of table %s is changed on both lines"),
    /** One line runs SQL that cannot be analysed on a table the other line changes (or on an unknown table). */
    OPAQUE_SQL(Severity.WARNING, "SQL that cannot be analysed runs on table %s, which the other line also changes"),
    /** An operation whose table cannot be determined statically (or an unknown {@code op.*} call). */
    UNRESOLVED(Severity.WARNING, "cannot tell whether %s conflicts with the other line"),
    /** Both lines change the same table, in different columns or objects. */
    SAME_TABLE(Severity.WARNING, "both lines change table %s (different columns or objects)"),
    /** A foreign key on one line references a table the other line changes. */
    REFERENCED_TABLE_CHANGED(Severity.INFO, "a foreign key on one line references table %s, which the other line "
            + "changes");

    private final Severity severity;
    private final String summary;

    ConflictRule(Severity severity, String summary) {
        this.severity = severity;
        this.summary = summary;
    }

    public Severity severity() {
        return severity;
    }

    /** The stable kebab-case id, e.g. {@code column-added-twice}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The one-sentence summary for the object {@code subject} (a table, column or name as written). */
    String summary(String subject) {
        return String.format(Locale.ROOT, summary, subject);
    }
}
