package io.github.alembicmaven.core.script;

import java.util.Arrays;

/**
 * The token stream of one Python module, stored in parallel arrays (no object per token). Produced by
 * {@link PyTokenizer}. Comments and non-logical line breaks ({@code NL}) are consumed by the tokenizer and never
 * stored: the evaluator does not need them.
 */
final class PyTokens {

    static final int NAME = 1;
    static final int NUMBER = 2;
    static final int STRING = 3;
    static final int OP = 4;
    static final int NEWLINE = 5;
    static final int INDENT = 6;
    static final int DEDENT = 7;
    static final int ENDMARKER = 8;

    /** String flag: raw ({@code r} prefix). */
    static final int RAW = 1;
    /** String flag: bytes ({@code b} prefix). */
    static final int BYTES = 2;
    /** String flag: f-string (or t-string). */
    static final int FORMATTED = 4;
    /** String flag: an f-string with at least one replacement field. */
    static final int HAS_FIELDS = 8;
    /** String flag: triple-quoted. */
    static final int TRIPLE = 16;
    /** String flag: a t-string (PEP 750): evaluates to a {@code Template}, never to a {@code str}. */
    static final int TEMPLATE = 32;
    /** Bits 8..10 of the string flags hold the prefix length. */
    static final int PREFIX_SHIFT = 8;

    final String src;
    int size;
    int[] type;
    int[] start;
    int[] end;
    int[] line;
    /** For STRING tokens: flags above; otherwise 0. */
    int[] flags;

    /** First syntax error found by the tokenizer: line ({@code 0} if none) and message. */
    int errorLine;
    String error;

    PyTokens(String src) {
        this.src = src;
        int cap = Math.max(16, src.length() / 6);
        type = new int[cap];
        start = new int[cap];
        end = new int[cap];
        line = new int[cap];
        flags = new int[cap];
    }

    void add(int t, int s, int e, int ln, int f) {
        if (size == type.length) {
            int cap = size * 2;
            type = Arrays.copyOf(type, cap);
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            line = Arrays.copyOf(line, cap);
            flags = Arrays.copyOf(flags, cap);
        }
        type[size] = t;
        start[size] = s;
        end[size] = e;
        line[size] = ln;
        flags[size] = f;
        size++;
    }

    /** The source text of token {@code i}. */
    String text(int i) {
        return src.substring(start[i], end[i]);
    }

    /** Whether token {@code i} is the operator or keyword {@code s} (exact text). */
    boolean is(int i, String s) {
        int t = type[i];
        return (t == OP || t == NAME) && end[i] - start[i] == s.length() && src.startsWith(s, start[i]);
    }

    /** Whether token {@code i} is the one-character operator {@code c}. */
    boolean isOp(int i, char c) {
        return type[i] == OP && end[i] - start[i] == 1 && src.charAt(start[i]) == c;
    }

    /** {@code +1} if token {@code i} opens a bracket, {@code -1} if it closes one, else {@code 0}. */
    int bracketDelta(int i) {
        if (type[i] != OP || end[i] - start[i] != 1) {
            return 0;
        }
        char c = src.charAt(start[i]);
        return c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
    }

    /** Source text from the start of token {@code from} to the end of token {@code to - 1}, whitespace collapsed. */
    String span(int from, int to) {
        if (from >= to) {
            return "";
        }
        String s = src.substring(start[from], end[to - 1]);
        if (s.indexOf('\n') >= 0 || s.indexOf('\\') >= 0 || s.indexOf('#') >= 0) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = from; i < to; i++) {
                if (i > from && start[i] > end[i - 1]) {
                    char prev = src.charAt(end[i - 1] - 1);
                    char next = src.charAt(start[i]);
                    if (!(prev == '(' || prev == '[' || prev == '{' || next == ')' || next == ']' || next == '}'
                            || next == ',' || next == '.' || prev == '.')) {
                        sb.append(' ');
                    }
                }
                sb.append(src, start[i], end[i]);
            }
            return sb.toString();
        }
        return s;
    }

    /** Index of the NEWLINE (or ENDMARKER) ending the logical line at {@code from}. */
    int lineEnd(int from) {
        int i = from;
        while (type[i] != NEWLINE && type[i] != ENDMARKER) {
            i++;
        }
        return i;
    }

    /** Index of the end of the simple statement at {@code from}: a {@code ;}, NEWLINE or ENDMARKER. */
    int simpleEnd(int from) {
        int i = from;
        while (type[i] != NEWLINE && type[i] != ENDMARKER && !isOp(i, ';')) {
            i++;
        }
        return i;
    }

    /** The colon ending the header at {@code s} (depth 0, one colon consumed per {@code lambda}), or -1. */
    int headerColon(int s) {
        int depth = 0;
        int lambdas = 0;
        for (int i = s; type[i] != NEWLINE && type[i] != ENDMARKER; i++) {
            depth += bracketDelta(i);
            if (depth == 0 && isOp(i, ':')) {
                if (lambdas == 0) {
                    return i;
                }
                lambdas--;
            } else if (depth == 0 && is(i, "lambda")) {
                lambdas++;
            }
        }
        return -1;
    }

    /** The bracket closing the one opened at {@code open}, or -1. */
    int matching(int open) {
        int depth = 0;
        for (int i = open; type[i] != ENDMARKER; i++) {
            depth += bracketDelta(i);
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
