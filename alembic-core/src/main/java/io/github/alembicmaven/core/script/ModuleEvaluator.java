package io.github.alembicmaven.core.script;

import static io.github.alembicmaven.core.script.PyTokens.BYTES;
import static io.github.alembicmaven.core.script.PyTokens.DEDENT;
import static io.github.alembicmaven.core.script.PyTokens.ENDMARKER;
import static io.github.alembicmaven.core.script.PyTokens.FORMATTED;
import static io.github.alembicmaven.core.script.PyTokens.HAS_FIELDS;
import static io.github.alembicmaven.core.script.PyTokens.INDENT;
import static io.github.alembicmaven.core.script.PyTokens.NAME;
import static io.github.alembicmaven.core.script.PyTokens.NEWLINE;
import static io.github.alembicmaven.core.script.PyTokens.NUMBER;
import static io.github.alembicmaven.core.script.PyTokens.OP;
import static io.github.alembicmaven.core.script.PyTokens.STRING;

import io.github.alembicmaven.core.script.PyValue.Seq;
import io.github.alembicmaven.core.script.PyValue.SeqKind;
import io.github.alembicmaven.core.script.PyValue.Str;
import io.github.alembicmaven.core.script.PyValue.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the module-level simple statements of one tokenized Python module, keeping the binding of every name (last
 * binding wins): assignments (plain, chained, annotated, augmented {@code +=}, tuple unpacking), {@code import},
 * {@code del}, walrus targets. Function and class bodies are skipped by indentation. Bindings inside module-level
 * compound statements ({@code if}, {@code try}, {@code for}, {@code while}, {@code with}, {@code match}, …) are
 * conditional: the name becomes {@link Unknown} saying where it was bound, until an unconditional binding replaces it.
 *
 * <p>Expressions: string literals (implicit concatenation, every prefix; f-strings only without replacement fields),
 * bytes, numbers, {@code True/False/None}, tuples (bare or parenthesised), lists, sets, {@code +} of two strs or two
 * tuples/lists, {@code *x} inside displays, names bound earlier. Anything else (calls, attributes, subscripts,
 * operators, comprehensions) is {@link Unknown} carrying its source text; the constants map supplies values for unknown
 * names and dotted names ({@code cli.EXPAND_BRANCH}, also matched by their imported qualified name
 * {@code alembic.cli.EXPAND_BRANCH}).
 */
final class ModuleEvaluator extends StatementWalker<String> {

    /**
     * One module-level binding.
     *
     * @param value the bound value
     * @param line 1-based line of the binding statement
     * @param text the bound expression as written
     * @param qualified for an import, the imported module path or {@code module.name}; otherwise {@code null}
     */
    record Binding(PyValue value, int line, String text, String qualified) {}

    private static final Set<String> SKIPPED_SIMPLE = Set.of(
            "pass", "break", "continue", "return", "raise", "assert", "global", "nonlocal", "yield", "await");

    /** Reason prefix of a value whose literal Python rejects (also reported as a syntax error). */
    static final String REJECTED = "Python rejects it: ";

    private final Map<String, String> constants;
    private final Map<String, Binding> names = new HashMap<>();
    private String docstring;
    private int errorLine;
    private String error;

    private ModuleEvaluator(PyTokens t, Map<String, String> constants) {
        super(t);
        this.constants = constants;
    }

    /** Evaluates the module. Never throws for any token stream. */
    static ModuleEvaluator evaluate(PyTokens tokens, Map<String, String> constants) {
        ModuleEvaluator e = new ModuleEvaluator(tokens, constants);
        e.readDocstring();
        e.block(null, false);
        return e;
    }

    /** The winning binding of {@code name}, or {@code null}. */
    Binding binding(String name) {
        return names.get(name);
    }

    /** Every module-level binding (for tests). */
    Map<String, Binding> bindings() {
        return names;
    }

    /** The module docstring, or {@code null}. */
    String docstring() {
        return docstring;
    }

    /** Line of the first syntax error the evaluator found ({@code 0} if none). */
    int errorLine() {
        return errorLine;
    }

    /** The first syntax error the evaluator found, or {@code null}. */
    String error() {
        return error;
    }

    @Override
    void syntaxError(int line, String message) {
        if (error == null) {
            error = message;
            errorLine = line;
        }
    }

    // ------------------------------------------------------------------------------------------------ statements

    private void readDocstring() {
        int i = 0;
        boolean any = false;
        while (t.type[i] == STRING) {
            int f = t.flags[i];
            if ((f & (BYTES | FORMATTED)) != 0) {
                return;
            }
            any = true;
            i++;
        }
        if (!any || !(t.type[i] == NEWLINE || t.type[i] == ENDMARKER || t.isOp(i, ';'))) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < i; k++) {
            try {
                sb.append(StringLiterals.decode(t, k));
            } catch (StringLiterals.LiteralError ex) {
                return; // reported when the statement is evaluated
            }
        }
        docstring = sb.toString();
    }

    /**
     * A compound header: for {@code def}/{@code class} nothing (the body is skipped); otherwise its targets are bound
     * and the body is evaluated as conditional. {@code cond} is {@code null} at module level, else the reason every
     * binding in here is conditional.
     */
    @Override
    String header(String kw, int s, int colon, String cond, boolean skip) {
        if (skip) {
            return null;
        }
        String reason = cond != null ? cond : "bound inside " + article(kw) + " " + kw + " block at line " + t.line[s];
        headerTargets(s, colon, reason);
        return reason;
    }

    private static String article(String kw) {
        return "aeiou".indexOf(kw.charAt(0)) >= 0 ? "an" : "a";
    }

    /** Names bound by a compound header: {@code for} targets, {@code as} targets, walrus targets. */
    private void headerTargets(int s, int colon, String reason) {
        int line = t.line[s];
        if (t.is(s, "for") || (t.is(s, "async") && t.is(s + 1, "for"))) {
            for (int i = s + 1; i < colon && !t.is(i, "in"); i++) {
                if (t.type[i] == NAME && !t.is(i, "for")) {
                    bindUnknown(t.text(i), line, t.text(i), reason);
                }
            }
        }
        for (int i = s; i < colon; i++) {
            if (t.is(i, "as") && t.type[i + 1] == NAME) {
                bindUnknown(t.text(i + 1), line, t.text(i + 1), reason);
            }
        }
        walrus(s, colon, reason);
    }

    private void walrus(int from, int to, String reason) {
        for (int i = from + 1; i < to; i++) {
            if (t.is(i, ":=") && t.type[i - 1] == NAME) {
                bindUnknown(t.text(i - 1), t.line[i], t.text(i - 1),
                        reason != null ? reason : "bound by an assignment expression (:=)");
            }
        }
    }

    private void bindUnknown(String name, int line, String text, String reason) {
        names.put(name, new Binding(new Unknown(text, "it is " + reason), line, text, null));
    }

    /** One simple statement in {@code [s, e)}. */
    @Override
    void simple(int s, int e, String cond) {
        if (t.type[s] == NAME) {
            String kw = t.text(s);
            if (kw.equals("import")) {
                importNames(s, e, cond);
                return;
            }
            if (kw.equals("from")) {
                fromImport(s, e, cond);
                return;
            }
            if (kw.equals("del")) {
                delete(s, e, cond);
                return;
            }
            if (SKIPPED_SIMPLE.contains(kw)) {
                return;
            }
            if (kw.equals("type") && e > s + 2 && t.type[s + 1] == NAME && (t.isOp(s + 2, '=') || t.isOp(s + 2, '['))) {
                names.put(t.text(s + 1), new Binding(new PyValue.Other("TypeAliasType", t.span(s, e)), t.line[s],
                        t.span(s, e), null));
                return;
            }
        }
        // split on top-level '=' (stop at a lambda: its defaults use '=' too)
        List<Integer> eqs = new ArrayList<>(2);
        int colon = -1;
        int aug = -1;
        int depth = 0;
        for (int i = s; i < e; i++) {
            int delta = t.bracketDelta(i);
            depth += delta;
            if (t.type[i] == OP && delta == 0) {
                char c = t.src.charAt(t.start[i]);
                int len = t.end[i] - t.start[i];
                if (depth == 0) {
                    if (len == 1 && c == '=') {
                        eqs.add(i);
                    } else if (len == 1 && c == ':' && eqs.isEmpty() && colon < 0 && aug < 0) {
                        colon = i;
                    } else if (len >= 2 && t.src.charAt(t.end[i] - 1) == '=' && eqs.isEmpty() && aug < 0
                            && !(c == '=' || c == '!' || c == ':' || (len == 2 && (c == '<' || c == '>')))) {
                        aug = i;
                    }
                }
            } else if (depth == 0 && t.type[i] == NAME && t.is(i, "lambda")) {
                break;
            }
        }
        int line = t.line[s];
        walrus(s, e, cond);
        if (colon >= 0) {
            // annotated assignment: target ':' annotation ['=' value]
            if (colon == s) {
                syntaxError(line, "invalid syntax");
                return;
            }
            if (eqs.isEmpty()) {
                return; // declaration only: binds nothing
            }
            int eq = eqs.get(0);
            if (eq + 1 >= e) {
                syntaxError(line, "invalid syntax");
                return;
            }
            int target = singleName(s, colon);
            if (target >= 0) {
                assign(t.text(target), eq + 1, e, line, cond);
            }
            return;
        }
        if (aug >= 0) {
            if (aug + 1 >= e || aug == s) {
                syntaxError(line, "invalid syntax");
                return;
            }
            int target = singleName(s, aug);
            if (target >= 0) {
                augmented(t.text(target), t.text(aug), aug + 1, e, line, cond);
            }
            return;
        }
        if (eqs.isEmpty()) {
            return; // an expression statement binds nothing
        }
        int valueFrom = eqs.get(eqs.size() - 1) + 1;
        if (valueFrom >= e || eqs.get(0) == s) {
            syntaxError(line, "invalid syntax");
            return;
        }
        PyValue value = null;
        int from = s;
        for (int eq : eqs) {
            if (eq == from) {
                syntaxError(line, "invalid syntax");
                return;
            }
            int target = singleName(from, eq);
            if (target >= 0) {
                assign(t.text(target), valueFrom, e, line, cond);
            } else {
                if (value == null) {
                    value = cond == null ? expression(valueFrom, e) : null;
                }
                unpack(from, eq, value, valueFrom, e, line, cond);
            }
            from = eq + 1;
        }
    }

    /**
     * The NAME token when {@code [from, to)} is a single name, possibly in redundant parentheses ({@code (x) = v} is
     * plain {@code x = v} in Python; {@code (x,) = v} and {@code [x] = v} unpack); otherwise -1.
     */
    private int singleName(int from, int to) {
        while (to - from >= 3 && t.isOp(from, '(') && t.matching(from) == to - 1) {
            from++;
            to--;
        }
        return to == from + 1 && t.type[from] == NAME ? from : -1;
    }

    private void assign(String name, int from, int to, int line, String cond) {
        String text = t.span(from, to);
        PyValue v = cond == null ? expression(from, to) : new Unknown(text, "it is " + cond);
        names.put(name, new Binding(v, line, text, null));
    }

    private void augmented(String name, String op, int from, int to, int line, String cond) {
        String text = t.span(from, to);
        Binding old = names.get(name);
        PyValue v;
        if (cond != null) {
            v = new Unknown(name + " " + op + " " + text, "it is " + cond);
        } else if (old == null) {
            v = new Unknown(name + " " + op + " " + text,
                    "the name '" + name + "' is not defined before line " + line + " (Python raises NameError)");
        } else if (op.equals("+=")) {
            v = add(old.value(), expression(from, to), name + " " + op + " " + text);
        } else {
            v = new Unknown(name + " " + op + " " + text, "only += of two strs, tuples or lists is evaluated");
        }
        names.put(name, new Binding(v, line, v instanceof Unknown u ? u.text() : text, null));
    }

    /** Binds the names of the target list {@code [from, to)} to the elements of {@code value}. */
    private void unpack(int from, int to, PyValue value, int valueFrom, int valueTo, int line, String cond) {
        String valueText = t.span(valueFrom, valueTo);
        List<int[]> targets = new ArrayList<>();
        int star = targetList(from, to, targets);
        if (targets.isEmpty()) {
            return; // attribute/subscript targets bind no module name
        }
        List<PyValue> items = null;
        String reason;
        if (cond != null) {
            reason = "it is " + cond;
        } else if (value instanceof Seq seq) {
            items = seq.items();
            reason = null;
        } else if (value instanceof Str str) {
            List<PyValue> chars = new ArrayList<>();
            str.value().codePoints().forEach(cp -> chars.add(new Str(new String(Character.toChars(cp)))));
            items = chars;
            reason = null;
        } else if (value instanceof Unknown u) {
            reason = u.reason();
        } else {
            reason = "cannot unpack non-iterable " + value.typeName() + " object (TypeError)";
        }
        if (items != null) {
            int n = targets.size();
            boolean ok = star >= 0 ? items.size() >= n - 1 : items.size() == n;
            if (!ok) {
                reason = "unpacking " + items.size() + " values into " + n + " targets fails (ValueError)";
                items = null;
            }
        }
        for (int k = 0; k < targets.size(); k++) {
            int tok = targets.get(k)[0];
            String name = t.text(tok);
            PyValue v;
            if (items == null) {
                v = new Unknown(valueText, reason);
            } else if (star < 0) {
                v = items.get(k);
            } else if (k < star) {
                v = items.get(k);
            } else if (k == star) {
                v = new Seq(SeqKind.LIST, items.subList(star, items.size() - (targets.size() - 1 - star)));
            } else {
                v = items.get(items.size() - (targets.size() - k));
            }
            names.put(name, new Binding(v, line, valueText, null));
        }
    }

    /**
     * Collects the NAME tokens of a flat target list ({@code a, b}, {@code (a, b)}, {@code [a, *b]}) into
     * {@code out}; returns the index of the starred target or -1. Nested or non-name targets leave {@code out} empty.
     */
    private int targetList(int from, int to, List<int[]> out) {
        if (to - from >= 2 && (t.isOp(from, '(') || t.isOp(from, '[')) && t.matching(from) == to - 1) {
            from++;
            to--;
        }
        int star = -1;
        int i = from;
        while (i < to) {
            boolean starred = t.isOp(i, '*');
            if (starred) {
                i++;
            }
            if (i < to && t.type[i] == NAME && (i + 1 == to || t.isOp(i + 1, ','))) {
                if (starred) {
                    star = out.size();
                }
                out.add(new int[] {i});
                i += 2;
            } else {
                out.clear();
                return -1;
            }
        }
        return star;
    }

    private void importNames(int s, int e, String cond) {
        int line = t.line[s];
        int i = s + 1;
        while (i < e) {
            int dotted = i;
            while (i < e && !t.isOp(i, ',') && !t.is(i, "as")) {
                i++;
            }
            String module = t.span(dotted, i).replace(" ", "");
            String name = t.text(dotted);
            String qualified = name;
            if (t.is(i, "as") && i + 1 < e) {
                name = t.text(i + 1);
                qualified = module;
                i += 2;
            }
            bindImport(name, qualified, "import " + module, line, cond);
            i++; // ','
        }
    }

    private void fromImport(int s, int e, String cond) {
        int line = t.line[s];
        int i = s + 1;
        while (i < e && !t.is(i, "import")) {
            i++;
        }
        String module = t.span(s + 1, i).replace(" ", "");
        i++;
        while (i < e) {
            if (t.isOp(i, '(') || t.isOp(i, ')') || t.isOp(i, ',') || t.isOp(i, '*')) {
                i++;
                continue;
            }
            String original = t.text(i);
            String name = original;
            i++;
            if (t.is(i, "as") && i + 1 < e) {
                name = t.text(i + 1);
                i += 2;
            }
            String qualified = module.endsWith(".") ? module + original : module + "." + original;
            bindImport(name, qualified, "from " + module + " import " + original, line, cond);
        }
    }

    private void bindImport(String name, String qualified, String statement, int line, String cond) {
        String reason = "the name '" + name + "' comes from '" + statement + "' at line " + line
                + (cond == null ? "" : ", " + cond);
        names.put(name, new Binding(new Unknown(name, reason), line, statement, qualified));
    }

    private void delete(int s, int e, String cond) {
        int line = t.line[s];
        for (int i = s + 1; i < e; i++) {
            if (t.type[i] == NAME && (i + 1 == e || t.isOp(i + 1, ',') || t.isOp(i + 1, ')') || t.isOp(i + 1, ']'))
                    && !(t.isOp(i - 1, '.'))) {
                String name = t.text(i);
                if (cond == null) {
                    names.remove(name);
                } else {
                    names.put(name, new Binding(new Unknown(name, "it may be deleted by 'del' " + cond.replaceFirst(
                            "^bound ", "")), line, "del " + name, null));
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- expressions

    /** Thrown (without stack) when an expression leaves the evaluated subset. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A literal Python itself rejects; reported as a syntax error. */
    private static final class BadLiteral extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        BadLiteral(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private int q;
    private int lim;

    /** Evaluates the expression list in {@code [from, to)}; never throws. */
    PyValue expression(int from, int to) {
        q = from;
        lim = to;
        try {
            PyValue v = exprList(true);
            if (q != to) {
                throw new Unsupported(notLiteral(q));
            }
            return v;
        } catch (Unsupported u) {
            return new Unknown(t.span(from, to), u.getMessage());
        } catch (BadLiteral b) {
            syntaxError(b.line, b.getMessage());
            return new Unknown(t.span(from, to), REJECTED + b.getMessage());
        }
    }

    private String notLiteral(int i) {
        if (i >= lim) {
            return "it is not a literal expression";
        }
        if (t.isOp(i, '(')) {
            return "it calls a function";
        }
        if (t.isOp(i, '[')) {
            return "it is a subscript";
        }
        if (t.isOp(i, '.')) {
            return "it reads an attribute";
        }
        if (t.is(i, "for")) {
            return "it is a comprehension";
        }
        return "'" + t.text(i) + "' is not evaluated statically";
    }

    /** Comma-separated elements; a tuple if there is a comma. */
    private PyValue exprList(boolean topLevel) throws Unsupported, BadLiteral {
        List<PyValue> items = null;
        PyValue first = null;
        while (true) {
            if (atListEnd()) {
                break;
            }
            if (t.isOp(q, '*')) {
                q++;
                PyValue v = sum();
                if (items == null) {
                    items = new ArrayList<>();
                    if (first != null) {
                        items.add(first);
                    }
                }
                splice(items, v);
            } else {
                PyValue v = sum();
                if (first == null && items == null) {
                    first = v;
                } else {
                    if (items == null) {
                        items = new ArrayList<>();
                        items.add(first);
                    }
                    items.add(v);
                }
            }
            if (q < lim && t.isOp(q, ',')) {
                q++;
                if (items == null) {
                    items = new ArrayList<>();
                    items.add(first);
                }
                continue;
            }
            break;
        }
        if (items != null) {
            return new Seq(SeqKind.TUPLE, items);
        }
        if (first == null) {
            throw new Unsupported("it is not a literal expression");
        }
        return first;
    }

    private boolean atListEnd() {
        return q >= lim || t.isOp(q, ')') || t.isOp(q, ']') || t.isOp(q, '}');
    }

    private static void splice(List<PyValue> items, PyValue v) throws Unsupported {
        if (v instanceof Seq seq) {
            items.addAll(seq.items());
        } else if (v instanceof Str s) {
            s.value().codePoints().forEach(cp -> items.add(new Str(new String(Character.toChars(cp)))));
        } else if (v instanceof Unknown u) {
            throw new Unsupported(u.reason());
        } else {
            throw new Unsupported("'" + v.typeName() + "' object is not iterable (TypeError)");
        }
    }

    private PyValue sum() throws Unsupported, BadLiteral {
        int from = q;
        PyValue v = unary();
        while (q < lim && t.isOp(q, '+')) {
            q++;
            PyValue r = unary();
            v = add(v, r, t.span(from, q));
        }
        if (q < lim && !t.isOp(q, ',') && !t.isOp(q, ')') && !t.isOp(q, ']') && !t.isOp(q, '}')
                && !t.isOp(q, ':')) {
            throw new Unsupported(notLiteral(q));
        }
        return v;
    }

    private static PyValue add(PyValue a, PyValue b, String text) {
        if (a instanceof Str x && b instanceof Str y) {
            return new Str(x.value() + y.value());
        }
        if (a instanceof Seq x && b instanceof Seq y && x.kind() == y.kind() && x.kind() != SeqKind.SET) {
            List<PyValue> all = new ArrayList<>(x.items());
            all.addAll(y.items());
            return new Seq(x.kind(), all);
        }
        if (a instanceof Unknown u) {
            return new Unknown(text, u.reason());
        }
        if (b instanceof Unknown u) {
            return new Unknown(text, u.reason());
        }
        return new Unknown(text, "only + of two strs, tuples or lists is evaluated");
    }

    private PyValue unary() throws Unsupported, BadLiteral {
        if (q < lim && (t.isOp(q, '-') || t.isOp(q, '+')) && q + 1 < lim && t.type[q + 1] == NUMBER) {
            String sign = t.isOp(q, '-') ? "-" : "";
            q += 2;
            return new PyValue.Num(sign + t.text(q - 1));
        }
        return atom();
    }

    private PyValue atom() throws Unsupported, BadLiteral {
        if (q >= lim) {
            throw new Unsupported("it is not a literal expression");
        }
        int ty = t.type[q];
        if (ty == STRING) {
            return strings();
        }
        if (ty == NUMBER) {
            return new PyValue.Num(t.text(q++));
        }
        if (ty == NAME) {
            return name();
        }
        if (t.isOp(q, '(')) {
            q++;
            if (q < lim && t.isOp(q, ')')) {
                q++;
                return new Seq(SeqKind.TUPLE, List.of());
            }
            PyValue v = exprList(false);
            if (!(q < lim && t.isOp(q, ')'))) {
                throw new Unsupported(notLiteral(q));
            }
            q++;
            return v;
        }
        if (t.isOp(q, '[') || t.isOp(q, '{')) {
            boolean list = t.isOp(q, '[');
            q++;
            List<PyValue> items = new ArrayList<>();
            while (!(q < lim && t.isOp(q, list ? ']' : '}'))) {
                if (q >= lim) {
                    throw new Unsupported("it is not a literal expression");
                }
                if (t.isOp(q, '*')) {
                    q++;
                    splice(items, sum());
                } else {
                    if (!list && (t.is(q, "**"))) {
                        throw new Unsupported("it is a dict");
                    }
                    items.add(sum());
                    if (!list && q < lim && t.isOp(q, ':')) {
                        throw new Unsupported("it is a dict");
                    }
                }
                if (q < lim && t.isOp(q, ',')) {
                    q++;
                } else if (!(q < lim && t.isOp(q, list ? ']' : '}'))) {
                    throw new Unsupported(notLiteral(q));
                }
            }
            q++;
            if (!list && items.isEmpty()) {
                return new PyValue.Other("dict", "{}");
            }
            return new Seq(list ? SeqKind.LIST : SeqKind.SET, items);
        }
        if (t.is(q, "...")) {
            q++;
            return new PyValue.Other("ellipsis", "Ellipsis");
        }
        throw new Unsupported(notLiteral(q));
    }

    /** A run of adjacent string literals (implicit concatenation). */
    private PyValue strings() throws Unsupported, BadLiteral {
        int from = q;
        boolean anyBytes = false;
        boolean anyStr = false;
        boolean fields = false;
        boolean template = false;
        StringBuilder sb = new StringBuilder();
        while (q < lim && t.type[q] == STRING) {
            int f = t.flags[q];
            template |= (f & PyTokens.TEMPLATE) != 0;
            if ((f & BYTES) != 0) {
                anyBytes = true;
            } else {
                anyStr = true;
            }
            if (anyBytes && anyStr) {
                throw new BadLiteral(t.line[q], "cannot mix bytes and nonbytes literals");
            }
            if ((f & HAS_FIELDS) != 0) {
                fields = true;
            } else {
                try {
                    sb.append(StringLiterals.decode(t, q));
                } catch (StringLiterals.LiteralError e) {
                    throw new BadLiteral(t.line[q], e.getMessage());
                }
            }
            q++;
        }
        if (template) {
            return new PyValue.Other("Template", t.span(from, q));
        }
        if (fields) {
            return new Unknown(t.span(from, q), "it is an f-string with replacement fields");
        }
        return anyBytes ? new PyValue.Bytes(sb.toString()) : new Str(sb.toString());
    }

    /** A name, optionally followed by {@code .attr} chains. */
    private PyValue name() throws Unsupported {
        int from = q;
        String first = t.text(q++);
        switch (first) {
            case "True" -> {
                return new PyValue.Bool(true);
            }
            case "False" -> {
                return new PyValue.Bool(false);
            }
            case "None" -> {
                return PyValue.None.INSTANCE;
            }
            case "lambda" -> throw new Unsupported("it is a lambda");
            case "not", "await", "yield" -> throw new Unsupported("'" + first + "' is not evaluated statically");
            default -> {
                // a name
            }
        }
        while (q + 1 < lim && t.isOp(q, '.') && t.type[q + 1] == NAME) {
            q += 2;
        }
        String dotted = t.span(from, q).replace(" ", "");
        Binding b = names.get(first);
        if (b != null && !(b.value() instanceof Unknown)) {
            if (q > from + 1) {
                throw new Unsupported("it reads an attribute of " + first);
            }
            return b.value();
        }
        String c = constants.get(dotted);
        if (c == null && b != null && b.qualified() != null) {
            c = constants.get(b.qualified() + dotted.substring(first.length()));
        }
        if (c != null) {
            return new Str(c);
        }
        if (b == null) {
            if (first.startsWith("__") && first.endsWith("__")) {
                return new Unknown(dotted, "'" + first + "' is set by Python at import time");
            }
            return new Unknown(dotted, "the name '" + first + "' is not bound at module level before line "
                    + t.line[from] + " (Python would raise NameError)");
        }
        Unknown u = (Unknown) b.value();
        if (b.qualified() != null) {
            return new Unknown(dotted, u.reason());
        }
        String reason = u.reason().startsWith("it ")
                ? "'" + first + "' " + u.reason().substring(3)
                : "'" + first + "' = " + u.text() + " at line " + b.line() + ": " + u.reason();
        return new Unknown(dotted, reason);
    }
}
