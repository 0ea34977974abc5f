package io.github.alembicmaven.core.script;

import static io.github.alembicmaven.core.script.PyTokens.DEDENT;
import static io.github.alembicmaven.core.script.PyTokens.ENDMARKER;
import static io.github.alembicmaven.core.script.PyTokens.INDENT;
import static io.github.alembicmaven.core.script.PyTokens.NAME;
import static io.github.alembicmaven.core.script.PyTokens.NEWLINE;

import java.util.Set;

/**
 * Walks the statements of a token stream by their block structure: simple statements (separated by {@code ;}),
 * compound statements ({@code if}, {@code for}, {@code with}, {@code def}, soft keywords {@code match}/{@code case},
 * …) with indented or same-line bodies, decorators. Subclasses see each simple statement and each compound header;
 * {@code def}/{@code class} bodies are skipped.
 *
 * @param <C> what a block knows about where it is (e.g. the reason its bindings are conditional)
 */
abstract class StatementWalker<C> {

    private static final Set<String> COMPOUND = Set.of(
            "if", "elif", "else", "try", "except", "finally", "for", "while", "with", "match", "case");

    final PyTokens t;
    /** The current token. */
    int p;

    StatementWalker(PyTokens t) {
        this.t = t;
    }

    /** One simple statement: the tokens {@code [s, e)}. */
    abstract void simple(int s, int e, C ctx);

    /**
     * The header {@code [s, colon)} of a compound statement whose keyword is {@code kw} (after {@code async});
     * returns the context of its body. For {@code def}/{@code class} ({@code skip}) the body is not walked.
     */
    abstract C header(String kw, int s, int colon, C ctx, boolean skip);

    abstract void syntaxError(int line, String message);

    /** Statements until the matching DEDENT ({@code nested}, consumed) or the end. */
    final void block(C ctx, boolean nested) {
        while (true) {
            int ty = t.type[p];
            if (ty == ENDMARKER) {
                return;
            }
            if (ty == DEDENT) {
                p++;
                if (nested) {
                    return;
                }
                continue;
            }
            if (ty == NEWLINE) {
                p++;
                continue;
            }
            if (ty == INDENT) {
                syntaxError(t.line[p], "unexpected indent");
                p++;
                skipBlockBody();
                continue;
            }
            statement(ctx);
        }
    }

    /** After an INDENT: skips to and past the matching DEDENT. */
    final void skipBlockBody() {
        int depth = 1;
        while (depth > 0 && t.type[p] != ENDMARKER) {
            if (t.type[p] == INDENT) {
                depth++;
            } else if (t.type[p] == DEDENT) {
                depth--;
            }
            p++;
        }
    }

    private void statement(C ctx) {
        int s = p;
        if (t.isOp(s, '@')) {
            p = t.lineEnd(s); // decorator line
            return;
        }
        if (t.type[s] == NAME) {
            String kw = t.text(s);
            if (kw.equals("def") || kw.equals("class")
                    || (kw.equals("async") && t.is(s + 1, "def"))) {
                compound(kw.equals("async") ? "def" : kw, ctx);
                return;
            }
            if (kw.equals("async") && (t.is(s + 1, "for") || t.is(s + 1, "with"))) {
                compound(t.text(s + 1), ctx);
                return;
            }
            boolean soft = kw.equals("match") || kw.equals("case");
            if (COMPOUND.contains(kw) && (!soft || endsWithColon(s))) {
                compound(kw, ctx);
                return;
            }
        }
        if (endsWithColon(s)) {
            compound(t.text(s), ctx);
            return;
        }
        simpleStatements(ctx);
    }

    private boolean endsWithColon(int s) {
        int e = t.lineEnd(s);
        return e > s && t.isOp(e - 1, ':');
    }

    /** Walks the simple statements of one logical line (separated by {@code ;}). */
    final void simpleStatements(C ctx) {
        while (true) {
            int e = t.simpleEnd(p);
            if (e > p) {
                simple(p, e, ctx);
            }
            p = e;
            if (t.isOp(p, ';')) {
                p++;
                if (t.type[p] == NEWLINE || t.type[p] == ENDMARKER) {
                    break;
                }
                continue;
            }
            break;
        }
        if (t.type[p] == NEWLINE) {
            p++;
        }
    }

    /** A compound statement at {@code p} whose keyword is {@code kw}: its header, then its body (unless skipped). */
    private void compound(String kw, C ctx) {
        int s = p;
        int headerLine = t.line[s];
        int colon = t.headerColon(s);
        if (colon < 0) {
            syntaxError(headerLine, "expected ':'");
            p = t.lineEnd(s);
            return;
        }
        boolean skip = kw.equals("def") || kw.equals("class");
        C inner = header(kw, s, colon, ctx, skip);
        p = colon + 1;
        if (t.type[p] == NEWLINE) {
            if (t.type[p + 1] != INDENT) {
                syntaxError(t.line[p + 1] > 0 ? t.line[p + 1] : headerLine,
                        "expected an indented block after '" + kw + "' statement on line " + headerLine);
                p++;
                return;
            }
            p += 2;
            if (skip) {
                skipBlockBody();
            } else {
                block(inner, true);
            }
        } else if (t.type[p] == ENDMARKER) {
            syntaxError(headerLine, "expected an indented block after '" + kw + "' statement on line " + headerLine);
        } else if (skip) {
            p = t.lineEnd(p);
        } else {
            simpleStatements(inner);
        }
    }
}
