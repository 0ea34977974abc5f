package io.github.alembicmaven.core.script;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One schema operation of a version file's {@code upgrade()}, as far as it can be read without running Python. Names
 * are as written (no case folding); {@code null} means "not given" unless {@link #unresolved()} names the argument.
 *
 * @param kind what the operation does
 * @param call how it was written, e.g. {@code op.add_column}, {@code batch_op.alter_column}, {@code op.execute}, or
 *     {@code sa.UniqueConstraint in op.create_table} for a constraint declared inside {@code create_table}
 * @param schema the {@code schema=} of the table ({@code null}: the default schema)
 * @param table the table operated on ({@code null} when unknown: see {@link #unresolved()})
 * @param column the column of {@code add_column}/{@code drop_column}/{@code alter_column}
 * @param name the index or constraint name
 * @param newName the new name of a renamed table ({@code rename_table}) or column ({@code new_column_name=})
 * @param columns the columns of {@code create_table}, or the columns an index or constraint covers (FK: local columns)
 * @param reference the table a foreign key points at, or {@code null}
 * @param details other literal arguments as written, in call order (e.g. {@code nullable=False}, {@code type_=
 *     sa.String(100)}); for SQL the key {@code sql} holds the statement
 * @param file the version file
 * @param line 1-based line of the call
 * @param conditional whether the call is inside an {@code if}/{@code for}/{@code while}/{@code try}-handler block or
 *     {@code match} case, so it may not run
 * @param unresolved arguments that could not be resolved statically (never guessed)
 */
public record SchemaOperation(
        Kind kind,
        String call,
        String schema,
        String table,
        String column,
        String name,
        String newName,
        List<String> columns,
        Reference reference,
        Map<String, String> details,
        Path file,
        int line,
        boolean conditional,
        List<Unresolved> unresolved) {

    /** What an operation does. */
    public enum Kind {
        CREATE_TABLE,
        DROP_TABLE,
        RENAME_TABLE,
        ADD_COLUMN,
        DROP_COLUMN,
        ALTER_COLUMN,
        CREATE_INDEX,
        DROP_INDEX,
        CREATE_UNIQUE_CONSTRAINT,
        CREATE_FOREIGN_KEY,
        CREATE_CHECK_CONSTRAINT,
        CREATE_PRIMARY_KEY,
        CREATE_EXCLUDE_CONSTRAINT,
        DROP_CONSTRAINT,
        CREATE_TABLE_COMMENT,
        DROP_TABLE_COMMENT,
        /** {@code bulk_insert}: rows written into a table. */
        BULK_INSERT,
        /** SQL that is not one of the recognised plain statements; {@link #table()} is set when recognisable. */
        OPAQUE_SQL,
        /** An {@code op.*} call this reader does not know; never guessed. */
        UNKNOWN_OPERATION;

        /** Lower-case name as Alembic spells the operation, e.g. {@code add_column}, {@code opaque_sql}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The target of a foreign key.
     *
     * @param schema the referent schema ({@code null}: default)
     * @param table the referent table
     * @param columns the referent columns
     */
    public record Reference(String schema, String table, List<String> columns) {
        public Reference {
            columns = List.copyOf(columns);
        }
    }

    /**
     * An argument that cannot be known statically.
     *
     * @param argument the parameter, e.g. {@code table_name}, {@code column}, {@code sqltext}
     * @param text the argument as written (whitespace collapsed)
     * @param reason why, e.g. "the name 'T' comes from 'from app import T' at line 3"
     */
    public record Unresolved(String argument, String text, String reason) {}

    /** The {@link #details()} key of the SQL statement an operation was read from. */
    public static final String SQL = "sql";

    /** The arguments that name an operation's table, as reported in {@link #unresolved()}. */
    private static final List<String> TABLE_ARGUMENTS =
            List.of("table_name", "table", "source_table", "old_table_name");

    public SchemaOperation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(call, "call");
        columns = List.copyOf(columns);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        unresolved = List.copyOf(unresolved);
    }

    /** Whether an argument could not be resolved. */
    public boolean isUnresolved() {
        return !unresolved.isEmpty();
    }

    /** Whether the argument {@code argument} could not be resolved. */
    public boolean isUnresolved(String argument) {
        return unresolved.stream().anyMatch(u -> u.argument().equals(argument));
    }

    /** {@code schema.table} (or just the table, or {@code ?}). */
    public String qualifiedTable() {
        String t = table;
        for (int i = 0; t == null && i < TABLE_ARGUMENTS.size(); i++) {
            t = isUnresolved(TABLE_ARGUMENTS.get(i)) ? show(null, TABLE_ARGUMENTS.get(i)) : null;
        }
        t = t == null ? "?" : t;
        return schema == null ? t : schema + "." + t;
    }

    /**
     * One line for listings, e.g. {@code add_column users.email (type=sa.String(), nullable=False)} or
     * {@code create_index ix_users_email on users (email)}; unresolved arguments are shown as {@code <text?>}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(kind.label());
        switch (kind) {
            case ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN -> {
                sb.append(' ').append(qualifiedTable()).append('.').append(show(column, "column"));
                if (newName != null) {
                    sb.append(" -> ").append(newName);
                }
            }
            case RENAME_TABLE -> sb.append(' ').append(qualifiedTable()).append(" -> ").append(show(newName,
                    "new_table_name"));
            case CREATE_INDEX, DROP_INDEX, CREATE_UNIQUE_CONSTRAINT, CREATE_FOREIGN_KEY, CREATE_CHECK_CONSTRAINT,
                    CREATE_PRIMARY_KEY, CREATE_EXCLUDE_CONSTRAINT, DROP_CONSTRAINT -> {
                sb.append(' ').append(name == null ? "<unnamed>" : name);
                if (table != null || isUnresolved("table_name") || isUnresolved("source_table")) {
                    sb.append(" on ").append(qualifiedTable());
                }
                if (!columns.isEmpty()) {
                    sb.append(" (").append(String.join(", ", columns)).append(')');
                }
                if (reference != null) {
                    sb.append(" -> ").append(reference.schema() == null ? "" : reference.schema() + ".")
                            .append(reference.table());
                    if (!reference.columns().isEmpty()) {
                        sb.append(" (").append(String.join(", ", reference.columns())).append(')');
                    }
                }
            }
            case OPAQUE_SQL, UNKNOWN_OPERATION -> {
                if (kind == Kind.UNKNOWN_OPERATION) {
                    sb.append(' ').append(call);
                }
                if (table != null) {
                    sb.append(" on ").append(qualifiedTable());
                }
            }
            default -> {
                sb.append(' ').append(qualifiedTable());
                if (kind == Kind.CREATE_TABLE && !columns.isEmpty()) {
                    sb.append(" (").append(String.join(", ", columns)).append(')');
                }
            }
        }
        if (kind == Kind.OPAQUE_SQL && details.containsKey(SQL)) {
            sb.append(": ").append(details.get(SQL));
        } else if (!details.isEmpty()) {
            StringBuilder d = new StringBuilder();
            details.forEach((k, v) -> d.append(d.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            sb.append(" [").append(d).append(']');
        }
        if (conditional) {
            sb.append(" (conditional)");
        }
        return sb.toString();
    }

    private String show(String value, String argument) {
        if (value != null) {
            return value;
        }
        for (Unresolved u : unresolved) {
            if (u.argument().equals(argument)) {
                return "<" + u.text() + "?>";
            }
        }
        return "?";
    }
}
