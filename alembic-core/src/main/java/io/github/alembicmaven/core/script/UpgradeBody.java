package io.github.alembicmaven.core.script;

import static io.github.alembicmaven.core.script.PyTokens.DEDENT;
import static io.github.alembicmaven.core.script.PyTokens.ENDMARKER;
import static io.github.alembicmaven.core.script.PyTokens.INDENT;
import static io.github.alembicmaven.core.script.PyTokens.NAME;
import static io.github.alembicmaven.core.script.PyTokens.NEWLINE;
import static io.github.alembicmaven.core.script.PyTokens.OP;
import static io.github.alembicmaven.core.script.PyTokens.STRING;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.script.ModuleEvaluator.Binding;
import io.github.alembicmaven.core.script.SchemaOperation.Kind;
import io.github.alembicmaven.core.script.SchemaOperation.Reference;
import io.github.alembicmaven.core.script.SchemaOperation.Unresolved;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the body of {@code upgrade()} of one tokenized module (and of module-level functions it calls) and collects its
 * {@link SchemaOperation}s. See {@link UpgradeOperationReader}.
 */
final class UpgradeBody extends StatementWalker<UpgradeBody.Ctx> {

    /** Blocks whose body may not run. */
    private static final Set<String> CONDITIONAL = Set.of("if", "elif", "else", "for", "while", "except", "case");
    /** {@code op.*} attributes that do not change the schema by themselves. */
    private static final Set<String> NOT_OPERATIONS = Set.of("f", "get_bind", "get_context", "inline_literal",
            "implementation_for", "register_operation", "batch_alter_table", "context", "create_module_class_proxy");
    /** Operations that ignore the table of an enclosing {@code batch_alter_table}. */
    private static final Set<String> OWN_TABLE = Set.of("create_table", "drop_table", "rename_table", "bulk_insert");
    private static final int MAX_DEPTH = 16;
    private static final Set<String> DATA_CALLS = Set.of("update", "insert", "delete");
    private static final Set<String> AUGMENTED =
            Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "^=", "|=", "@=");

    /**
     * An operation's parameters in positional order (Alembic 1.8+; later versions made trailing ones keyword-only).
     * {@code restAt}: index of a {@code *rest} parameter, or -1.
     */
    private record Sig(Kind kind, List<String> params, int restAt) {
        static Sig of(Kind kind, String... params) {
            int rest = -1;
            List<String> names = new ArrayList<>();
            for (String p : params) {
                if (p.startsWith("*")) {
                    rest = names.size();
                    names.add(p.substring(1));
                } else {
                    names.add(p);
                }
            }
            return new Sig(kind, List.copyOf(names), rest);
        }
    }

    private static final List<String> ALTER_PARAMS = List.of("nullable", "comment", "server_default",
            "new_column_name", "type_", "existing_type", "existing_server_default", "existing_nullable",
            "existing_comment");
    private static final Map<String, Sig> OP_SIGS = new HashMap<>();
    private static final Map<String, Sig> BATCH_SIGS = new HashMap<>();

    static {
        for (Map<String, Sig> m : List.of(OP_SIGS, BATCH_SIGS)) {
            m.put("create_table", Sig.of(Kind.CREATE_TABLE, "table_name", "*columns"));
            m.put("drop_table", Sig.of(Kind.DROP_TABLE, "table_name", "schema"));
            m.put("rename_table", Sig.of(Kind.RENAME_TABLE, "old_table_name", "new_table_name", "schema"));
            m.put("bulk_insert", Sig.of(Kind.BULK_INSERT, "table", "rows", "multiinsert"));
            m.put("execute", Sig.of(Kind.OPAQUE_SQL, "sqltext", "execution_options"));
        }
        OP_SIGS.put("add_column", Sig.of(Kind.ADD_COLUMN, "table_name", "column", "schema"));
        OP_SIGS.put("drop_column", Sig.of(Kind.DROP_COLUMN, "table_name", "column_name", "schema"));
        List<String> alter = new ArrayList<>(List.of("table_name", "column_name"));
        alter.addAll(ALTER_PARAMS);
        alter.add("schema");
        OP_SIGS.put("alter_column", Sig.of(Kind.ALTER_COLUMN, alter.toArray(String[]::new)));
        OP_SIGS.put("create_index", Sig.of(Kind.CREATE_INDEX, "index_name", "table_name", "columns", "schema", "unique"));
        OP_SIGS.put("drop_index", Sig.of(Kind.DROP_INDEX, "index_name", "table_name", "schema"));
        OP_SIGS.put("create_unique_constraint",
                Sig.of(Kind.CREATE_UNIQUE_CONSTRAINT, "constraint_name", "table_name", "columns", "schema"));
        OP_SIGS.put("create_primary_key",
                Sig.of(Kind.CREATE_PRIMARY_KEY, "constraint_name", "table_name", "columns", "schema"));
        OP_SIGS.put("create_check_constraint",
                Sig.of(Kind.CREATE_CHECK_CONSTRAINT, "constraint_name", "table_name", "condition", "schema"));
        OP_SIGS.put("create_exclude_constraint",
                Sig.of(Kind.CREATE_EXCLUDE_CONSTRAINT, "constraint_name", "table_name", "*elements"));
        OP_SIGS.put("create_foreign_key", Sig.of(Kind.CREATE_FOREIGN_KEY, "constraint_name", "source_table",
                "referent_table", "local_cols", "remote_cols", "onupdate", "ondelete", "deferrable", "initially",
                "match", "source_schema", "referent_schema"));
        OP_SIGS.put("drop_constraint", Sig.of(Kind.DROP_CONSTRAINT, "constraint_name", "table_name", "type_", "schema"));
        OP_SIGS.put("create_table_comment",
                Sig.of(Kind.CREATE_TABLE_COMMENT, "table_name", "comment", "existing_comment", "schema"));
        OP_SIGS.put("drop_table_comment", Sig.of(Kind.DROP_TABLE_COMMENT, "table_name", "existing_comment", "schema"));

        BATCH_SIGS.put("add_column", Sig.of(Kind.ADD_COLUMN, "column", "insert_before", "insert_after"));
        BATCH_SIGS.put("drop_column", Sig.of(Kind.DROP_COLUMN, "column_name"));
        List<String> batchAlter = new ArrayList<>(List.of("column_name"));
        batchAlter.addAll(ALTER_PARAMS);
        BATCH_SIGS.put("alter_column", Sig.of(Kind.ALTER_COLUMN, batchAlter.toArray(String[]::new)));
        BATCH_SIGS.put("create_index", Sig.of(Kind.CREATE_INDEX, "index_name", "columns"));
        BATCH_SIGS.put("drop_index", Sig.of(Kind.DROP_INDEX, "index_name"));
        BATCH_SIGS.put("create_unique_constraint", Sig.of(Kind.CREATE_UNIQUE_CONSTRAINT, "constraint_name", "columns"));
        BATCH_SIGS.put("create_primary_key", Sig.of(Kind.CREATE_PRIMARY_KEY, "constraint_name", "columns"));
        BATCH_SIGS.put("create_check_constraint", Sig.of(Kind.CREATE_CHECK_CONSTRAINT, "constraint_name", "condition"));
        BATCH_SIGS.put("create_exclude_constraint", Sig.of(Kind.CREATE_EXCLUDE_CONSTRAINT, "constraint_name", "*elements"));
        BATCH_SIGS.put("create_foreign_key", Sig.of(Kind.CREATE_FOREIGN_KEY, "constraint_name", "referent_table",
                "local_cols", "remote_cols", "referent_schema"));
        BATCH_SIGS.put("drop_constraint", Sig.of(Kind.DROP_CONSTRAINT, "constraint_name", "type_"));
        BATCH_SIGS.put("create_table_comment", Sig.of(Kind.CREATE_TABLE_COMMENT, "comment", "existing_comment"));
        BATCH_SIGS.put("drop_table_comment", Sig.of(Kind.DROP_TABLE_COMMENT, "existing_comment"));
    }

    /** Keyword names of older Alembic releases, mapped to the current ones. */
    private static final Map<String, List<String>> LEGACY_KEYWORDS = Map.of(
            "name", List.of("index_name", "constraint_name"),
            "source", List.of("source_table", "table_name"),
            "referent", List.of("referent_table"),
            "local_cols", List.of("columns"),
            "tablename", List.of("table_name"));

    private final Path path;
    private final ModuleEvaluator module;
    private final List<SchemaOperation> out;
    private final List<Diagnostic> diagnostics;
    /** Names bound to {@code alembic.op}. */
    private final Set<String> opNames = new HashSet<>();
    /** Module-level {@code def}s: name → index of the {@code def} token (last definition wins). */
    private final Map<String, Integer> functions = new HashMap<>();
    /** Module-level {@code name = expr} statements: {@code name@line} → right-hand side token range. */
    private final Map<String, int[]> moduleAssignments = new HashMap<>();
    /** Every alias bound by {@code with op.batch_alter_table(...) as alias} (for {@code alias.f("name")}). */
    private final Set<String> batchNames = new HashSet<>();
    private final Deque<String> calling = new ArrayDeque<>();
    private boolean syntaxReported;
    private Scope scope;

    UpgradeBody(Path path, PyTokens t, ModuleEvaluator module, List<SchemaOperation> out,
            List<Diagnostic> diagnostics) {
        super(t);
        this.path = path;
        this.module = module;
        this.out = out;
        this.diagnostics = diagnostics;
    }

    /** A batch_alter_table context. */
    private record Batch(String schema, String table, List<Unresolved> unresolved) {}

    /** Where a statement runs: under a condition or not, with which batch_op aliases. */
    record Ctx(boolean conditional, Map<String, Batch> batches) {
        Ctx conditionally() {
            return conditional ? this : new Ctx(true, batches);
        }
    }

    /** A local variable of the function being read: a token range, or why it is not known. */
    private record Local(int from, int to, String reason) {}

    /** The local variables of one function. */
    private static final class Scope {
        final String function;
        final Map<String, Local> locals = new HashMap<>();
        final Set<String> connections = new HashSet<>();

        Scope(String function) {
            this.function = function;
        }

        void unknown(String name, String reason) {
            locals.put(name, new Local(0, 0, reason));
            connections.remove(name);
        }
    }

    void read() {
        scanModule();
        Integer def = functions.get("upgrade");
        if (def == null) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.UNRESOLVED_OPERATION, path, 0,
                    "No top-level def upgrade() (Alembic: AttributeError when upgrading); its operations are unknown",
                    "define def upgrade() -> None: at module level"));
            return;
        }
        call("upgrade", def, new Ctx(false, Map.of()));
    }

    // ------------------------------------------------------------------------------------------------- module

    private void scanModule() {
        module.bindings().forEach((name, b) -> {
            if ("alembic.op".equals(b.qualified())) {
                opNames.add(name);
            }
        });
        if (module.binding("op") == null) {
            opNames.add("op");
        }
        int depth = 0;
        boolean lineStart = true;
        for (int i = 0; t.type[i] != ENDMARKER; i++) {
            int ty = t.type[i];
            if (ty == INDENT || ty == DEDENT || ty == NEWLINE) {
                depth += ty == INDENT ? 1 : ty == DEDENT ? -1 : 0;
                lineStart = true;
                continue;
            }
            if (lineStart && depth == 0 && ty == NAME) {
                int d = t.is(i, "async") ? i + 1 : i;
                if (t.is(d, "def") && t.type[d + 1] == NAME) {
                    functions.put(t.text(d + 1), d);
                } else {
                    int e = t.simpleEnd(i);
                    List<Integer> eqs = assignments(i, e);
                    int start = i;
                    for (int eq : eqs) {
                        if (eq == start + 1 && t.type[start] == NAME) {
                            moduleAssignments.put(t.text(start) + "@" + t.line[i],
                                    new int[] {eqs.get(eqs.size() - 1) + 1, e});
                        }
                        start = eq + 1;
                    }
                }
            }
            lineStart = false;
        }
    }

    /** The depth-0 {@code =} tokens of the simple statement {@code [s, e)}. */
    private List<Integer> assignments(int s, int e) {
        List<Integer> eqs = new ArrayList<>(1);
        int depth = 0;
        for (int i = s; i < e; i++) {
            depth += t.bracketDelta(i);
            if (depth == 0 && t.type[i] == OP && t.is(i, "=")) {
                eqs.add(i);
            } else if (depth == 0 && t.is(i, "lambda")) {
                break;
            }
        }
        return eqs;
    }

    // ------------------------------------------------------------------------------------------------ statements

    /** Reads the body of the module-level function {@code name} (the def at {@code def}). */
    private void call(String name, int def, Ctx ctx) {
        if (calling.contains(name) || calling.size() >= MAX_DEPTH) {
            return;
        }
        int colon = t.headerColon(def);
        if (colon < 0) {
            return; // the tokenizer or the module evaluator reports the broken header
        }
        Scope saved = scope;
        int savedP = p;
        scope = new Scope(name);
        int open = def + 2;
        int close = t.isOp(open, '(') ? t.matching(open) : -1;
        int depth = 0;
        for (int i = open; i < close; i++) {
            depth += t.bracketDelta(i);
            if (depth == 1 && t.type[i] == NAME && (t.isOp(i - 1, '(') || t.isOp(i - 1, ',') || t.isOp(i - 1, '*')
                    || t.is(i - 1, "**"))) {
                scope.unknown(t.text(i), "it is a parameter of " + name + "()");
            }
        }
        calling.push(name);
        p = colon + 1;
        if (t.type[p] == NEWLINE && t.type[p + 1] == INDENT) {
            p += 2;
            block(new Ctx(ctx.conditional(), Map.of()), true);
        } else if (t.type[p] != NEWLINE && t.type[p] != ENDMARKER) {
            simpleStatements(new Ctx(ctx.conditional(), Map.of()));
        }
        calling.pop();
        scope = saved;
        p = savedP;
    }

    @Override
    Ctx header(String kw, int s, int colon, Ctx ctx, boolean skip) {
        int from = t.is(s, "async") ? s + 2 : s + 1;
        if (skip) {
            if (t.type[from] == NAME) {
                scope.unknown(t.text(from), "it is a function or class defined inside " + scope.function + "()");
            }
            return ctx;
        }
        int line = t.line[s];
        Ctx inner = CONDITIONAL.contains(kw) ? ctx.conditionally() : ctx;
        if (kw.equals("with")) {
            return withItems(from, colon, inner, line);
        }
        scanCalls(from, colon, ctx);
        if (kw.equals("for")) {
            for (int i = from; i < colon && !t.is(i, "in"); i++) {
                if (t.type[i] == NAME) {
                    scope.unknown(t.text(i), "it is the loop variable of the for loop at line " + line);
                }
            }
        }
        return inner;
    }

    /** The items of a {@code with} header {@code [from, colon)}: batch_alter_table aliases enter the context. */
    private Ctx withItems(int from, int colon, Ctx ctx, int line) {
        int a = from;
        int b = colon;
        if (t.isOp(a, '(') && t.matching(a) == b - 1) {
            a++;
            b--;
        }
        Map<String, Batch> batches = new HashMap<>(ctx.batches());
        for (int[] item : split(a, b)) {
            int as = -1;
            for (int i = item[0]; i < item[1]; i++) {
                if (t.is(i, "as") && t.bracketDelta(i) == 0) {
                    as = i;
                }
            }
            int exprEnd = as < 0 ? item[1] : as;
            String target = as >= 0 && as + 2 == item[1] && t.type[as + 1] == NAME ? t.text(as + 1) : null;
            Call c = call(item[0], exprEnd);
            if (c != null && c.names.size() == 2 && isOp(c.names.get(0)) && c.names.get(1).equals("batch_alter_table")) {
                Args args = args(c, Sig.of(Kind.ALTER_COLUMN, "table_name", "schema"));
                Op o = new Op(Kind.ALTER_COLUMN, "batch_alter_table", line, false);
                String table = string(o, args, "table_name", true);
                String schema = string(o, args, "schema", false);
                if (target != null) {
                    batches.put(target, new Batch(schema, table, o.unresolved));
                    batchNames.add(target);
                    scope.locals.remove(target);
                }
            } else {
                scanCalls(item[0], exprEnd, ctx);
                if (target != null) {
                    scope.unknown(target, "it is bound by the with statement at line " + line);
                }
            }
        }
        return new Ctx(ctx.conditional(), Map.copyOf(batches));
    }

    @Override
    void simple(int s, int e, Ctx ctx) {
        int line = t.line[s];
        if (t.is(s, "import") || t.is(s, "from")) {
            imports(s, e);
            return;
        }
        List<Integer> eqs = assignments(s, e);
        if (!eqs.isEmpty()) {
            int rhs = eqs.get(eqs.size() - 1) + 1;
            int start = s;
            for (int eq : eqs) {
                bind(start, eq, rhs, e, ctx, line);
                start = eq + 1;
            }
        } else if (t.type[s] == NAME && t.type[s + 1] == OP && AUGMENTED.contains(t.text(s + 1))) {
            scope.unknown(t.text(s), "it is changed by '" + t.text(s + 1) + "' at line " + line);
        }
        scanCalls(s, e, ctx);
    }

    private void imports(int s, int e) {
        boolean from = t.is(s, "from");
        String module = from ? t.span(s + 1, indexOf(s, e, "import")).replace(" ", "") : null;
        int i = from ? indexOf(s, e, "import") + 1 : s + 1;
        for (int[] item : split(t.isOp(i, '(') ? i + 1 : i, t.isOp(e - 1, ')') ? e - 1 : e)) {
            int as = indexOf(item[0], item[1], "as");
            String name = as < item[1] ? t.text(as + 1) : t.text(item[0]);
            String original = t.text(item[0]);
            if (from && "alembic".equals(module) && original.equals("op")) {
                opNames.add(name);
                scope.locals.remove(name);
            } else {
                scope.unknown(name, "it is imported inside " + scope.function + "() at line " + t.line[s]);
            }
        }
    }

    private int indexOf(int from, int to, String word) {
        int i = from;
        while (i < to && !t.is(i, word)) {
            i++;
        }
        return i;
    }

    /** Binds the assignment target {@code [a, b)} to the value {@code [from, to)}. */
    private void bind(int a, int b, int from, int to, Ctx ctx, int line) {
        String name = null;
        if (t.type[a] == NAME && (b == a + 1 || t.isOp(a + 1, ':'))) {
            name = t.text(a);
        }
        if (name == null) {
            for (int i = a; i < b; i++) {
                if (t.type[i] == NAME && !t.isOp(i - 1, '.') && !t.isOp(i + 1, '.') && !t.isOp(i + 1, '(')
                        && !t.isOp(i + 1, '[')) {
                    scope.unknown(t.text(i), "it is bound by unpacking at line " + line);
                }
            }
            return;
        }
        boolean connection = to - from == 5 && isOp(t.text(from)) && t.is(from + 2, "get_bind") && t.isOp(from + 3,
                '(') && t.isOp(from + 4, ')');
        if (ctx.conditional()) {
            scope.unknown(name, "it is bound inside a conditional block at line " + line);
        } else {
            scope.locals.put(name, new Local(from, to, null));
            scope.connections.remove(name);
        }
        if (connection) {
            scope.connections.add(name);
        }
    }

    /** Comma-separated items of {@code [from, to)} at depth 0. */
    private List<int[]> split(int from, int to) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            depth += t.bracketDelta(i);
            if (depth == 0 && t.isOp(i, ',')) {
                if (i > start) {
                    items.add(new int[] {start, i});
                }
                start = i + 1;
            }
        }
        if (to > start) {
            items.add(new int[] {start, to});
        }
        return items;
    }

    private boolean isOp(String name) {
        return opNames.contains(name) && !scope.locals.containsKey(name);
    }

    /** Finds the operation calls in {@code [from, to)}. */
    private void scanCalls(int from, int to, Ctx ctx) {
        for (int i = from; i < to; i++) {
            if (t.type[i] != NAME || (i > 0 && t.isOp(i - 1, '.'))) {
                continue;
            }
            String name = t.text(i);
            int line = t.line[i];
            if (t.isOp(i + 1, '.') && t.type[i + 2] == NAME && t.isOp(i + 3, '(') && i + 3 < to) {
                int close = closing(i + 3, to);
                String method = t.text(i + 2);
                if (isOp(name)) {
                    if (method.equals("get_bind") && t.isOp(close + 1, '.') && isExecute(close + 2)
                            && t.isOp(close + 3, '(')) {
                        int end = closing(close + 3, to);
                        execute(name + ".get_bind()." + t.text(close + 2), close + 3, end, null, ctx, line);
                        i = end;
                    } else {
                        operation(name, method, null, i + 3, close, ctx, line);
                        i = close;
                    }
                    continue;
                }
                Batch batch = scope.locals.containsKey(name) ? null : ctx.batches().get(name);
                if (batch != null) {
                    operation(name, method, batch, i + 3, close, ctx, line);
                    i = close;
                    continue;
                }
                if (scope.connections.contains(name) && isExecute(i + 2)) {
                    execute(name + "." + method, i + 3, close, null, ctx, line);
                    i = close;
                    continue;
                }
            }
            if (t.isOp(i + 1, '(') && functions.containsKey(name) && !scope.locals.containsKey(name)) {
                call(name, functions.get(name), ctx);
            }
        }
    }

    private boolean isExecute(int i) {
        return t.is(i, "execute") || t.is(i, "exec_driver_sql");
    }

    private int closing(int open, int to) {
        int close = t.matching(open);
        return close < 0 || close >= to ? to - 1 : close;
    }

    // ------------------------------------------------------------------------------------------------ operations

    /** A call of {@code receiver.method(...)} with the parenthesis at {@code open}/{@code close}. */
    private void operation(String receiver, String method, Batch batch, int open, int close, Ctx ctx, int line) {
        if (NOT_OPERATIONS.contains(method)) {
            return;
        }
        String callText = receiver + "." + method;
        Sig sig = (batch == null ? OP_SIGS : BATCH_SIGS).get(method);
        boolean inBatch = batch != null && !OWN_TABLE.contains(method);
        if (sig == null) {
            Op o = new Op(Kind.UNKNOWN_OPERATION, callText, line, ctx.conditional());
            if (inBatch) {
                o.batch(batch);
            }
            o.emit();
            return;
        }
        if (method.equals("execute")) {
            execute(callText, open, close, batch, ctx, line);
            return;
        }
        Args a = args(new Call(List.of(receiver, method), open, close), sig);
        Op o = new Op(sig.kind(), callText, line, ctx.conditional());
        if (inBatch) {
            o.batch(batch);
        } else if (!method.equals("create_foreign_key") && !method.equals("bulk_insert")) {
            String tableParam = method.equals("rename_table") ? "old_table_name" : "table_name";
            o.table = string(o, a, tableParam, !method.equals("drop_index"));
            o.schema = string(o, a, "schema", false);
        }
        List<Op> extra = new ArrayList<>();
        switch (method) {
            case "create_table" -> tableElements(o, a, extra);
            case "rename_table" -> o.newName = string(o, a, "new_table_name", true);
            case "add_column" -> column(o, a.get("column"), "column", extra);
            case "drop_column" -> o.column = string(o, a, "column_name", true);
            case "alter_column" -> {
                o.column = string(o, a, "column_name", true);
                o.newName = string(o, a, "new_column_name", false);
                for (String d : List.of("type_", "nullable", "server_default", "comment")) {
                    o.detail(d, a.text(d));
                }
            }
            case "create_index", "create_unique_constraint", "create_primary_key" -> {
                o.name = string(o, a, method.equals("create_index") ? "index_name" : "constraint_name", false);
                o.columns.addAll(strings(o, a, "columns"));
                o.detail("unique", a.text("unique"));
            }
            case "drop_index" -> o.name = string(o, a, "index_name", true);
            case "create_check_constraint", "create_exclude_constraint", "drop_constraint" -> {
                o.name = string(o, a, "constraint_name", method.equals("drop_constraint"));
                o.detail("condition", a.text("condition"));
                o.detail("type_", a.text("type_"));
            }
            case "create_foreign_key" -> {
                o.name = string(o, a, "constraint_name", false);
                if (!inBatch) {
                    o.table = string(o, a, "source_table", true);
                    o.schema = string(o, a, "source_schema", false);
                }
                o.columns.addAll(strings(o, a, "local_cols"));
                String refSchema = string(o, a, "referent_schema", false);
                String refTable = string(o, a, "referent_table", true);
                o.reference = refTable == null ? null : new Reference(refSchema, refTable, strings(o, a,
                        "remote_cols"));
            }
            case "create_table_comment" -> o.detail("comment", a.text("comment"));
            case "bulk_insert" -> tableOf(o, a.get("table"), "table");
            default -> {
                // drop_table, drop_table_comment: table and schema only
            }
        }
        o.emit();
        extra.forEach(Op::emit);
    }

    /** The positional elements of {@code create_table}: columns, and constraints or indexes that have a name. */
    private void tableElements(Op o, Args a, List<Op> extra) {
        for (int[] el : a.rest) {
            if (t.isOp(el[0], '*') || t.is(el[0], "**")) {
                o.unresolved("columns", t.span(el[0], el[1]), "it is unpacked from an expression");
                continue;
            }
            Call c = call(follow(el[0], el[1]));
            String kind = c == null ? "" : c.last();
            switch (kind) {
                case "Column" -> {
                    Op col = new Op(Kind.ADD_COLUMN, o.call, o.line, o.conditional);
                    col.schema = o.schema;
                    col.table = o.table;
                    column(col, el, "columns", extra);
                    if (col.column != null) {
                        o.columns.add(col.column);
                    }
                    o.unresolved.addAll(col.unresolved);
                }
                case "UniqueConstraint", "PrimaryKeyConstraint", "CheckConstraint", "ForeignKeyConstraint", "Index" -> {
                    Kind k = switch (kind) {
                        case "UniqueConstraint" -> Kind.CREATE_UNIQUE_CONSTRAINT;
                        case "PrimaryKeyConstraint" -> Kind.CREATE_PRIMARY_KEY;
                        case "CheckConstraint" -> Kind.CREATE_CHECK_CONSTRAINT;
                        case "ForeignKeyConstraint" -> Kind.CREATE_FOREIGN_KEY;
                        default -> Kind.CREATE_INDEX;
                    };
                    Op con = new Op(k, String.join(".", c.names) + " in " + o.call, o.line, o.conditional);
                    con.target(o);
                    Args ca = args(c, k == Kind.CREATE_INDEX ? Sig.of(k, "name", "*expressions")
                            : k == Kind.CREATE_FOREIGN_KEY ? Sig.of(k, "columns", "refcolumns")
                            : k == Kind.CREATE_CHECK_CONSTRAINT ? Sig.of(k, "sqltext") : Sig.of(k, "*columns"));
                    con.name = string(con, ca, "name", false);
                    if (k == Kind.CREATE_FOREIGN_KEY) {
                        con.columns.addAll(strings(con, ca, "columns"));
                        List<String> refs = strings(con, ca, "refcolumns");
                        con.reference = reference(refs);
                    } else {
                        for (int[] r : ca.rest) {
                            Res v = str(r[0], r[1]);
                            if (v.value != null) {
                                con.columns.add(v.value);
                            }
                        }
                    }
                    if (con.name != null || con.isUnresolved("name") || k == Kind.CREATE_FOREIGN_KEY) {
                        extra.add(con);
                    }
                }
                default -> o.unresolved("columns", t.span(el[0], el[1]),
                        "it is not a Column, constraint or Index call");
            }
        }
    }

    /** A foreign key's target from {@code "table.col"} or {@code "schema.table.col"} strings. */
    private static Reference reference(List<String> targets) {
        String schema = null;
        String table = null;
        List<String> columns = new ArrayList<>();
        for (String target : targets) {
            String[] parts = target.split("\\.");
            if (parts.length >= 2) {
                table = parts[parts.length - 2];
                schema = parts.length >= 3 ? parts[parts.length - 3] : null;
                columns.add(parts[parts.length - 1]);
            }
        }
        return table == null ? null : new Reference(schema, table, columns);
    }

    /** Reads a {@code sa.Column(name, type, ..., sa.ForeignKey("t.c"), nullable=...)} into {@code o}. */
    private void column(Op o, int[] arg, String argument, List<Op> extra) {
        if (arg == null) {
            o.unresolved(argument, "", "it is not given");
            return;
        }
        Target target = follow(arg[0], arg[1]);
        Call c = call(target);
        if (target.reason != null || c == null || !c.last().equals("Column")) {
            o.unresolved(argument, t.span(arg[0], arg[1]),
                    target.reason != null ? target.reason : "it is not a Column(...) call");
            return;
        }
        Args a = args(c, Sig.of(Kind.ADD_COLUMN, "*args"));
        int typeAt = 0;
        if (!a.rest.isEmpty() && namesColumn(a.rest.get(0))) {
            Res r = str(a.rest.get(0)[0], a.rest.get(0)[1]);
            if (r.reason != null) {
                o.unresolved(argument, t.span(a.rest.get(0)[0], a.rest.get(0)[1]), r.reason);
            }
            o.column = r.value;
            typeAt = 1;
        } else if (a.keywords.containsKey("name")) {
            o.column = string(o, a, "name", true);
        } else {
            o.unresolved(argument, t.span(arg[0], arg[1]), "the column has no literal name");
        }
        Call typeCall = a.rest.size() > typeAt ? call(a.rest.get(typeAt)[0], a.rest.get(typeAt)[1]) : null;
        if (typeCall != null && typeCall.last().equals("ForeignKey")) {
            typeAt = -1;
        }
        if (typeAt >= 0 && a.rest.size() > typeAt) {
            o.detail("type", t.span(a.rest.get(typeAt)[0], a.rest.get(typeAt)[1]));
        }
        for (String d : List.of("nullable", "server_default", "primary_key", "unique")) {
            o.detail(d, a.text(d));
        }
        for (int[] el : a.rest) {
            Call fk = call(el[0], el[1]);
            if (fk != null && fk.last().equals("ForeignKey")) {
                Op con = new Op(Kind.CREATE_FOREIGN_KEY, String.join(".", fk.names) + " in " + o.call, o.line,
                        o.conditional);
                con.target(o);
                if (o.column != null) {
                    con.columns.add(o.column);
                }
                Args fa = args(fk, Sig.of(Kind.CREATE_FOREIGN_KEY, "column"));
                con.name = string(con, fa, "name", false);
                String ref = string(con, fa, "column", true);
                con.reference = ref == null ? null : reference(List.of(ref));
                extra.add(con);
            }
        }
    }

    /** Whether the first positional argument of a Column names it (a string, or a name that is not a type). */
    private boolean namesColumn(int[] arg) {
        if (t.type[arg[0]] == STRING) {
            return true;
        }
        Call c = call(arg[0], arg[1]);
        if (c != null) {
            return isNameMarker(c);
        }
        if (arg[1] - arg[0] != 1 || t.type[arg[0]] != NAME) {
            return false; // sa.Integer, sa.String(50): the type
        }
        Binding b = scope.locals.containsKey(t.text(arg[0])) ? null : module.binding(t.text(arg[0]));
        return b == null || b.qualified() == null || !b.qualified().startsWith("sqlalchemy");
    }

    /** {@code op.f("name")} or {@code batch_op.f("name")}: the name, marked as final for naming conventions. */
    private boolean isNameMarker(Call c) {
        return c.names.size() == 2 && c.last().equals("f")
                && (isOp(c.names.get(0)) || batchNames.contains(c.names.get(0)));
    }

    /** {@code op.execute(sqltext)} or {@code connection.execute(statement)}. */
    private void execute(String callText, int open, int close, Batch batch, Ctx ctx, int line) {
        Args a = args(new Call(List.of(callText), open, close), Sig.of(Kind.OPAQUE_SQL, "sqltext"));
        int[] arg = a.get("sqltext");
        Op opaque = new Op(Kind.OPAQUE_SQL, callText, line, ctx.conditional());
        if (arg == null) {
            opaque.unresolved("sqltext", "", "it is not given");
            opaque.emit();
            return;
        }
        String text = t.span(arg[0], arg[1]);
        Target target = follow(arg[0], arg[1]);
        if (target.reason == null) {
            target = withoutStatementOptions(target);
        }
        Call c = call(target);
        int[] inner = c != null && (c.last().equals("text") || c.last().equals("DDL"))
                ? args(c, Sig.of(Kind.OPAQUE_SQL, "text")).get("text") : null;
        if (inner != null) {
            target = follow(inner[0], inner[1]);
        }
        Res sql = target.reason != null ? new Res(null, target.reason) : str(target.from, target.to);
        if (sql.value != null) {
            for (SqlStatements.Parsed s : SqlStatements.parse(sql.value)) {
                Op o = new Op(s.kind(), callText, line, ctx.conditional());
                o.schema = s.schema();
                o.table = s.table();
                if (o.table == null && batch != null && s.kind() == Kind.OPAQUE_SQL) {
                    o.batch(batch); // batch_op.execute(): SQL against the batch's table, as far as can be told
                }
                o.column = s.column();
                o.name = s.name();
                o.newName = s.newName();
                o.columns.addAll(s.columns());
                o.reference = s.refTable() == null ? null : new Reference(s.refSchema(), s.refTable(), List.of());
                o.details.put(SchemaOperation.SQL, s.statement());
                o.emit();
            }
            return;
        }
        if (sql.reason == null) {
            return; // op.execute(None)
        }
        // a SQLAlchemy expression: t.update()..., sa.update(t)..., sa.insert(t)...: opaque, on a known table if any
        opaque.details.put(SchemaOperation.SQL, text);
        if (target.reason == null && dataStatementTable(opaque, target.from, target.to)) {
            opaque.emit();
            return;
        }
        opaque.unresolved("sqltext", text, sql.reason);
        opaque.emit();
    }

    /** {@code sa.text(...)} without trailing {@code .bindparams(...)}, {@code .columns(...)}, {@code
     * .execution_options(...)} calls, which do not change the SQL text. */
    private Target withoutStatementOptions(Target target) {
        int to = target.to;
        while (to - target.from > 4 && t.isOp(to - 1, ')')) {
            int open = -1;
            for (int i = to - 2, depth = 0; i >= target.from; i--) {
                depth += t.bracketDelta(i);
                if (depth == 1) {
                    open = i;
                    break;
                }
            }
            if (open < target.from + 3 || !t.isOp(open - 2, '.') || !t.isOp(open - 3, ')')
                    || !Set.of("bindparams", "columns", "execution_options").contains(t.text(open - 1))) {
                break;
            }
            to = open - 2;
        }
        return new Target(target.from, to, target.moduleLevel(), null);
    }

    /** {@code t.update()...}, {@code sa.update(t)...}: sets the table of {@code o}; whether one was found. */
    private boolean dataStatementTable(Op o, int from, int to) {
        int i = from;
        while (i + 2 < to && t.type[i] == NAME && t.isOp(i + 1, '.')) {
            i += 2;
        }
        if (t.type[i] != NAME || !t.isOp(i + 1, '(') || !DATA_CALLS.contains(t.text(i))) {
            return false;
        }
        List<int[]> candidates = new ArrayList<>();
        if (i > from) {
            candidates.add(new int[] {from, i - 1}); // t.update(): the receiver
        }
        List<int[]> args = split(i + 2, t.matching(i + 1));
        if (!args.isEmpty()) {
            candidates.add(args.get(0)); // sa.update(t)
        }
        for (int[] candidate : candidates) {
            Op probe = new Op(Kind.OPAQUE_SQL, o.call, o.line, o.conditional);
            if (tableOf(probe, candidate, "table") && !probe.isUnresolved()) {
                o.table = probe.table;
                o.schema = probe.schema;
                return true;
            }
        }
        return false;
    }

    /**
     * A table given as {@code sa.table("t", ...)}, {@code sa.Table("t", meta, ...)}, {@code op.create_table("t", ...)}
     * or a name bound to one; sets table and schema of {@code o} or records it as unresolved. Returns whether the
     * expression is such a table (resolved or not).
     */
    private boolean tableOf(Op o, int[] arg, String argument) {
        if (arg == null) {
            o.unresolved(argument, "", "it is not given");
            return false;
        }
        Target target = follow(arg[0], arg[1]);
        Call c = call(target);
        boolean tableCall = c != null && (c.last().equals("table") || c.last().equals("Table")
                || (c.last().equals("create_table") && c.names.size() == 2 && isOp(c.names.get(0))));
        if (target.reason != null || !tableCall) {
            o.unresolved(argument, t.span(arg[0], arg[1]),
                    target.reason != null ? target.reason : "it is not a table(\"name\", ...) expression");
            return false;
        }
        Args a = args(c, Sig.of(Kind.BULK_INSERT, "name", "*rest"));
        o.table = string(o, a, "name", true);
        o.schema = string(o, a, "schema", false);
        if (o.isUnresolved("name")) {
            Unresolved u = o.unresolved.remove(o.unresolved.size() - 1);
            o.unresolved(argument, t.span(arg[0], arg[1]), u.reason());
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ values

    /** An expression range after following bare names, or why it is unknown. */
    private record Target(int from, int to, boolean moduleLevel, String reason) {}

    /** Follows a bare name to the expression bound to it: a local of the function, else a module-level assignment. */
    private Target follow(int from, int to) {
        boolean moduleLevel = false;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            while (to - from >= 3 && t.isOp(from, '(') && t.matching(from) == to - 1 && !hasTopLevelComma(from + 1,
                    to - 1)) {
                from++;
                to--;
            }
            if (to - from != 1 || t.type[from] != NAME) {
                return new Target(from, to, moduleLevel, null);
            }
            String name = t.text(from);
            Local local = moduleLevel ? null : scope.locals.get(name);
            if (local != null) {
                if (local.reason != null) {
                    return new Target(from, to, moduleLevel, "'" + name + "': " + local.reason);
                }
                from = local.from;
                to = local.to;
                continue;
            }
            Binding b = module.binding(name);
            int[] range = b != null && b.qualified() == null && b.value() instanceof PyValue.Unknown
                    ? moduleAssignments.get(name + "@" + b.line()) : null;
            if (range == null) {
                return new Target(from, to, moduleLevel, null);
            }
            from = range[0];
            to = range[1];
            moduleLevel = true;
        }
        return new Target(from, to, moduleLevel, "it is bound through too many names");
    }

    private boolean hasTopLevelComma(int from, int to) {
        return split(from, to).size() > 1 || (to > from && t.isOp(to - 1, ','));
    }

    /** A resolved string ({@code value}; {@code null} for {@code None}), or why it cannot be known. */
    private record Res(String value, String reason) {}

    private Res str(int from, int to) {
        Target target = follow(from, to);
        if (target.reason != null) {
            return new Res(null, target.reason);
        }
        Call c = call(target);
        if (c != null && (isNameMarker(c) || c.last().equals("conv") || c.last().equals("quoted_name"))) {
            int[] inner = args(c, Sig.of(Kind.OPAQUE_SQL, "value")).get("value");
            if (inner != null) {
                return str(inner[0], inner[1]);
            }
        }
        if (!target.moduleLevel) {
            for (int i = target.from; i < target.to; i++) {
                if (t.type[i] == NAME && !t.isOp(i - 1, '.') && scope.locals.containsKey(t.text(i))
                                && !t.isOp(i + 1, '=')) {
                    return new Res(null, "it uses '" + t.text(i) + "', a local name of " + scope.function + "()");
                }
            }
        }
        PyValue v = module.expression(target.from, target.to);
        if (v instanceof PyValue.Str s) {
            return new Res(s.value(), null);
        }
        if (v instanceof PyValue.None) {
            return new Res(null, null);
        }
        if (v instanceof PyValue.Unknown u) {
            boolean unbound = target.to - target.from == 1 && t.type[target.from] == NAME
                    && module.binding(t.text(target.from)) == null
                    && u.text().equals(t.text(target.from));
            return new Res(null, unbound ? "the name '" + u.text() + "' is bound neither in " + scope.function
                    + "() nor at module level" : u.reason());
        }
        return new Res(null, "it is a " + v.typeName() + ", not a str");
    }

    /** The string argument {@code param}; unresolved (or, if {@code required}, missing) values are recorded. */
    private String string(Op o, Args a, String param, boolean required) {
        int[] arg = a.get(param);
        if (arg == null) {
            if (a.unpacked != null) {
                o.unresolved(param, a.unpacked, "it may be passed by " + a.unpacked);
            } else if (required) {
                o.unresolved(param, "", "it is not given");
            }
            return null;
        }
        Res r = str(arg[0], arg[1]);
        if (r.reason != null) {
            o.unresolved(param, t.span(arg[0], arg[1]), r.reason);
        }
        return r.value;
    }

    /** A list of strings (a list, tuple or one string); non-string elements (expressions) are skipped. */
    private List<String> strings(Op o, Args a, String param) {
        int[] arg = a.get(param);
        if (arg == null) {
            return List.of();
        }
        Target target = follow(arg[0], arg[1]);
        if (target.reason != null) {
            o.unresolved(param, t.span(arg[0], arg[1]), target.reason);
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if ((t.isOp(target.from, '[') || t.isOp(target.from, '(')) && t.matching(target.from) == target.to - 1) {
            for (int[] el : split(target.from + 1, target.to - 1)) {
                Res r = str(el[0], el[1]);
                if (r.value != null) {
                    values.add(r.value);
                } else if (r.reason != null && call(el[0], el[1]) == null) {
                    o.unresolved(param, t.span(el[0], el[1]), r.reason);
                }
            }
            return values;
        }
        PyValue v = module.expression(target.from, target.to);
        if (v instanceof PyValue.Str s) {
            return List.of(s.value());
        }
        if (v instanceof PyValue.Seq seq) {
            for (PyValue item : seq.items()) {
                if (item instanceof PyValue.Str s) {
                    values.add(s.value());
                }
            }
            return values;
        }
        o.unresolved(param, t.span(arg[0], arg[1]), v instanceof PyValue.Unknown u ? u.reason()
                : "it is a " + v.typeName() + ", not a list of str");
        return values;
    }

    // ------------------------------------------------------------------------------------------------ calls

    /**
     * A call {@code a.b.c(...)} spanning exactly the tokens it was parsed from.
     *
     * @param names the dotted callee
     * @param open the opening parenthesis
     * @param close the closing parenthesis
     */
    private record Call(List<String> names, int open, int close) {
        String last() {
            return names.get(names.size() - 1);
        }
    }

    private Call call(Target target) {
        return target.reason != null ? null : call(target.from, target.to);
    }

    /** The call spanning exactly {@code [from, to)}, or {@code null}. */
    private Call call(int from, int to) {
        List<String> names = new ArrayList<>();
        int i = from;
        while (i < to && t.type[i] == NAME) {
            names.add(t.text(i));
            if (t.isOp(i + 1, '.')) {
                i += 2;
            } else {
                i++;
                break;
            }
        }
        if (names.isEmpty() || i >= to || !t.isOp(i, '(') || t.matching(i) != to - 1) {
            return null;
        }
        return new Call(List.copyOf(names), i, to - 1);
    }

    private Args args(Call call, Sig sig) {
        return new Args(call, sig);
    }

    /** Arguments bound to a signature. */
    private final class Args {
        final Map<String, int[]> bound = new HashMap<>();
        final Map<String, int[]> keywords = new LinkedHashMap<>();
        /** Positional arguments beyond the named ones ({@code *rest}), in order. */
        final List<int[]> rest = new ArrayList<>();
        /** The first {@code *x} or {@code **x} argument's text, or {@code null}. */
        String unpacked;

        Args(Call call, Sig sig) {
            int position = 0;
            for (int[] arg : split(call.open() + 1, call.close())) {
                int a = arg[0];
                if (t.type[a] == NAME && t.isOp(a + 1, '=')) {
                    keywords.put(t.text(a), new int[] {a + 2, arg[1]});
                } else if (t.isOp(a, '*') && sig.restAt() >= 0 && position >= sig.restAt()) {
                    rest.add(arg); // *columns of create_table: the caller reports it
                } else if (t.isOp(a, '*') || t.is(a, "**")) {
                    if (unpacked == null) {
                        unpacked = t.span(a, arg[1]);
                    }
                    if (t.isOp(a, '*')) {
                        position = Integer.MAX_VALUE / 2; // later positionals cannot be placed
                    }
                } else if (sig.restAt() >= 0 && position >= sig.restAt()) {
                    rest.add(arg);
                    position++;
                } else {
                    if (position < sig.params().size()) {
                        bound.put(sig.params().get(position), arg);
                    }
                    position++;
                }
            }
            keywords.forEach((k, v) -> {
                bound.put(k, v);
                if (!sig.params().contains(k)) {
                    for (String p : LEGACY_KEYWORDS.getOrDefault(k, List.of())) {
                        if (sig.params().contains(p)) {
                            bound.putIfAbsent(p, v);
                        }
                    }
                }
            });
        }

        int[] get(String param) {
            return bound.get(param);
        }

        /** The argument as written, or {@code null}. */
        String text(String param) {
            int[] arg = bound.get(param);
            return arg == null ? null : t.span(arg[0], arg[1]);
        }
    }

    // ------------------------------------------------------------------------------------------------ output

    /** An operation being built. */
    private final class Op {
        final Kind kind;
        final String call;
        final int line;
        final boolean conditional;
        String schema;
        String table;
        String column;
        String name;
        String newName;
        final List<String> columns = new ArrayList<>();
        Reference reference;
        final Map<String, String> details = new LinkedHashMap<>();
        final List<Unresolved> unresolved = new ArrayList<>();

        Op(Kind kind, String call, int line, boolean conditional) {
            this.kind = kind;
            this.call = call;
            this.line = line;
            this.conditional = conditional;
        }

        void batch(Batch batch) {
            schema = batch.schema();
            table = batch.table();
            unresolved.addAll(batch.unresolved());
        }

        /** Takes the table of {@code other}, with its unresolved table name or schema. */
        void target(Op other) {
            schema = other.schema;
            table = other.table;
            for (Unresolved u : other.unresolved) {
                if (u.argument().equals("table_name") || u.argument().equals("schema")) {
                    unresolved.add(u);
                }
            }
        }

        void unresolved(String argument, String text, String reason) {
            unresolved.add(new Unresolved(argument, text, reason));
        }

        boolean isUnresolved() {
            return !unresolved.isEmpty();
        }

        boolean isUnresolved(String argument) {
            return unresolved.stream().anyMatch(u -> u.argument().equals(argument));
        }

        void detail(String key, String value) {
            if (value != null) {
                details.put(key, value);
            }
        }

        void emit() {
            out.add(new SchemaOperation(kind, call, schema, table, column, name, newName, columns, reference, details,
                    path, line, conditional, unresolved));
        }
    }

    @Override
    void syntaxError(int line, String message) {
        if (!syntaxReported && t.error == null) {
            syntaxReported = true;
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTAX_ERROR, path, line, "SyntaxError: " + message
                    + "; the upgrade() operations of this block are not analysed",
                    "fix the Python syntax at line " + line));
        }
    }
}
