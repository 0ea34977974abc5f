package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.script.SchemaOperation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Best-effort recognition of plain DDL in the SQL text of {@code op.execute(...)}. The text is split into statements at
 * {@code ;} (outside quotes, comments and {@code $tag$} bodies); each statement becomes one or more {@link Parsed}:
 * <ul>
 *   <li>{@code ALTER TABLE [IF EXISTS] [ONLY] t} with comma-separated actions {@code ADD [COLUMN] c},
 *       {@code DROP [COLUMN] c}, {@code ALTER|MODIFY [COLUMN] c}, {@code CHANGE [COLUMN] a b},
 *       {@code RENAME [COLUMN] a TO b}, {@code RENAME TO t2}, {@code ADD [CONSTRAINT n] UNIQUE|PRIMARY KEY|FOREIGN
 *       KEY|CHECK|EXCLUDE ...}, {@code DROP CONSTRAINT n}, {@code ADD|DROP INDEX n} (any other action: opaque on
 *       {@code t});
 *   <li>{@code CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] t (c ..., ...)} (column names: the first word of each
 *       definition that is not a table constraint);
 *   <li>{@code DROP TABLE [IF EXISTS] a, b};
 *   <li>{@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] n ON [ONLY] t (c, ...)},
 *       {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] n [ON t]};
 *   <li>{@code INSERT INTO t}, {@code UPDATE t}, {@code DELETE FROM t}, {@code TRUNCATE [TABLE] t},
 *       {@code COMMENT ON TABLE|COLUMN t...}, {@code CREATE [OR REPLACE] TRIGGER|POLICY|RULE ... ON t}: opaque, on
 *       table {@code t};
 *   <li>anything else: opaque, table unknown.
 * </ul>
 * Identifiers may be quoted ({@code "x"}, {@code `x`}, {@code [x]}); quotes are removed, case is kept.
 */
final class SqlStatements {

    private SqlStatements() {}

    /**
     * One recognised (or opaque) piece of a statement.
     *
     * @param kind the operation ({@link Kind#OPAQUE_SQL} when not recognised)
     * @param schema schema of the table, or {@code null}
     * @param table the table, or {@code null} when not recognisable
     * @param column the column of a column action
     * @param name index or constraint name
     * @param newName new table or column name of a rename
     * @param columns columns of a created table, index or constraint
     * @param refSchema schema of a foreign key's referent table
     * @param refTable a foreign key's referent table, or {@code null}
     * @param statement the statement text, trimmed
     */
    record Parsed(Kind kind, String schema, String table, String column, String name, String newName,
            List<String> columns, String refSchema, String refTable, String statement) {}

    private static final Set<String> TABLE_CONSTRAINT_WORDS =
            Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE", "LIKE", "INDEX", "KEY");

    /** Recognises every statement of {@code sql}; an empty text gives no statement. */
    static List<Parsed> parse(String sql) {
        List<Parsed> out = new ArrayList<>();
        for (List<Tok> statement : split(lex(sql))) {
            new Statement(statement, sql).read(out);
        }
        return out;
    }

    /** A token: a word (keyword or bare identifier), a quoted identifier, a string literal, or punctuation. */
    private record Tok(char type, String text, int start, int end) {
        static final char WORD = 'w';
        static final char QUOTED = 'q';
        static final char LITERAL = 's';
        static final char PUNCT = 'p';

        boolean kw(String k) {
            return type == WORD && text.equalsIgnoreCase(k);
        }

        boolean punct(char c) {
            return type == PUNCT && text.charAt(0) == c;
        }

        boolean ident() {
            return type == WORD || type == QUOTED;
        }
    }

    private static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                StringBuilder sb = new StringBuilder();
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == close) {
                        if (close != ']' && j + 1 < n && s.charAt(j + 1) == close) {
                            sb.append(d);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(d);
                    j++;
                }
                out.add(new Tok(c == '\'' ? Tok.LITERAL : Tok.QUOTED, sb.toString(), i, Math.min(j + 1, n)));
                i = j + 1;
            } else if (c == '$' && dollarTag(s, i) != null) {
                String tag = dollarTag(s, i);
                int close = s.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                out.add(new Tok(Tok.LITERAL, s.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$'
                        || s.charAt(j) >= 0x80)) {
                    j++;
                }
                out.add(new Tok(Tok.WORD, s.substring(i, j), i, j));
                i = j;
            } else {
                out.add(new Tok(Tok.PUNCT, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /** {@code $tag$} (Postgres dollar quoting) starting at {@code i}, or {@code null}. */
    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }

    private static List<List<Tok>> split(List<Tok> toks) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (Tok t : toks) {
            if (t.punct(';')) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                }
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** Reads one statement with a cursor. */
    private static final class Statement {
        private List<Tok> t;
        private final String text;
        private int i;

        Statement(List<Tok> t, String sql) {
            this.t = t;
            this.text = sql.substring(t.get(0).start(), t.get(t.size() - 1).end()).strip();
        }

        private boolean kw(String k) {
            if (i < t.size() && t.get(i).kw(k)) {
                i++;
                return true;
            }
            return false;
        }

        private boolean kws(String... ks) {
            int save = i;
            for (String k : ks) {
                if (!kw(k)) {
                    i = save;
                    return false;
                }
            }
            return true;
        }

        private boolean punct(char c) {
            if (i < t.size() && t.get(i).punct(c)) {
                i++;
                return true;
            }
            return false;
        }

        /** A possibly qualified name: its parts, or {@code null} (cursor unchanged). */
        private List<String> qname() {
            if (i >= t.size() || !t.get(i).ident()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            parts.add(t.get(i++).text());
            while (i + 1 < t.size() && t.get(i).punct('.') && t.get(i + 1).ident()) {
                parts.add(t.get(i + 1).text());
                i += 2;
            }
            return parts;
        }

        private String ident() {
            return i < t.size() && t.get(i).ident() ? t.get(i++).text() : null;
        }

        private static String last(List<String> q) {
            return q == null ? null : q.get(q.size() - 1);
        }

        private static String schemaOf(List<String> q) {
            return q == null || q.size() < 2 ? null : q.get(q.size() - 2);
        }

        private Parsed op(Kind kind, List<String> table, String column, String name, String newName,
                List<String> columns) {
            return new Parsed(kind, schemaOf(table), last(table), column, name, newName, columns, null, null, text);
        }

        private Parsed opaque(List<String> table) {
            return op(Kind.OPAQUE_SQL, table, null, null, null, List.of());
        }

        void read(List<Parsed> out) {
            if (kws("ALTER", "TABLE")) {
                kws("IF", "EXISTS");
                kw("ONLY");
                List<String> table = qname();
                punct('*');
                if (table == null) {
                    out.add(opaque(null));
                    return;
                }
                for (int[] action : actions()) {
                    out.add(action(table, action[0], action[1]));
                }
            } else if (kw("CREATE")) {
                createStatement(out);
            } else if (kws("DROP", "TABLE")) {
                kws("IF", "EXISTS");
                do {
                    List<String> table = qname();
                    out.add(table == null ? opaque(null) : op(Kind.DROP_TABLE, table, null, null, null, List.of()));
                } while (punct(','));
            } else if (kws("DROP", "INDEX")) {
                kw("CONCURRENTLY");
                kws("IF", "EXISTS");
                List<String> index = qname();
                List<String> table = kw("ON") ? qname() : null;
                out.add(index == null ? opaque(null)
                        : new Parsed(Kind.DROP_INDEX, table != null ? schemaOf(table) : schemaOf(index), last(table),
                                null, last(index), null, List.of(), null, null, text));
            } else if (kws("INSERT", "INTO") || kw("UPDATE") || kws("DELETE", "FROM") || kw("TRUNCATE")) {
                kw("TABLE");
                kw("ONLY");
                out.add(opaque(qname()));
            } else if (kws("COMMENT", "ON", "TABLE")) {
                out.add(opaque(qname()));
            } else if (kws("COMMENT", "ON", "COLUMN")) {
                List<String> q = qname();
                out.add(opaque(q == null || q.size() < 2 ? null : q.subList(0, q.size() - 1)));
            } else {
                out.add(opaque(null));
            }
        }

        private void createStatement(List<Parsed> out) {
            boolean unique = kw("UNIQUE");
            if (!unique) {
                kws("OR", "REPLACE");
                kw("CONSTRAINT");
                while (kw("TEMP") || kw("TEMPORARY") || kw("UNLOGGED") || kw("GLOBAL") || kw("LOCAL")) {
                    // modifiers
                }
            }
            if (!unique && kw("TABLE")) {
                kws("IF", "NOT", "EXISTS");
                List<String> table = qname();
                if (table == null) {
                    out.add(opaque(null));
                    return;
                }
                List<String> columns = new ArrayList<>();
                if (punct('(')) {
                    for (int[] def : items(')')) {
                        Tok first = t.get(def[0]);
                        if (def[1] > def[0] && first.ident()
                                && !(first.type() == Tok.WORD
                                        && TABLE_CONSTRAINT_WORDS.contains(first.text().toUpperCase(Locale.ROOT)))) {
                            columns.add(first.text());
                        }
                    }
                }
                out.add(op(Kind.CREATE_TABLE, table, null, null, null, columns));
            } else if (kw("INDEX")) {
                kw("CONCURRENTLY");
                kws("IF", "NOT", "EXISTS");
                List<String> index = t.size() > i && !t.get(i).kw("ON") ? qname() : null;
                if (!kw("ON")) {
                    out.add(opaque(null));
                    return;
                }
                kw("ONLY");
                List<String> table = qname();
                if (kw("USING")) {
                    ident();
                }
                List<String> columns = punct('(') ? simpleItems(')') : List.of();
                out.add(table == null ? opaque(null) : op(Kind.CREATE_INDEX, table, null, last(index), null, columns));
            } else if (!unique && (kw("TRIGGER") || kw("POLICY") || kw("RULE"))) {
                while (i < t.size() && !t.get(i).kw("ON")) {
                    i++;
                }
                out.add(opaque(kw("ON") ? qname() : null));
            } else {
                out.add(opaque(null));
            }
        }

        /** Comma-separated actions up to the end of the statement, as token ranges. */
        private List<int[]> actions() {
            List<int[]> out = new ArrayList<>();
            int depth = 0;
            int start = i;
            for (int k = i; k < t.size(); k++) {
                Tok x = t.get(k);
                depth += x.punct('(') ? 1 : x.punct(')') ? -1 : 0;
                if (depth == 0 && x.punct(',')) {
                    out.add(new int[] {start, k});
                    start = k + 1;
                }
            }
            out.add(new int[] {start, t.size()});
            i = t.size();
            return out;
        }

        /** The items of a parenthesised list whose '(' was just read, up to {@code close}; cursor after it. */
        private List<int[]> items(char close) {
            List<int[]> out = new ArrayList<>();
            int depth = 0;
            int start = i;
            for (; i < t.size(); i++) {
                Tok x = t.get(i);
                if (depth == 0 && (x.punct(',') || x.punct(close))) {
                    if (i > start) {
                        out.add(new int[] {start, i});
                    }
                    start = i + 1;
                    if (x.punct(close)) {
                        i++;
                        break;
                    }
                    continue;
                }
                depth += x.punct('(') ? 1 : x.punct(')') ? -1 : 0;
            }
            return out;
        }

        /** The items that are one bare identifier (an index's plain columns). */
        private List<String> simpleItems(char close) {
            List<String> out = new ArrayList<>();
            for (int[] item : items(close)) {
                if (t.get(item[0]).ident() && (item[1] == item[0] + 1 || t.get(item[0] + 1).ident())) {
                    out.add(t.get(item[0]).text()); // "c" or "c DESC"
                }
            }
            return out;
        }

        /** One action of an ALTER TABLE: the tokens {@code [from, to)}. */
        private Parsed action(List<String> table, int from, int to) {
            List<Tok> all = t;
            t = all.subList(0, to);
            i = from;
            try {
                return actionAt(table);
            } finally {
                t = all;
                i = all.size();
            }
        }

        private Parsed actionAt(List<String> table) {
            if (kw("ADD")) {
                if (kw("CONSTRAINT")) {
                    String name = ident();
                    return constraint(table, name);
                }
                if (kw("INDEX") || kw("KEY")) {
                    String name = i < t.size() && !t.get(i).punct('(') ? ident() : null;
                    return op(Kind.CREATE_INDEX, table, null, name, null, punct('(') ? simpleItems(')') : List.of());
                }
                Parsed c = constraint(table, null);
                if (c != null) {
                    return c;
                }
                kw("COLUMN");
                kws("IF", "NOT", "EXISTS");
                String column = ident();
                return column == null ? opaque(table) : op(Kind.ADD_COLUMN, table, column, null, null, List.of());
            }
            if (kw("DROP")) {
                if (kw("CONSTRAINT")) {
                    kws("IF", "EXISTS");
                    String name = ident();
                    return name == null ? opaque(table) : op(Kind.DROP_CONSTRAINT, table, null, name, null, List.of());
                }
                if (kw("INDEX") || kw("KEY")) {
                    String name = ident();
                    return name == null ? opaque(table) : op(Kind.DROP_INDEX, table, null, name, null, List.of());
                }
                if (kw("PRIMARY") || kw("FOREIGN") || kw("CHECK")) {
                    return opaque(table);
                }
                kw("COLUMN");
                kws("IF", "EXISTS");
                String column = ident();
                return column == null ? opaque(table) : op(Kind.DROP_COLUMN, table, column, null, null, List.of());
            }
            if (kw("ALTER") || kw("MODIFY")) {
                kw("COLUMN");
                String column = ident();
                return column == null ? opaque(table) : op(Kind.ALTER_COLUMN, table, column, null, null, List.of());
            }
            if (kw("CHANGE")) {
                kw("COLUMN");
                String column = ident();
                String renamed = ident();
                return column == null ? opaque(table) : op(Kind.ALTER_COLUMN, table, column, null,
                        renamed != null && !renamed.equals(column) ? renamed : null, List.of());
            }
            if (kw("RENAME")) {
                if (kw("TO") || kw("AS")) {
                    List<String> target = qname();
                    return target == null ? opaque(table) : op(Kind.RENAME_TABLE, table, null, null, last(target),
                            List.of());
                }
                if (kw("CONSTRAINT") || kw("INDEX") || kw("KEY")) {
                    return opaque(table);
                }
                kw("COLUMN");
                String column = ident();
                String renamed = kw("TO") ? ident() : null;
                return column == null || renamed == null ? opaque(table)
                        : op(Kind.ALTER_COLUMN, table, column, null, renamed, List.of());
            }
            return opaque(table);
        }

        /** {@code UNIQUE|PRIMARY KEY|FOREIGN KEY|CHECK|EXCLUDE ...} at the cursor, or {@code null}. */
        private Parsed constraint(List<String> table, String name) {
            if (kw("UNIQUE")) {
                kw("KEY");
                kw("INDEX");
                return op(Kind.CREATE_UNIQUE_CONSTRAINT, table, null, name, null,
                        punct('(') ? simpleItems(')') : List.of());
            }
            if (kws("PRIMARY", "KEY")) {
                return op(Kind.CREATE_PRIMARY_KEY, table, null, name, null, punct('(') ? simpleItems(')') : List.of());
            }
            if (kw("CHECK")) {
                return op(Kind.CREATE_CHECK_CONSTRAINT, table, null, name, null, List.of());
            }
            if (kw("EXCLUDE")) {
                return op(Kind.CREATE_EXCLUDE_CONSTRAINT, table, null, name, null, List.of());
            }
            if (kws("FOREIGN", "KEY")) {
                List<String> columns = punct('(') ? simpleItems(')') : List.of();
                List<String> ref = kw("REFERENCES") ? qname() : null;
                return new Parsed(Kind.CREATE_FOREIGN_KEY, schemaOf(table), last(table), null, name, null, columns,
                        schemaOf(ref), last(ref), text);
            }
            return name == null ? null : opaque(table);
        }
    }
}
