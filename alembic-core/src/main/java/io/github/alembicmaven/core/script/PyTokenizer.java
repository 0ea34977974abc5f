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
import static io.github.alembicmaven.core.script.PyTokens.PREFIX_SHIFT;
import static io.github.alembicmaven.core.script.PyTokens.RAW;
import static io.github.alembicmaven.core.script.PyTokens.STRING;
import static io.github.alembicmaven.core.script.PyTokens.TEMPLATE;
import static io.github.alembicmaven.core.script.PyTokens.TRIPLE;

import java.util.Locale;

/**
 * A one-pass tokenizer for Python 3 source (already decoded, {@code \n} line ends), following CPython's
 * {@code Parser/tokenizer.c}: NAME, NUMBER, STRING (every prefix, single/triple quotes, f-strings with nested
 * replacement fields), OP, NEWLINE (outside brackets only), INDENT/DEDENT (tabs advance to the next multiple of 8, form
 * feed resets the column), backslash continuations. Comments and blank lines produce no token.
 *
 * <p>On the first syntax error the tokenizer records it ({@link PyTokens#errorLine}, {@link PyTokens#error}), drops the
 * tokens of the unfinished logical line and ends the stream, so everything before the error can still be evaluated.
 * Not checked (valid-looking input is accepted): inconsistent tabs/spaces ({@code TabError}), invalid number forms,
 * non-identifier Unicode characters inside names.
 */
final class PyTokenizer {

    private final String s;
    /** The source's characters: array reads are far cheaper than {@code charAt} before the JIT compiles us. */
    private final char[] cs;
    private final int n;
    private final PyTokens out;
    private int pos;
    private int line = 1;
    private final int[] indents = new int[128];
    private int indentDepth;
    private final char[] brackets = new char[256];
    private final int[] bracketLines = new int[256];
    private int bracketDepth;
    /** Index of the first token of the current logical line (for truncation on error). */
    private int lineStartToken;
    /** Whether the bodies of column-0 {@code def}/{@code class} statements are skimmed (see {@link #forModule}). */
    private final boolean skimBodies;
    /** The logical line just ended was a column-0 {@code def}/{@code class} header: an indented block may follow. */
    private boolean pendingSkim;
    /** Inside a skimmed body: no token is stored. */
    private boolean skim;
    /** Indentation depth of the skimmed body; the skim ends when the depth drops below it. */
    private int skimDepth;

    private PyTokenizer(String s, boolean skimBodies) {
        this.s = s;
        this.cs = s.toCharArray();
        this.n = cs.length;
        this.out = new PyTokens(s);
        this.skimBodies = skimBodies;
    }

    /** Tokenizes {@code src}. Never throws; a syntax error is recorded in the result. */
    static PyTokens tokenize(String src) {
        return run(new PyTokenizer(src, false));
    }

    /**
     * Tokenizes {@code src} for {@link ModuleEvaluator}, which skips the indented body of every column-0
     * {@code def}/{@code class} statement (a compound header or the "unexpected indent" after it) without looking
     * inside: those bodies (most of a version file) are scanned with exactly the same lexical rules and errors, but
     * their tokens are not stored. The body's opening INDENT and closing DEDENT are stored (at the same places as by
     * {@link #tokenize}), so the evaluator sees the same structure, syntax errors and line numbers.
     */
    static PyTokens forModule(String src) {
        return run(new PyTokenizer(src, true));
    }

    private static PyTokens run(PyTokenizer t) {
        try {
            t.run();
        } catch (SyntaxError e) {
            t.out.size = t.lineStartToken;
            t.out.errorLine = e.line;
            t.out.error = e.getMessage();
            t.out.add(ENDMARKER, t.n, t.n, e.line, 0);
        }
        return t.out;
    }

    private static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private void run() throws SyntaxError {
        if (s.indexOf('\0') >= 0) {
            int at = s.indexOf('\0');
            throw new SyntaxError(lineAt(at), "source code cannot contain null bytes");
        }
        boolean atLineStart = true;
        while (true) {
            if (atLineStart) {
                if (!indentation()) {
                    break;
                }
                atLineStart = false;
            }
            if (pos >= n) {
                break;
            }
            char c = cs[pos];
            switch (c) {
                case ' ', '\t', '\f' -> pos++;
                case '#' -> skipComment();
                case '\n' -> {
                    if (bracketDepth == 0 && out.size > lineStartToken) {
                        if (skim) {
                            // the body's first line, which carried the stored INDENT, ends here
                            lineStartToken = out.size;
                        } else {
                            pendingSkim = skimBodies && indentDepth == 0 && defOrClassHeader(lineStartToken);
                            out.add(NEWLINE, pos, pos + 1, line, 0);
                            lineStartToken = out.size;
                        }
                    }
                    pos++;
                    line++;
                    atLineStart = bracketDepth == 0;
                }
                case '\\' -> {
                    if (pos + 1 < n && cs[pos + 1] == '\n') {
                        pos += 2;
                        line++;
                        if (pos >= n) {
                            throw new SyntaxError(line - 1, "unexpected EOF while parsing");
                        }
                    } else if (pos + 1 >= n) {
                        throw new SyntaxError(line, "unexpected EOF while parsing");
                    } else {
                        throw new SyntaxError(line, "unexpected character after line continuation character");
                    }
                }
                case '(', '[', '{' -> {
                    if (bracketDepth == brackets.length) {
                        throw new SyntaxError(line, "too many nested parentheses");
                    }
                    brackets[bracketDepth] = c;
                    bracketLines[bracketDepth++] = line;
                    add(OP, pos, pos + 1, line, 0);
                    pos++;
                }
                case ')', ']', '}' -> {
                    if (bracketDepth == 0) {
                        throw new SyntaxError(line, "unmatched '" + c + "'");
                    }
                    char open = brackets[--bracketDepth];
                    if (close(open) != c) {
                        String msg = "closing parenthesis '" + c + "' does not match opening parenthesis '" + open + "'";
                        if (bracketLines[bracketDepth] != line) {
                            msg += " on line " + bracketLines[bracketDepth];
                        }
                        throw new SyntaxError(line, msg);
                    }
                    add(OP, pos, pos + 1, line, 0);
                    pos++;
                }
                case '\'', '"' -> string(pos, 0, 0);
                default -> {
                    if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(cs[pos + 1]))) {
                        number();
                    } else if (isIdentStart(c)) {
                        nameOrString();
                    } else {
                        operator(c);
                    }
                }
            }
        }
        if (bracketDepth > 0) {
            throw new SyntaxError(bracketLines[bracketDepth - 1], "'" + brackets[bracketDepth - 1] + "' was never closed");
        }
        if (out.size > lineStartToken) {
            add(NEWLINE, n, n, line, 0);
            lineStartToken = out.size;
        }
        while (indentDepth > 0) {
            popIndent(n);
        }
        out.add(ENDMARKER, n, n, line, 0);
        lineStartToken = out.size;
    }

    /** Stores a token unless inside a skimmed body. */
    private void add(int type, int start, int end, int ln, int f) {
        if (!skim) {
            out.add(type, start, end, ln, f);
        }
    }

    /** Whether the logical line whose tokens start at {@code from} is a {@code def}, {@code async def} or {@code class}. */
    private boolean defOrClassHeader(int from) {
        int i = from;
        while (i < out.size && out.type[i] == DEDENT) {
            i++;
        }
        if (i >= out.size || out.type[i] != NAME) {
            return false;
        }
        return out.is(i, "def") || out.is(i, "class")
                || (out.is(i, "async") && i + 1 < out.size && out.is(i + 1, "def"));
    }

    /** Pops one indentation level, storing its DEDENT unless it closes a level inside a skimmed body. */
    private void popIndent(int at) {
        indentDepth--;
        if (skim && indentDepth < skimDepth) {
            skim = false;
        }
        add(DEDENT, at, at, line, 0);
    }

    private static char close(char open) {
        return open == '(' ? ')' : open == '[' ? ']' : '}';
    }

    /**
     * Measures the indentation of the line at {@code pos}; emits INDENT/DEDENT unless the line is blank or a comment.
     * Returns {@code false} at end of input.
     */
    private boolean indentation() throws SyntaxError {
        while (true) {
            int col = 0;
            while (pos < n) {
                char c = cs[pos];
                if (c == ' ') {
                    col++;
                } else if (c == '\t') {
                    col = (col / 8 + 1) * 8;
                } else if (c == '\f') {
                    col = 0;
                } else {
                    break;
                }
                pos++;
            }
            if (pos >= n) {
                return false;
            }
            char c = cs[pos];
            if (c == '#') {
                skipComment();
                if (pos >= n) {
                    return false;
                }
            }
            if (pos < n && cs[pos] == '\n') {
                pos++;
                line++;
                continue;
            }
            if (c == '\\' && pos + 1 < n && cs[pos + 1] == '\n') {
                // a continuation right at the indentation: the logical line continues on the next physical line
                // with this line's column (CPython does the same).
                pos += 2;
                line++;
                setIndent(col);
                return true;
            }
            setIndent(col);
            return true;
        }
    }

    private void setIndent(int col) throws SyntaxError {
        boolean startSkim = pendingSkim;
        pendingSkim = false;
        int current = indentDepth == 0 ? 0 : indents[indentDepth - 1];
        if (col > current) {
            if (indentDepth == indents.length) {
                throw new SyntaxError(line, "too many levels of indentation");
            }
            indents[indentDepth++] = col;
            add(INDENT, pos, pos, line, 0);
            if (startSkim) {
                skim = true;
                skimDepth = indentDepth;
            }
        } else if (col < current) {
            while (indentDepth > 0 && indents[indentDepth - 1] > col) {
                popIndent(pos);
            }
            int now = indentDepth == 0 ? 0 : indents[indentDepth - 1];
            if (now != col) {
                throw new SyntaxError(line, "unindent does not match any outer indentation level");
            }
        }
    }

    private void skipComment() {
        int nl = s.indexOf('\n', pos);
        pos = nl < 0 ? n : nl;
    }

    private void number() {
        int startPos = pos;
        char c = cs[pos];
        if (c == '0' && pos + 1 < n && "xXoObB".indexOf(cs[pos + 1]) >= 0) {
            pos += 2;
            while (pos < n && (isAsciiAlnum(cs[pos]) || cs[pos] == '_')) {
                pos++;
            }
        } else {
            digits();
            if (pos < n && cs[pos] == '.') {
                pos++;
                digits();
            }
            if (pos < n && (cs[pos] == 'e' || cs[pos] == 'E')) {
                int save = pos;
                pos++;
                if (pos < n && (cs[pos] == '+' || cs[pos] == '-')) {
                    pos++;
                }
                if (pos < n && isDigit(cs[pos])) {
                    digits();
                } else {
                    pos = save;
                }
            }
            if (pos < n && (cs[pos] == 'j' || cs[pos] == 'J')) {
                pos++;
            }
        }
        add(NUMBER, startPos, pos, line, 0);
    }

    private void digits() {
        while (pos < n && (isDigit(cs[pos]) || cs[pos] == '_')) {
            pos++;
        }
    }

    private void nameOrString() throws SyntaxError {
        int startPos = pos;
        int p = pos + 1;
        char[] a = cs;
        while (p < n) {
            char c = a[p];
            if (c < 0x80 ? !ASCII_IDENT_PART[c] : !isIdentPart(c)) {
                break;
            }
            p++;
        }
        pos = p;
        int len = pos - startPos;
        if (len <= 2 && pos < n && (cs[pos] == '\'' || cs[pos] == '"')) {
            int f = prefixFlags(cs, startPos, len);
            if (f >= 0) {
                string(startPos, len, f);
                return;
            }
        }
        add(NAME, startPos, pos, line, 0);
    }

    /** {@link #prefixFlags(String)} of {@code len} (at most 2) characters at {@code from}. */
    private static int prefixFlags(char[] cs, int from, int len) {
        if (len == 0) {
            return 0;
        }
        char a = lower(cs[from]);
        if (len == 1) {
            switch (a) {
                case 'u' -> {
                    return 0;
                }
                case 'r' -> {
                    return RAW;
                }
                case 'b' -> {
                    return BYTES;
                }
                case 'f' -> {
                    return FORMATTED;
                }
                case 't' -> {
                    return FORMATTED | TEMPLATE;
                }
                default -> {
                    return -1;
                }
            }
        }
        char b = lower(cs[from + 1]);
        char other;
        if (a == 'r') {
            other = b;
        } else if (b == 'r') {
            other = a;
        } else {
            return -1;
        }
        switch (other) {
            case 'b' -> {
                return BYTES | RAW;
            }
            case 'f' -> {
                return FORMATTED | RAW;
            }
            case 't' -> {
                return FORMATTED | TEMPLATE | RAW;
            }
            default -> {
                return -1;
            }
        }
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Flags of a string prefix, or {@code -1} if it is not one. */
    static int prefixFlags(String prefix) {
        switch (prefix.toLowerCase(Locale.ROOT)) {
            case "" -> {
                return 0;
            }
            case "u" -> {
                return 0;
            }
            case "r" -> {
                return RAW;
            }
            case "b" -> {
                return BYTES;
            }
            case "br", "rb" -> {
                return BYTES | RAW;
            }
            case "f" -> {
                return FORMATTED;
            }
            case "fr", "rf" -> {
                return FORMATTED | RAW;
            }
            case "t" -> {
                return FORMATTED | TEMPLATE;
            }
            case "tr", "rt" -> {
                return FORMATTED | TEMPLATE | RAW;
            }
            default -> {
                return -1;
            }
        }
    }

    /** Scans a string literal whose prefix starts at {@code startPos}; {@code pos} is at the opening quote. */
    private void string(int startPos, int prefixLen, int f) throws SyntaxError {
        int startLine = line;
        pos = startPos + prefixLen;
        f = scanString(f);
        add(STRING, startPos, pos, startLine, f | (prefixLen << PREFIX_SHIFT));
    }

    /**
     * Scans the string literal whose opening quote is at {@code pos}, leaving {@code pos} after the closing quote.
     * Returns the flags, with {@link PyTokens#TRIPLE} and {@link PyTokens#HAS_FIELDS} added as found.
     */
    private int scanString(int f) throws SyntaxError {
        int startLine = line;
        char q = cs[pos];
        boolean triple = pos + 2 < n && cs[pos + 1] == q && cs[pos + 2] == q;
        if (triple) {
            f |= TRIPLE;
            pos += 3;
        } else {
            pos++;
        }
        boolean formatted = (f & FORMATTED) != 0;
        char[] a = cs;
        while (true) {
            // the characters that need no decision: everything but the quote, backslash, line end and brace
            int p = pos;
            while (p < n) {
                char c = a[p];
                if (c == q || c == '\\' || c == '\n' || c == '{') {
                    break;
                }
                p++;
            }
            pos = p;
            if (pos >= n) {
                throw new SyntaxError(startLine, triple
                        ? "unterminated triple-quoted string literal (detected at line " + line + ")"
                        : "unterminated string literal (detected at line " + line + ")");
            }
            char c = cs[pos];
            if (c == q) {
                if (!triple) {
                    pos++;
                    return f;
                }
                if (pos + 2 < n && cs[pos + 1] == q && cs[pos + 2] == q) {
                    pos += 3;
                    return f;
                }
                pos++;
            } else if (c == '\\') {
                pos++;
                if (pos < n) {
                    if (cs[pos] == '\n') {
                        line++;
                    }
                    if (formatted && (f & RAW) == 0 && cs[pos] == 'N' && pos + 1 < n
                            && cs[pos + 1] == '{') {
                        int close = s.indexOf('}', pos);
                        int eol = s.indexOf('\n', pos);
                        if (close > 0 && (eol < 0 || close < eol)) {
                            pos = close; // \N{NAME} is an escape, not a replacement field
                        }
                    }
                    // in an f-string, "\{" is not an escape of the brace (the brace still opens a field)
                    if (!(formatted && cs[pos] == '{')) {
                        pos++;
                    }
                }
            } else if (c == '\n') {
                if (!triple) {
                    throw new SyntaxError(startLine, "unterminated string literal (detected at line " + line + ")");
                }
                line++;
                pos++;
            } else if (formatted && c == '{') {
                if (pos + 1 < n && cs[pos + 1] == '{') {
                    pos += 2;
                } else {
                    pos++;
                    f |= HAS_FIELDS;
                    replacementField(startLine);
                }
            } else {
                pos++;
            }
        }
    }

    /** Scans an f-string replacement field after its opening brace, up to and including the closing brace. */
    private void replacementField(int stringLine) throws SyntaxError {
        int depth = 0;
        boolean spec = false;
        while (true) {
            if (pos >= n) {
                throw new SyntaxError(stringLine, "f-string: expecting '}'");
            }
            char c = cs[pos];
            if (spec) {
                // format spec: literal text with nested fields
                if (c == '{') {
                    pos++;
                    replacementField(stringLine);
                } else if (c == '}') {
                    pos++;
                    return;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    pos++;
                }
                continue;
            }
            switch (c) {
                case '(', '[', '{' -> {
                    depth++;
                    pos++;
                }
                case ')', ']' -> {
                    depth--;
                    pos++;
                }
                case '}' -> {
                    pos++;
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                case ':' -> {
                    pos++;
                    if (depth == 0 && !(pos < n && cs[pos] == '=')) {
                        spec = true;
                    }
                }
                case '\'', '"' -> scanString(0);
                case '\n' -> {
                    line++;
                    pos++;
                }
                default -> {
                    if (isIdentStart(c)) {
                        int st = pos;
                        pos++;
                        while (pos < n && isIdentPart(cs[pos])) {
                            pos++;
                        }
                        if (pos - st <= 2 && pos < n && (cs[pos] == '\'' || cs[pos] == '"')) {
                            int pf = prefixFlags(cs, st, pos - st);
                            if (pf >= 0) {
                                scanString(pf);
                            }
                        }
                    } else {
                        pos++;
                    }
                }
            }
        }
    }

    private void operator(char c) throws SyntaxError {
        int len = operatorLength(c);
        if (len == 0) {
            throw new SyntaxError(line, "invalid character '" + new String(Character.toChars(s.codePointAt(pos)))
                    + "' (U+" + String.format(Locale.ROOT, "%04X", s.codePointAt(pos)) + ")");
        }
        add(OP, pos, pos + len, line, 0);
        pos += len;
    }

    /** Length of the longest operator starting with {@code c} at {@code pos}, or 0 if {@code c} starts none. */
    private int operatorLength(char c) {
        char d = pos + 1 < n ? cs[pos + 1] : 0;
        switch (c) {
            case '*', '/', '<', '>' -> {
                if (d == c) {
                    return pos + 2 < n && cs[pos + 2] == '=' ? 3 : 2;
                }
                return d == '=' ? 2 : 1;
            }
            case '.' -> {
                return d == '.' && pos + 2 < n && cs[pos + 2] == '.' ? 3 : 1;
            }
            case '-' -> {
                return d == '>' || d == '=' ? 2 : 1;
            }
            case '!' -> {
                return d == '=' ? 2 : 0;
            }
            case '=', ':', '+', '%', '&', '|', '^', '@' -> {
                return d == '=' ? 2 : 1;
            }
            case ',', ';', '~' -> {
                return 1;
            }
            default -> {
                return 0;
            }
        }
    }

    private int lineAt(int offset) {
        int l = 1;
        for (int i = 0; i < offset; i++) {
            if (cs[i] == '\n') {
                l++;
            }
        }
        return l;
    }

    /** {@link #isIdentPart} for ASCII, as a table (cheap even before the JIT compiles the scanning loops). */
    private static final boolean[] ASCII_IDENT_PART = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_IDENT_PART[c] = isAsciiAlnum(c) || c == '_';
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c >= 0x80 && (Character.isUnicodeIdentifierStart(c) || Character.isSurrogate(c)));
    }

    private static boolean isIdentPart(char c) {
        return isAsciiAlnum(c) || c == '_'
                || (c >= 0x80 && (Character.isUnicodeIdentifierPart(c) || Character.isSurrogate(c)));
    }
}
