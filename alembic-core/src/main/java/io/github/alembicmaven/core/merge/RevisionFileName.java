package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.config.PythonText;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The file name Alembic gives a new revision ({@code ScriptDirectory._rev_path}, identical in 1.8.1 and HEAD):
 * <pre>
 * slug = "_".join(re.findall(r"\w+", message or "")).lower()
 * if len(slug) &gt; truncate_slug_length:
 *     slug = slug[:truncate_slug_length].rsplit("_", 1)[0] + "_"
 * filename = "%s.py" % (file_template % {rev, slug, epoch, year, month, day, hour, minute, second})
 * </pre>
 * The result may contain {@code /} (Alembic ≥ 1.18 creates such sub-directories); it is joined to the version
 * directory like {@code os.path.join}/{@link java.nio.file.Path#resolve(String)}.
 */
public final class RevisionFileName {

    private RevisionFileName() {}

    /**
     * The file name (relative path ending in {@code .py}).
     *
     * @param fileTemplate {@code file_template} after config interpolation, e.g. {@code %(rev)s_%(slug)s}
     * @param revisionId the new revision id
     * @param message the {@code -m} message, or {@code null} when none was given
     * @param truncateSlugLength {@code truncate_slug_length} as Alembic uses it ({@code int(value) or 40})
     * @param createDate the create date (also the source of the date tokens)
     * @param localZone the time zone of the Python process; only used for {@code %(epoch)} of a naive date
     * @throws IllegalArgumentException with Python's error text when {@code file_template % {...}} fails in Python
     *     or uses a conversion this implementation does not support
     */
    public static String of(String fileTemplate, String revisionId, String message, int truncateSlugLength,
            CreateDate createDate, ZoneId localZone) {
        LocalDateTime d = createDate.dateTime();
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("rev", revisionId);
        tokens.put("slug", slug(message, truncateSlugLength));
        // null: a naive date without the process time zone has no epoch (an error only when the template uses it)
        tokens.put("epoch", createDate.isAware() || localZone != null ? createDate.epochSeconds(localZone) : null);
        tokens.put("year", (long) d.getYear());
        tokens.put("month", (long) d.getMonthValue());
        tokens.put("day", (long) d.getDayOfMonth());
        tokens.put("hour", (long) d.getHour());
        tokens.put("minute", (long) d.getMinute());
        tokens.put("second", (long) d.getSecond());
        try {
            return percentFormat(fileTemplate, tokens) + ".py";
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file_template " + PythonText.repr(fileTemplate) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The slug: the {@code \w+} runs of {@code message} (Python's Unicode {@code \w}: {@code str.isalnum()} or
     * {@code _}) joined with {@code _}, lower-cased like Python's {@code str.lower()}, truncated as Alembic does.
     *
     * @param message the message, or {@code null}
     */
    public static String slug(String message, int truncateSlugLength) {
        StringBuilder joined = new StringBuilder();
        String m = message == null ? "" : message;
        boolean inWord = false;
        for (int i = 0; i < m.length(); ) {
            int c = m.codePointAt(i);
            i += Character.charCount(c);
            if (isWord(c)) {
                if (!inWord && joined.length() > 0) {
                    joined.append('_');
                }
                joined.appendCodePoint(c);
                inWord = true;
            } else {
                inWord = false;
            }
        }
        String slug = pythonLower(joined.toString());
        int n = truncateSlugLength;
        int len = slug.codePointCount(0, slug.length());
        if (len > n) {
            String head = pySliceTo(slug, len, n);
            int cut = head.lastIndexOf('_');
            slug = (cut < 0 ? head : head.substring(0, cut)) + "_";
        }
        return slug;
    }

    /**
     * Python's {@code str.lower()}: each code point's full lower-case mapping (as Java's for a lone code point, e.g.
     * {@code İ} → {@code i̇}), and CPython's Final_Sigma rule for {@code Σ}: {@code ς} when preceded by a cased
     * letter and not followed by one (case-ignorable characters skipped). Java's {@link String#toLowerCase} decides
     * the final sigma by word boundaries instead ({@code "ΟΔΟΣ_x"}: Python {@code ς}, Java {@code σ}).
     */
    static String pythonLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == 0x3a3) {
                sb.append(finalSigma(s, i) ? 'ς' : 'σ');
            } else if (c < 0x80) {
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) c);
            } else {
                sb.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            }
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    private static boolean finalSigma(String s, int at) {
        int j = at;
        int c = -1;
        while (j > 0) {
            c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                break;
            }
            c = -1;
        }
        if (c < 0 || !isCased(c)) {
            return false;
        }
        for (j = at + 1; j < s.length(); ) {
            c = s.codePointAt(j);
            j += Character.charCount(c);
            if (!isCaseIgnorable(c)) {
                return !isCased(c);
            }
        }
        return true;
    }

    private static boolean isCased(int c) {
        return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.isTitleCase(c);
    }

    /** Unicode Case_Ignorable: Mn, Me, Cf, Lm, Sk, and the Word_Break MidLetter/MidNumLet/Single_Quote characters. */
    private static boolean isCaseIgnorable(int c) {
        switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> {
                return true;
            }
            default -> {
                return c == '\'' || c == '.' || c == ':' || c == 0xb7 || c == 0x387 || c == 0x55f || c == 0x5f4
                        || c == 0x2018 || c == 0x2019 || c == 0x2024 || c == 0x2027 || c == 0xfe13 || c == 0xfe52
                        || c == 0xfe55 || c == 0xff07 || c == 0xff0e || c == 0xff1a;
            }
        }
    }

    /** Python's {@code s[:n]} by code points (negative {@code n} counts from the end). */
    private static String pySliceTo(String s, int codePoints, int n) {
        int end = n >= 0 ? Math.min(n, codePoints) : Math.max(0, codePoints + n);
        return s.substring(0, s.offsetByCodePoints(0, end));
    }

    /**
     * Python's {@code re} {@code \w} for a {@code str} pattern: {@code _} or {@code str.isalnum()}, i.e. the general
     * categories L[ultmo] and N[dlo]. (Java's {@code UNICODE_CHARACTER_CLASS} {@code \w} differs: it also matches
     * combining marks, connector punctuation and join controls.)
     */
    static boolean isWord(int c) {
        if (c == '_') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Python's {@code template % mapping} for the conversions a {@code file_template} can meaningfully use:
     * {@code %(key)} followed by flags {@code -+ #0}, a width, a precision and one of {@code s r d i u}; {@code %%}.
     * Values are {@link String} or {@link Long}.
     *
     * @throws IllegalArgumentException with Python's error text ({@code KeyError 'x'}, {@code ValueError incomplete
     *     format}, {@code TypeError %d format: a real number is required, not str}, ...) or naming an unsupported
     *     construct
     */
    static String percentFormat(String template, Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char ch = template.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i >= n) {
                throw new IllegalArgumentException("ValueError: incomplete format");
            }
            if (template.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            if (template.charAt(i) != '(') {
                throw new IllegalArgumentException("unsupported conversion at index " + start
                        + ": only %(name)... conversions and %% are supported (Python would format the whole token"
                        + " mapping here)");
            }
            int depth = 1;
            int keyStart = ++i;
            while (i < n && depth > 0) {
                char k = template.charAt(i);
                if (k == '(') {
                    depth++;
                } else if (k == ')') {
                    depth--;
                }
                i++;
            }
            if (depth > 0) {
                throw new IllegalArgumentException("ValueError: incomplete format key");
            }
            String key = template.substring(keyStart, i - 1);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("KeyError: " + PythonText.repr(key));
            }
            Object value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("%(" + key + ") of a naive create date needs the time zone of the"
                        + " Python process (localZone)");
            }
            boolean left = false;
            boolean plus = false;
            boolean blank = false;
            boolean zero = false;
            for (; i < n && "-+ #0".indexOf(template.charAt(i)) >= 0; i++) {
                switch (template.charAt(i)) {
                    case '-' -> left = true;
                    case '+' -> plus = true;
                    case ' ' -> blank = true;
                    case '0' -> zero = true;
                    default -> { } // '#': no effect on s, r, d, i, u
                }
            }
            if (i < n && template.charAt(i) == '*') {
                throw new IllegalArgumentException("the conversion with * at index " + start
                        + " is not supported (Python raises a TypeError for it with a mapping)");
            }
            int width = -1;
            int ws = i;
            while (i < n && isAsciiDigit(template.charAt(i))) {
                i++;
            }
            if (i > ws) {
                width = parseCount(template.substring(ws, i));
            }
            int precision = -1;
            if (i < n && template.charAt(i) == '.') {
                i++;
                if (i < n && template.charAt(i) == '*') {
                    throw new IllegalArgumentException("the conversion with * at index " + start
                            + " is not supported (Python raises a TypeError for it with a mapping)");
                }
                int ps = i;
                while (i < n && isAsciiDigit(template.charAt(i))) {
                    i++;
                }
                precision = i > ps ? parseCount(template.substring(ps, i)) : 0;
            }
            while (i < n && "hlL".indexOf(template.charAt(i)) >= 0) {
                i++; // length modifiers are accepted and ignored by Python
            }
            if (i >= n) {
                throw new IllegalArgumentException("ValueError: incomplete format");
            }
            char type = template.charAt(i++);
            String body;
            switch (type) {
                case 's', 'r' -> {
                    String s = value instanceof String str
                            ? (type == 's' ? str : PythonText.repr(str))
                            : String.valueOf(value);
                    body = precision >= 0 && precision < s.codePointCount(0, s.length())
                            ? s.substring(0, s.offsetByCodePoints(0, precision)) : s;
                    zero = false;
                }
                case 'd', 'i', 'u' -> {
                    if (!(value instanceof Long number)) {
                        throw new IllegalArgumentException("TypeError: %" + type
                                + " format: a real number is required, not str");
                    }
                    String digits = Long.toString(Math.abs(number));
                    if (precision > digits.length()) {
                        digits = "0".repeat(precision - digits.length()) + digits;
                    }
                    String sign = number < 0 ? "-" : plus ? "+" : blank ? " " : "";
                    if (zero && !left && width > sign.length() + digits.length()) {
                        digits = "0".repeat(width - sign.length() - digits.length()) + digits;
                    }
                    body = sign + digits;
                }
                default -> {
                    if (type < 0x80 && "aoxXeEfFgGc".indexOf(type) >= 0) {
                        throw new IllegalArgumentException("the conversion %" + type + " at index " + start
                                + " is not supported (use s or d)");
                    }
                    throw new IllegalArgumentException(String.format(
                            "ValueError: unsupported format character %s (0x%x) at index %d",
                            PythonText.repr(String.valueOf(type)), (int) type, i - 1));
                }
            }
            int len = body.codePointCount(0, body.length());
            if (width > len) {
                String pad = " ".repeat(width - len);
                body = left ? body + pad : pad + body;
            }
            out.append(body);
        }
        return out.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ValueError: width too big", e);
        }
    }
}
