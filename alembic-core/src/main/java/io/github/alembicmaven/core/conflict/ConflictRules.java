package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.script.SchemaOperation;
import io.github.alembicmaven.core.script.SchemaOperation.Kind;
import io.github.alembicmaven.core.script.SchemaOperation.Unresolved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the operations of two lines of history: each operation is reduced to the objects it touches (a table, a
 * column, an index or constraint name, a table comment) and how (create, drop, rename from/to, alter, use, reference,
 * opaque SQL); two touches of the same object decide a {@link ConflictRule}. See the package documentation for the
 * identity rules.
 */
final class ConflictRules {

    private ConflictRules() {}

    /** The arguments that place an operation on a table. */
    private static final Set<String> TABLE_ARGUMENTS =
            Set.of("table_name", "table", "source_table", "old_table_name", "schema", "source_schema");

    /** What is touched. */
    enum Target {
        TABLE,
        COLUMN,
        NAME,
        COMMENT
    }

    /** How it is touched. */
    enum Mode {
        CREATE,
        DROP,
        RENAME_FROM,
        RENAME_TO,
        ALTER,
        USE,
        REFERENCE,
        OPAQUE
    }

    /**
     * One object an operation touches.
     *
     * @param target the kind of object
     * @param key its identity (case-folded, schema-qualified)
     * @param table the identity of the table it belongs to (for a name: its schema)
     * @param mode how it is touched
     * @param shown the object as written, for messages
     */
    record Touch(Target target, String key, String table, Mode mode, String shown) {}

    private static String fold(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String tableKey(String schema, String table) {
        return fold(schema) + "." + fold(table);
    }

    private static String shownTable(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }

    /** Whether the operation's table cannot be known, so nothing can be said about what it touches. */
    static boolean unplaced(SchemaOperation op) {
        if (op.kind() == Kind.UNKNOWN_OPERATION) {
            return true;
        }
        if (op.table() != null) {
            return false;
        }
        if (op.kind() == Kind.OPAQUE_SQL) {
            return true;
        }
        for (Unresolved u : op.unresolved()) {
            if (TABLE_ARGUMENTS.contains(u.argument())) {
                return true;
            }
        }
        return op.name() == null; // e.g. drop_index(None)
    }

    /** The objects {@code op} touches (nothing for an {@linkplain #unplaced unplaced} operation). */
    static List<Touch> touches(SchemaOperation op) {
        List<Touch> out = new ArrayList<>();
        if (unplaced(op)) {
            return out;
        }
        String schema = op.schema();
        String table = op.table();
        String tk = table == null ? null : tableKey(schema, table);
        String shown = table == null ? null : shownTable(schema, table);
        switch (op.kind()) {
            case CREATE_TABLE -> {
                out.add(new Touch(Target.TABLE, tk, tk, Mode.CREATE, shown));
                for (String c : op.columns()) {
                    out.add(column(tk, shown, c, Mode.CREATE));
                }
            }
            case DROP_TABLE -> out.add(new Touch(Target.TABLE, tk, tk, Mode.DROP, shown));
            case RENAME_TABLE -> {
                out.add(new Touch(Target.TABLE, tk, tk, Mode.RENAME_FROM, shown));
                if (op.newName() != null) {
                    String nk = tableKey(schema, op.newName());
                    out.add(new Touch(Target.TABLE, nk, nk, Mode.RENAME_TO, shownTable(schema, op.newName())));
                }
            }
            case ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN -> {
                out.add(new Touch(Target.TABLE, tk, tk, Mode.USE, shown));
                if (op.column() != null) {
                    Mode mode = op.kind() == Kind.ADD_COLUMN ? Mode.CREATE : op.kind() == Kind.DROP_COLUMN ? Mode.DROP
                            : op.newName() != null ? Mode.RENAME_FROM : Mode.ALTER;
                    out.add(column(tk, shown, op.column(), mode));
                }
                if (op.newName() != null) {
                    out.add(column(tk, shown, op.newName(), Mode.RENAME_TO));
                }
            }
            case CREATE_TABLE_COMMENT, DROP_TABLE_COMMENT -> {
                out.add(new Touch(Target.TABLE, tk, tk, Mode.USE, shown));
                out.add(new Touch(Target.COMMENT, tk, tk, Mode.ALTER, shown));
            }
            case BULK_INSERT -> out.add(new Touch(Target.TABLE, tk, tk, Mode.USE, shown));
            case OPAQUE_SQL -> out.add(new Touch(Target.TABLE, tk, tk, Mode.OPAQUE, shown));
            default -> { // indexes and constraints
                boolean drop = op.kind() == Kind.DROP_INDEX || op.kind() == Kind.DROP_CONSTRAINT;
                if (tk != null) {
                    out.add(new Touch(Target.TABLE, tk, tk, Mode.USE, shown));
                    for (String c : op.columns()) {
                        out.add(column(tk, shown, c, Mode.USE));
                    }
                }
                if (op.name() != null) {
                    out.add(new Touch(Target.NAME, fold(schema) + "." + fold(op.name()), fold(schema),
                            drop ? Mode.DROP : Mode.CREATE, op.name()));
                }
                if (op.reference() != null) {
                    String rk = tableKey(op.reference().schema(), op.reference().table());
                    String rs = shownTable(op.reference().schema(), op.reference().table());
                    out.add(new Touch(Target.TABLE, rk, rk, Mode.REFERENCE, rs));
                    for (String c : op.reference().columns()) {
                        out.add(column(rk, rs, c, Mode.REFERENCE));
                    }
                }
            }
        }
        return out;
    }

    private static Touch column(String tk, String shownTable, String column, Mode mode) {
        return new Touch(Target.COLUMN, tk + "." + fold(column), tk, mode, shownTable + "." + column);
    }

    private static boolean creates(Mode m) {
        return m == Mode.CREATE || m == Mode.RENAME_TO;
    }

    private static boolean renames(Mode m) {
        return m == Mode.RENAME_FROM || m == Mode.RENAME_TO;
    }

    /** The rule two touches of the same object decide, or {@code null}. */
    static ConflictRule decide(Touch x, Touch y) {
        Mode a = x.mode();
        Mode b = y.mode();
        switch (x.target()) {
            case TABLE -> {
                ConflictRule r = lifecycle(a, b, ConflictRule.TABLE_CREATED_TWICE, ConflictRule.TABLE_DROPPED,
                        ConflictRule.TABLE_RENAMED, ConflictRule.TABLE_CREATED_AND_USED);
                if (r != null) {
                    return r;
                }
                if (a == Mode.REFERENCE || b == Mode.REFERENCE) {
                    return a == b ? null : ConflictRule.REFERENCED_TABLE_CHANGED;
                }
                return a == Mode.OPAQUE || b == Mode.OPAQUE ? ConflictRule.OPAQUE_SQL : ConflictRule.SAME_TABLE;
            }
            case COLUMN -> {
                ConflictRule r = lifecycle(a, b, ConflictRule.COLUMN_ADDED_TWICE, ConflictRule.COLUMN_DROPPED,
                        ConflictRule.COLUMN_RENAMED, ConflictRule.COLUMN_ADDED_AND_USED);
                if (r != null) {
                    return r;
                }
                return a == Mode.ALTER && b == Mode.ALTER ? ConflictRule.COLUMN_ALTERED_TWICE : null;
            }
            case NAME -> {
                return ConflictRule.SAME_INDEX_OR_CONSTRAINT_NAME;
            }
            default -> {
                return ConflictRule.TABLE_COMMENT_CHANGED_TWICE;
            }
        }
    }

    /** Created on both lines, dropped or renamed on one, created on one: the rule for a table or a column. */
    private static ConflictRule lifecycle(Mode a, Mode b, ConflictRule twice, ConflictRule dropped,
            ConflictRule renamed, ConflictRule createdAndUsed) {
        if (creates(a) && creates(b)) {
            return twice;
        }
        if (a == Mode.DROP || b == Mode.DROP) {
            return dropped;
        }
        if (renames(a) || renames(b)) {
            return renamed;
        }
        return a == Mode.CREATE || b == Mode.CREATE ? createdAndUsed : null;
    }

    /** The most severe rule between two operations, with the touch that decided it; {@code null} if none. */
    record Decision(ConflictRule rule, Touch touch) {}

    static Decision decide(List<Touch> left, List<Touch> right) {
        Decision best = null;
        for (Touch x : left) {
            for (Touch y : right) {
                if (x.target() != y.target() || !x.key().equals(y.key())) {
                    continue;
                }
                ConflictRule rule = decide(x, y);
                if (rule != null && (best == null || rule.ordinal() < best.rule().ordinal())) {
                    best = new Decision(rule, x);
                }
            }
        }
        return best;
    }

    /**
     * The findings between two lines' operations (each in upgrade order). Errors are reported per pair of operations;
     * same-table warnings, opaque-SQL warnings and reference infos once per table (the first pair, with a count of
     * the others), and not at all for a table that already has an error between these lines; an unplaced operation
     * once against the other line (paired with that line's first operation).
     */
    static List<ConflictFinding> compare(String leftHead, List<SchemaOperation> left, String rightHead,
            List<SchemaOperation> right) {
        List<ConflictFinding> errors = new ArrayList<>();
        Map<String, int[]> grouped = new HashMap<>();
        Map<String, ConflictFinding> firstOfGroup = new HashMap<>();
        List<String> groupOrder = new ArrayList<>();
        Set<String> tablesWithErrors = new HashSet<>();
        List<List<Touch>> rightTouches = right.stream().map(ConflictRules::touches).toList();
        for (SchemaOperation l : left) {
            List<Touch> lt = touches(l);
            for (int j = 0; j < right.size(); j++) {
                Decision d = decide(lt, rightTouches.get(j));
                if (d == null) {
                    continue;
                }
                SchemaOperation r = right.get(j);
                ConflictFinding f = new ConflictFinding(d.rule().severity(), d.rule(),
                        d.rule().summary(d.touch().shown()) + conditional(l, r), leftHead, l, rightHead, r);
                if (d.rule().severity() == Severity.ERROR) {
                    errors.add(f);
                    tablesWithErrors.add(d.touch().table());
                } else {
                    String group = d.rule() + " " + d.touch().table();
                    int[] count = grouped.computeIfAbsent(group, k -> new int[1]);
                    if (count[0]++ == 0) {
                        firstOfGroup.put(group, f);
                        groupOrder.add(group);
                    }
                }
            }
        }
        List<ConflictFinding> out = new ArrayList<>(errors);
        for (String group : groupOrder) {
            ConflictFinding f = firstOfGroup.get(group);
            if (f.rule() != ConflictRule.OPAQUE_SQL && tablesWithErrors.contains(group.substring(group.indexOf(' ')
                    + 1))) {
                continue;
            }
            int more = grouped.get(group)[0] - 1;
            out.add(more == 0 ? f : new ConflictFinding(f.severity(), f.rule(), f.message() + " (and " + more
                    + " more pair" + (more == 1 ? "" : "s") + " of operations on it)", f.leftHead(), f.left(),
                    f.rightHead(), f.right()));
        }
        unplaced(leftHead, left, rightHead, right, true, out);
        unplaced(rightHead, right, leftHead, left, false, out);
        return out;
    }

    private static String conditional(SchemaOperation l, SchemaOperation r) {
        return l.conditional() || r.conditional() ? " (a conditional operation: it may not run)" : "";
    }

    /** One warning per operation of {@code ops} whose table is unknown, against the other line's operations. */
    private static void unplaced(String head, List<SchemaOperation> ops, String otherHead,
            List<SchemaOperation> other, boolean isLeft, List<ConflictFinding> out) {
        if (other.isEmpty()) {
            return;
        }
        SchemaOperation first = other.stream().filter(o -> !unplaced(o)).findFirst().orElse(other.get(0));
        for (SchemaOperation op : ops) {
            if (!unplaced(op)) {
                continue;
            }
            ConflictRule rule = op.kind() == Kind.OPAQUE_SQL && !op.isUnresolved() ? ConflictRule.OPAQUE_SQL
                    : ConflictRule.UNRESOLVED;
            String message = rule == ConflictRule.OPAQUE_SQL
                    ? "SQL that cannot be analysed (" + op.describe() + ") runs on one line; cannot tell whether it "
                            + "conflicts with the " + other.size() + " operation" + (other.size() == 1 ? "" : "s")
                            + " of the other line"
                    : rule.summary(op.describe()) + " (" + why(op) + "); the other line has " + other.size()
                            + " operation" + (other.size() == 1 ? "" : "s");
            out.add(isLeft ? new ConflictFinding(rule.severity(), rule, message, head, op, otherHead, first)
                    : new ConflictFinding(rule.severity(), rule, message, otherHead, first, head, op));
        }
    }

    private static String why(SchemaOperation op) {
        if (op.kind() == Kind.UNKNOWN_OPERATION) {
            return op.call() + " is not an operation this analysis knows";
        }
        if (op.unresolved().isEmpty()) {
            return "it names no table";
        }
        Unresolved u = op.unresolved().stream().filter(x -> TABLE_ARGUMENTS.contains(x.argument())).findFirst()
                .orElse(op.unresolved().get(0));
        return u.argument() + " = " + u.text() + " cannot be resolved statically: " + u.reason();
    }
}
