package io.github.alembicmaven.core.script;

import java.util.List;
import java.util.Locale;

/**
 * A value of a module-level expression as far as it can be known without running Python: literals, containers of
 * them, or {@link Unknown} with the source text and the reason.
 */
sealed interface PyValue {

    /** Python's type name ({@code type(x).__name__}), used in messages. */
    String typeName();

    /** Python's {@code repr()} (close enough for messages). */
    String repr();

    /** A {@code str}. */
    record Str(String value) implements PyValue {
        @Override
        public String typeName() {
            return "str";
        }

        @Override
        public String repr() {
            return PyValue.reprText(value, false);
        }
    }

    /** A {@code bytes}; the bytes are kept as chars 0..255. */
    record Bytes(String value) implements PyValue {
        @Override
        public String typeName() {
            return "bytes";
        }

        @Override
        public String repr() {
            return "b" + PyValue.reprText(value, true);
        }
    }

    /** An {@code int}, {@code float} or {@code complex} literal, kept as written. */
    record Num(String text) implements PyValue {
        @Override
        public String typeName() {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.endsWith("j")) {
                return "complex";
            }
            boolean prefixed = t.startsWith("0x") || t.startsWith("0o") || t.startsWith("0b")
                    || t.startsWith("-0x") || t.startsWith("-0o") || t.startsWith("-0b");
            return !prefixed && (t.contains(".") || t.contains("e")) ? "float" : "int";
        }

        @Override
        public String repr() {
            return text;
        }
    }

    /** {@code True} or {@code False}. */
    record Bool(boolean value) implements PyValue {
        @Override
        public String typeName() {
            return "bool";
        }

        @Override
        public String repr() {
            return value ? "True" : "False";
        }
    }

    /** {@code None}. */
    record None() implements PyValue {
        static final None INSTANCE = new None();

        @Override
        public String typeName() {
            return "NoneType";
        }

        @Override
        public String repr() {
            return "None";
        }
    }

    /** The kind of a {@link Seq}. */
    enum SeqKind {
        TUPLE,
        LIST,
        SET
    }

    /**
     * A tuple, list or set of known elements. Sets keep source order (Python's iteration order of a set of strings
     * depends on the per-process hash seed, so no static order is "right").
     */
    record Seq(SeqKind kind, List<PyValue> items) implements PyValue {
        public Seq {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return kind.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String repr() {
            StringBuilder sb = new StringBuilder();
            sb.append(kind == SeqKind.TUPLE ? '(' : kind == SeqKind.LIST ? '[' : '{');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(items.get(i).repr());
            }
            if (kind == SeqKind.TUPLE && items.size() == 1) {
                sb.append(',');
            }
            if (kind == SeqKind.SET && items.isEmpty()) {
                return "set()";
            }
            sb.append(kind == SeqKind.TUPLE ? ')' : kind == SeqKind.LIST ? ']' : '}');
            return sb.toString();
        }
    }

    /** A value of a known type whose content does not matter here (a dict, an ellipsis). */
    record Other(String typeName, String repr) implements PyValue {}

    /**
     * A value that cannot be known statically.
     *
     * @param text the expression as written (whitespace collapsed)
     * @param reason why, phrased to follow "cannot be evaluated without running Python", e.g. "(the name comes from
     *     an import)" or "(it is bound inside an if block at line 3)"
     */
    record Unknown(String text, String reason) implements PyValue {
        @Override
        public String typeName() {
            return "unknown";
        }

        @Override
        public String repr() {
            return text;
        }
    }

    /** Python's {@code repr} of a {@code str} (or of the body of a {@code bytes}). */
    static String reprText(String v, boolean bytes) {
        char q = v.indexOf('\'') >= 0 && v.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(v.length() + 2).append(q);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80) || (!bytes && c >= 0x80 && c <= 0xa0)) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }
}
