package io.github.alembicmaven.core.script;

import static io.github.alembicmaven.core.script.PyTokens.BYTES;
import static io.github.alembicmaven.core.script.PyTokens.FORMATTED;
import static io.github.alembicmaven.core.script.PyTokens.PREFIX_SHIFT;
import static io.github.alembicmaven.core.script.PyTokens.RAW;
import static io.github.alembicmaven.core.script.PyTokens.TRIPLE;

/**
 * Decodes the body of one string literal token exactly as CPython does: {@code \\newline}, the single-character
 * escapes, octal ({@code \\o..\\ooo}), {@code \\xhh}, and for {@code str} also {@code \\uXXXX}, {@code \\UXXXXXXXX} and
 * {@code \\N{NAME}}; unknown escapes keep the backslash. Raw literals are taken verbatim. In an f-string without
 * replacement fields, {@code {{} and {@code }}} become single braces.
 */
final class StringLiterals {

    private StringLiterals() {}

    /** A literal that Python rejects at compile time. */
    static final class LiteralError extends Exception {
        private static final long serialVersionUID = 1L;

        LiteralError(String message) {
            super(message, null, false, false);
        }
    }

    /** The value of STRING token {@code i} (for bytes: one char per byte). */
    static String decode(PyTokens t, int i) throws LiteralError {
        int f = t.flags[i];
        int quote = (f & TRIPLE) != 0 ? 3 : 1;
        int from = t.start[i] + (f >>> PREFIX_SHIFT) + quote;
        int to = t.end[i] - quote;
        String s = t.src;
        boolean bytes = (f & BYTES) != 0;
        boolean formatted = (f & FORMATTED) != 0;
        if (bytes) {
            for (int k = from; k < to; k++) {
                if (s.charAt(k) >= 0x80) {
                    throw new LiteralError("bytes can only contain ASCII literal characters");
                }
            }
        }
        if ((f & RAW) != 0 && !formatted) {
            return s.substring(from, to);
        }
        int bs = s.indexOf('\\', from);
        if ((bs < 0 || bs >= to) && !formatted) {
            return s.substring(from, to);
        }
        boolean raw = (f & RAW) != 0;
        StringBuilder sb = new StringBuilder(to - from);
        int k = from;
        while (k < to) {
            char c = s.charAt(k);
            if (formatted && (c == '{' || c == '}')) {
                if (k + 1 < to && s.charAt(k + 1) == c) {
                    sb.append(c);
                    k += 2;
                    continue;
                }
                throw new LiteralError("f-string: single '" + c + "' is not allowed");
            }
            if (c != '\\' || raw) {
                sb.append(c);
                k++;
                continue;
            }
            if (k + 1 >= to) {
                sb.append(c);
                k++;
                continue;
            }
            char e = s.charAt(k + 1);
            k += 2;
            switch (e) {
                case '\n' -> {}
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int d = 0; d < 2 && k < to && s.charAt(k) >= '0' && s.charAt(k) <= '7'; d++, k++) {
                        v = v * 8 + (s.charAt(k) - '0');
                    }
                    sb.append((char) (bytes ? v & 0xff : v));
                }
                case 'x' -> {
                    sb.append((char) hex(s, k, to, 2, bytes ? "bytes" : "unicodeescape", "\\xXX"));
                    k += 2;
                }
                case 'u', 'U' -> {
                    if (bytes) {
                        sb.append('\\').append(e);
                    } else {
                        int len = e == 'u' ? 4 : 8;
                        int cp = hex(s, k, to, len, "unicodeescape", e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX");
                        if (cp > Character.MAX_CODE_POINT) {
                            throw new LiteralError("(unicode error) 'unicodeescape' codec can't decode bytes: "
                                    + "illegal Unicode character");
                        }
                        sb.appendCodePoint(cp);
                        k += len;
                    }
                }
                case 'N' -> {
                    if (bytes) {
                        sb.append('\\').append(e);
                    } else {
                        int close = k < to && s.charAt(k) == '{' ? s.indexOf('}', k) : -1;
                        if (close < 0 || close >= to) {
                            throw new LiteralError("(unicode error) 'unicodeescape' codec can't decode bytes: "
                                    + "malformed \\N character escape");
                        }
                        String name = s.substring(k + 1, close);
                        try {
                            sb.appendCodePoint(Character.codePointOf(name));
                        } catch (IllegalArgumentException ex) {
                            throw new LiteralError("(unicode error) 'unicodeescape' codec can't decode bytes: "
                                    + "unknown Unicode character name '" + name + "'");
                        }
                        k = close + 1;
                    }
                }
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int k, int to, int len, String codec, String form) throws LiteralError {
        if (k + len > to) {
            throw truncated(codec, form);
        }
        int v = 0;
        for (int d = 0; d < len; d++) {
            int h = Character.digit(s.charAt(k + d), 16);
            if (h < 0 || s.charAt(k + d) >= 0x80) {
                throw truncated(codec, form);
            }
            v = v * 16 + h;
        }
        return v;
    }

    private static LiteralError truncated(String codec, String form) {
        return codec.equals("bytes")
                ? new LiteralError("(value error) invalid \\x escape")
                : new LiteralError("(unicode error) 'unicodeescape' codec can't decode bytes: truncated " + form
                        + " escape");
    }
}
