/**
 * Static cross-branch schema conflicts: what two lines of history do to the same schema objects in their
 * {@code upgrade()} functions, found without running Python or touching a database.
 *
 * <h2>Lines</h2>
 * {@link io.github.alembicmaven.core.conflict.ConflictAnalyzer} takes a set of heads. For each pair of heads, the
 * revisions that are ancestors of one but not of the other (through down_revision and depends_on) are that pair's
 * parallel work; a revision reachable from both is shared and never compared. Each head's
 * {@link io.github.alembicmaven.core.conflict.BranchLine} lists the revisions after the common part (from the fork
 * point, exclusive, to the head), in upgrade order, with their operations.
 *
 * <h2>What is recognised</h2>
 * {@link io.github.alembicmaven.core.script.UpgradeOperationReader} reads the top-level {@code def upgrade(...)} (not
 * {@code downgrade()}), and the module-level functions it calls:
 * <ul>
 *   <li>{@code op.create_table} (its {@code sa.Column} names, and named {@code UniqueConstraint},
 *       {@code PrimaryKeyConstraint}, {@code CheckConstraint}, {@code Index}, and every {@code ForeignKeyConstraint}
 *       / column {@code ForeignKey} as operations of their own), {@code drop_table}, {@code rename_table},
 *       {@code add_column} (the {@code sa.Column} name, type and {@code nullable}), {@code drop_column},
 *       {@code alter_column} ({@code new_column_name}, {@code type_}, {@code nullable}, {@code server_default},
 *       {@code comment}), {@code create_index}/{@code drop_index}, {@code create_unique_constraint},
 *       {@code create_foreign_key}, {@code create_check_constraint}, {@code create_primary_key},
 *       {@code create_exclude_constraint}, {@code drop_constraint}, {@code create_table_comment}/
 *       {@code drop_table_comment}, {@code bulk_insert} (table from {@code sa.table("t", ...)},
 *       {@code sa.Table("t", ...)} or {@code op.create_table(...)}, bound at module level or locally);
 *   <li>positional and keyword arguments by Alembic's signatures (and the older keyword names {@code name},
 *       {@code source}, {@code referent}, {@code local_cols}), {@code schema=}, {@code op.f("name")};
 *   <li>the same calls on the alias of {@code with op.batch_alter_table("t", schema=...) as alias:}, which supplies
 *       the table;
 *   <li>names bound to literals at module level (last binding wins, as {@code upgrade()} sees them when it runs), by
 *       the constants map, or by an unconditional simple assignment earlier in the function;
 *   <li>{@code op.execute(...)}, {@code op.execute(sa.text(...))} and {@code conn.execute(...)} on
 *       {@code conn = op.get_bind()}: plain {@code ALTER TABLE} (ADD/DROP/ALTER/RENAME COLUMN, RENAME TO, ADD/DROP
 *       CONSTRAINT), {@code CREATE TABLE}, {@code DROP TABLE}, {@code CREATE [UNIQUE] INDEX name ON table},
 *       {@code DROP INDEX}; {@code INSERT}/{@code UPDATE}/{@code DELETE}/{@code TRUNCATE} and SQLAlchemy
 *       {@code t.update()}/{@code sa.update(t)} expressions are opaque SQL on a known table;
 *   <li>calls inside {@code if}/{@code elif}/{@code else}/{@code for}/{@code while}/{@code except}/{@code case}
 *       blocks count, flagged {@linkplain io.github.alembicmaven.core.script.SchemaOperation#conditional()
 *       conditional}.
 * </ul>
 *
 * <h2>What stays opaque</h2>
 * Any other SQL (functions, triggers, {@code DO} blocks, dialect-specific statements) is opaque SQL on an unknown
 * table; an {@code op.*} call this reader does not know is an unknown operation; a name bound by an import, a call,
 * an f-string with fields, a loop, a condition or a parameter is unresolved (with its source text and the reason).
 * None of these is guessed: an operation whose table is unknown gets a warning "cannot tell whether it conflicts"
 * against each other line. ORM sessions on {@code op.get_bind()}, functions defined inside {@code upgrade()},
 * functions imported from other modules and renames within one line (a table renamed and then changed under its new
 * name) are not followed.
 *
 * <h2>Identity</h2>
 * A table is {@code schema.table}; a column is {@code schema.table.column}; index and constraint names share one
 * namespace per schema (as in PostgreSQL, where a unique or primary key constraint is also an index). A missing
 * {@code schema} is the default schema, which is not known statically: {@code users} and {@code public.users} are
 * different tables here. Identifiers compare case-insensitively (PostgreSQL folds unquoted names to lower case,
 * MySQL and SQLite compare table names case-insensitively on common setups): {@code Users} and {@code users} are the
 * same table, so a conflict is never missed over case alone; findings show names as written.
 *
 * <h2>Rules</h2>
 * See {@link io.github.alembicmaven.core.conflict.ConflictRule}, most severe first. <b>Error</b> when both lines
 * write the same object: the same table created twice, a table dropped or renamed on one line and touched on the
 * other (including by a foreign key), a table created on one line and already used on the other, the same column
 * added twice, a column dropped or renamed on one line and altered, indexed, referenced or dropped on the other, a
 * column added on one line and already used on the other, the same column altered on both lines, the same index or
 * constraint name on both lines, the same table comment changed on both lines. <b>Warning</b> when both lines change
 * one table in different columns or objects, when one line runs opaque SQL on a table the other changes (or on an
 * unknown table), and when an operation's table is unresolved. <b>Info</b> when a foreign key on one line references
 * a table the other line changes. Operations on unrelated tables produce no finding. Errors are reported per pair of
 * operations; a table's warnings and infos once per pair of lines (counting the other pairs), and not at all when the
 * same table already has an error between the two lines.
 */
package io.github.alembicmaven.core.conflict;
