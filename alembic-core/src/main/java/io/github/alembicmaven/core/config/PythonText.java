package io.github.alembicmaven.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Python {@code str} behaviour the config readers need: {@code isspace()}, {@code strip()}, {@code repr()},
 * {@code str.split(sep)}, {@code int(str)} and code-point ordering ({@code sorted()} of strings).
 */
public final class PythonText {
    /** Python's {@code sorted()} order for {@code str}: by code point (Java's {@code compareTo} uses UTF-16 units). */
    public static final Comparator<String> CODE_POINT_ORDER = PythonText::compareCodePoints;

    private PythonText() {}

    /** Python {@code str.isspace()} for one code point (also what {@code re}'s {@code \s} matches). */
    public static boolean isSpace(int c) {
        return (c >= 0x09 && c <= 0x0d)
                || (c >= 0x1c && c <= 0x20)
                || c == 0x85
                || c == 0xa0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202f
                || c == 0x205f
                || c == 0x3000;
    }

    /** Python {@code s.strip()}. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python {@code s.rstrip()}. */
    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Index of the first non-whitespace char (Python {@code re.search(r"\S", s).start()}), or -1. */
    static int firstNonSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Python {@code s.split(sep)} with a literal, non-empty separator (keeps empty parts). */
    public static List<String> split(String s, String sep) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Python {@code repr(s)} for a {@code str} (quote choice and escapes as CPython, non-printables as {@code \\x/\\u/\\U}). */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (!isPrintable(c)) {
                sb.append(c < 0x100 ? String.format("\\x%02x", c)
                        : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append(quote).toString();
    }

    /**
     * Python {@code str.isprintable()} for one code point: false for the general categories Cc, Cf, Cs, Co, Cn, Zl, Zp
     * and Zs except the space ({@code repr()} escapes exactly these).
     */
    public static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * Python {@code int(s)} (base 10): surrounding whitespace, a sign, decimal digits (any script) with single
     * underscores between them.
     *
     * @throws NumberFormatException with Python's {@code ValueError} text, or when the value exceeds a Java int
     */
    public static int parseInt(String s) {
        String t = strip(s);
        StringBuilder digits = new StringBuilder();
        int i = 0;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            digits.append(t.charAt(0));
            i = 1;
        }
        boolean lastDigit = false;
        boolean ok = i < t.length();
        for (; i < t.length() && ok; i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(Character.digit(c, 10));
                lastDigit = true;
            } else if (c == '_' && lastDigit && i + 1 < t.length()) {
                lastDigit = false;
            } else {
                ok = false;
            }
        }
        if (!ok || !lastDigit) {
            throw new NumberFormatException("invalid literal for int() with base 10: " + repr(s));
        }
        BigInteger value = new BigInteger(digits.toString());
        if (value.bitLength() > 31) {
            throw new NumberFormatException("integer " + value + " is too large");
        }
        return value.intValue();
    }

    static int compareCodePoints(String a, String b) {
        // UTF-16 order is code point order unless the first difference involves a surrogate
        int la = a.length();
        int lb = b.length();
        int n = Math.min(la, lb);
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return compareCodePointsSlowly(a, b);
                }
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(la, lb);
    }

    /** Code point by code point (for strings with surrogate pairs). */
    static int compareCodePointsSlowly(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
