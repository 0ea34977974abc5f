package io.github.alembicmaven.core.differential;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes one revision file as a valid Python module with a random choice among every syntax form a static reader must
 * get right (Alembic imports the module, so only module-level bindings count, the last one wins): quoting styles,
 * prefixes, implicit concatenation, escapes, annotations, bare tuples, lists, multi-line tuples with comments,
 * backslash continuations, semicolons, chained and repeated assignments, names bound earlier, CRLF, BOM, coding
 * cookies (UTF-8 and Latin-1) and look-alike decoys that bind nothing at module level.
 */
final class PythonRevisionWriter {

    /**
     * What the file declares. {@code null} lists mean "attribute absent"; {@code revision == null} omits the
     * attribute (legacy file or a fault); {@code omitDownRevision} omits {@code down_revision} (a fault).
     */
    record FileSpec(
            String revision,
            List<String> downRevisions,
            boolean omitDownRevision,
            List<String> branchLabels,
            List<String> dependsOn,
            String message) {}

    private static final String[] ANNOTATED_TYPES = {
        "Union[str, Sequence[str], None]", "Optional[Union[str, Sequence[str]]]", "Union[str, None]", "\"str | None\"",
    };
    private static final String[] UTF8_TEXT = {
        "Ünïcödé — naïve café", "日本語のテキスト", "Grüße ✓ 🚀 done", "Ελληνικά και русский", "emoji 🎉 and ½ ¾",
    };
    private static final String[] LATIN1_TEXT = {"café naïve Ärger ½", "Größe und Übung", "señor ¿qué? ¡sí!"};
    private static final String[] COOKIES = {
        "# -*- coding: utf-8 -*-", "# coding: utf-8", "# coding=utf-8", "# vim: set fileencoding=utf-8 :",
    };
    private static final String[] LATIN1_COOKIES = {"# -*- coding: latin-1 -*-", "# coding: iso-8859-1"};

    private final Random r;
    private final List<String> preamble = new ArrayList<>();
    private final List<String> postamble = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();
    private boolean typing;
    private boolean latin1;
    private int decoyCounter;

    PythonRevisionWriter(Random random) {
        this.r = random;
    }

    private boolean chance(double p) {
        return r.nextDouble() < p;
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    // ------------------------------------------------------------------------------------------------------------
    // string and sequence expressions

    /** A Python expression that evaluates to the str {@code s} ({@code s} is plain ASCII without quotes/backslashes). */
    String str(String s) {
        int style = r.nextInt(23);
        switch (style) {
            case 0:
            case 1:
            case 2:
            case 3:
                return "'" + s + "'";
            case 4:
            case 5:
            case 6:
            case 7:
                return "\"" + s + "\"";
            case 8:
                return "'''" + s + "'''";
            case 9:
                return "\"\"\"" + s + "\"\"\"";
            case 10:
                return pick(new String[] {"r", "R"}) + quote(s);
            case 11:
                return pick(new String[] {"u", "U"}) + quote(s);
            case 12:
            case 13:
                return concat(s, false);
            case 14:
                return concat(s, true);
            case 15:
                return "(" + quote(s) + ")";
            case 16:
                return escaped(s);
            case 17:
                return "r'''" + s + "'''";
            case 18:
                return "( " + quote(s) + " )";
            case 20:
                return plusConcat(s);
            case 21:
                return namedEscape(s);
            default:
                return quote(s);
        }
    }

    /** Like {@link #str} but may also continue the literal on the next line with a backslash (top level only). */
    private String topStr(String s) {
        if (s.length() >= 2 && chance(0.02)) {
            int cut = 1 + r.nextInt(s.length() - 1);
            return quote(s.substring(0, cut) + "\\\n" + s.substring(cut));
        }
        return str(s);
    }

    /** {@code "ab" + "cd"}: a binary plus of str literals. */
    private String plusConcat(String s) {
        if (s.length() < 2) {
            return quote(s);
        }
        int cut = 1 + r.nextInt(s.length() - 1);
        String e = quote(s.substring(0, cut)) + " + " + anyPrefixQuote(s.substring(cut));
        return chance(0.5) ? "(" + e + ")" : e;
    }

    /** One character as a {@code \N{...}} escape. */
    private String namedEscape(String s) {
        int i = r.nextInt(s.length());
        char c = s.charAt(i);
        String name;
        if (c >= 'a' && c <= 'z') {
            name = "LATIN SMALL LETTER " + Character.toUpperCase(c);
        } else if (c >= 'A' && c <= 'Z') {
            name = "LATIN CAPITAL LETTER " + c;
        } else if (c >= '0' && c <= '9') {
            name = "DIGIT " + new String[] {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
                "NINE"}[c - '0'];
        } else if (c == '_') {
            name = "LOW LINE";
        } else {
            return quote(s);
        }
        return quote(s.substring(0, i) + "\\N{" + name + "}" + s.substring(i + 1));
    }

    private String quote(String s) {
        return chance(0.5) ? "'" + s + "'" : "\"" + s + "\"";
    }

    private String anyPrefixQuote(String s) {
        String prefix = pick(new String[] {"", "", "", "r", "u", "R"});
        return prefix + quote(s);
    }

    /** Implicit concatenation of 2-3 literals; multi-line only inside parentheses. */
    private String concat(String s, boolean multiline) {
        if (s.length() < 2) {
            return quote(s);
        }
        int parts = s.length() >= 3 && chance(0.4) ? 3 : 2;
        List<Integer> cuts = new ArrayList<>();
        while (cuts.size() < parts - 1) {
            int c = 1 + r.nextInt(s.length() - 1);
            if (!cuts.contains(c)) {
                cuts.add(c);
            }
        }
        Collections.sort(cuts);
        List<String> pieces = new ArrayList<>();
        int prev = 0;
        for (int c : cuts) {
            pieces.add(anyPrefixQuote(s.substring(prev, c)));
            prev = c;
        }
        pieces.add(anyPrefixQuote(s.substring(prev)));
        if (multiline) {
            return "(" + String.join("\n    ", pieces) + ")";
        }
        String joined = String.join(chance(0.7) ? " " : "", pieces);
        return chance(0.3) ? "(" + joined + ")" : joined;
    }

    /** A non-raw literal with one character written as an escape ({@code \x5f}, {@code \u0061}, {@code \141}). */
    private String escaped(String s) {
        int i = r.nextInt(s.length());
        char c = s.charAt(i);
        String esc;
        switch (r.nextInt(3)) {
            case 0:
                esc = String.format("\\x%02x", (int) c);
                break;
            case 1:
                esc = String.format("\\u%04x", (int) c);
                break;
            default:
                esc = String.format("\\%03o", (int) c);
                break;
        }
        return quote(s.substring(0, i) + esc + s.substring(i + 1));
    }

    /** A name bound earlier in the module ({@code _PARENT = "abc"}) whose value is {@code s}. */
    private String boundName(String s, String hint) {
        String name = freshName(hint);
        preamble.add(name + " = " + str(s));
        if (chance(0.15)) {
            // rebinding AFTER the use must not change the attribute (Python evaluates at the binding)
            postamble.add(name + " = " + quote("rebound_" + name.toLowerCase(java.util.Locale.ROOT)));
        }
        return name;
    }

    private String freshName(String hint) {
        String[] styles = {"_" + hint, hint, "_" + hint + "_ID", hint + "_REV"};
        if (!latin1 && chance(0.05)) {
            styles = new String[] {"_ÄLTERE_" + hint, "_родитель_" + hint, "Ñ_" + hint};
        }
        String base = pick(styles);
        String name = base;
        int n = 2;
        while (!usedNames.add(name)) {
            name = base + n++;
        }
        return name;
    }

    /** An element of a sequence: a literal or (sometimes) a name bound earlier. */
    private String element(String s, String hint) {
        return chance(0.12) ? boundName(s, hint) : str(s).replace("\n", "\n    ");
    }

    /** A tuple/list/bare tuple/multi-line tuple of {@code items} (at least one). Bare tuples only at the top. */
    private String sequence(List<String> items, String hint, boolean allowBare) {
        List<String> els = new ArrayList<>();
        for (String s : items) {
            els.add(element(s, hint));
        }
        if (els.size() >= 2 && chance(0.05)) {
            // (*_HEAD, "b", "c"): the first element spliced from a tuple bound earlier
            String head = freshName(hint + "S_HEAD");
            preamble.add(head + " = (" + els.get(0) + ",)");
            return "(*" + head + ", " + String.join(", ", els.subList(1, els.size())) + ")";
        }
        if (els.size() >= 2 && chance(0.05)) {
            return "(" + els.get(0) + ",) + (" + String.join(", ", els.subList(1, els.size())) + ",)";
        }
        int form = r.nextInt(allowBare ? 7 : 6);
        switch (form) {
            case 0:
            case 1:
                return "(" + String.join(", ", els) + (els.size() == 1 || chance(0.3) ? "," : "") + ")";
            case 2:
                return "[" + String.join(", ", els) + (chance(0.3) ? "," : "") + "]";
            case 3:
                return multiline(els, "(", ")");
            case 4:
                return multiline(els, "[", "]");
            case 5:
                // hanging indent
                return "(" + String.join(",\n                 ", els) + (els.size() == 1 ? "," : "") + ")";
            default:
                return String.join(", ", els) + (els.size() == 1 || chance(0.3) ? "," : "");
        }
    }

    private String multiline(List<String> els, String open, String close) {
        StringBuilder sb = new StringBuilder(open);
        if (chance(0.4)) {
            sb.append("  # ").append(pick(new String[] {"parents", "the revisions we build on", "it's \"merged\""}));
        }
        sb.append('\n');
        for (int i = 0; i < els.size(); i++) {
            if (chance(0.25)) {
                sb.append("    # ").append(pick(new String[] {"older branch", "revision = 'zzz' (comment)", "next"}));
                sb.append('\n');
            }
            sb.append("    ").append(els.get(i));
            boolean last = i == els.size() - 1;
            if (!last || chance(0.7) || (els.size() == 1 && open.equals("("))) {
                sb.append(',');
            }
            if (chance(0.3)) {
                sb.append("  # #").append(i + 1);
            }
            sb.append('\n');
        }
        if (chance(0.2)) {
            sb.append("    # end\n");
        }
        return sb.append(close).toString();
    }

    /** {@code down_revision}: {@code None}/{@code ()}/{@code []} for a base, a string or a sequence. */
    private String downRevisionValue(List<String> parents) {
        if (parents.isEmpty()) {
            int f = r.nextInt(20);
            return f < 14 ? "None" : f < 17 ? "()" : f < 19 ? "[]" : "(None)";
        }
        if (parents.size() == 1) {
            int f = r.nextInt(10);
            if (f < 6) {
                return str(parents.get(0));
            }
            if (f < 7) {
                return boundName(parents.get(0), "PARENT");
            }
        } else if (chance(0.1)) {
            // the whole tuple bound to a name
            String name = freshName("PARENTS");
            preamble.add(name + " = " + sequence(parents, "PARENT", false));
            return name;
        }
        return sequence(parents, "PARENT", true);
    }

    /** {@code branch_labels} / {@code depends_on}: {@code None}, {@code ()}, a string, a sequence or a one-set. */
    private String listValue(List<String> values, String hint) {
        if (values.isEmpty()) {
            return chance(0.85) ? "None" : pick(new String[] {"()", "[]"});
        }
        if (values.size() == 1) {
            int f = r.nextInt(10);
            if (f < 5) {
                return str(values.get(0));
            }
            if (f < 6) {
                return "{" + str(values.get(0)) + "}";
            }
            if (f < 7) {
                return boundName(values.get(0), hint);
            }
        }
        return sequence(values, hint, true);
    }

    // ------------------------------------------------------------------------------------------------------------
    // statements

    private String assignment(String name, String value, boolean allowChain) {
        StringBuilder sb = new StringBuilder();
        int form = r.nextInt(12);
        boolean annotated = form >= 8 && form <= 10;
        if (annotated && name.equals("revision")) {
            sb.append("revision: ").append(pick(new String[] {"str", "str", "\"str\""})).append(" = ");
        } else if (annotated) {
            String type = pick(ANNOTATED_TYPES);
            typing |= !type.startsWith("\"");
            sb.append(name).append(": ").append(type).append(" = ");
        } else if (form == 11 && allowChain) {
            String alias = freshName(name.toUpperCase(java.util.Locale.ROOT));
            sb.append(chance(0.5) ? name + " = " + alias : alias + " = " + name).append(" = ");
        } else if (chance(0.006)) {
            sb.append("(").append(name).append(") = "); // a parenthesised name is a plain target, not a tuple
        } else {
            sb.append(name).append(chance(0.08) ? "=" : chance(0.02) ? "\t=\t" : " = ");
        }
        if (form == 7) {
            sb.append("\\\n    ");
        }
        sb.append(value);
        if (chance(0.01)) {
            sb.append(";");
        }
        if (chance(0.15)) {
            sb.append("  # ").append(pick(new String[] {
                "revision identifiers, used by Alembic.", "was: 'ffffffffffff'", "it's \"quoted\" # twice",
                "down_revision = None"}));
        }
        return sb.toString();
    }

    private String decoyId() {
        return "zz" + Integer.toHexString(r.nextInt(0xFFFFFF)) + "decoy" + (decoyCounter++);
    }

    /** Module-level look-alikes that bind none of the four attributes. */
    private String decoyBlock() {
        String a = decoyId();
        String b = decoyId();
        switch (r.nextInt(12)) {
            case 0:
                return "# revision = \"" + a + "\"\n# down_revision = '" + b + "'";
            case 1:
                return "_NOTE = \"revision = '" + a + "'\"";
            case 2:
                return "_SQL = \"\"\"\ndown_revision = '" + b + "'\ndepends_on = \"" + a + "\"\n\"\"\"";
            case 3:
                return "class _Meta:\n    revision = \"" + a + "\"\n    down_revision = \"" + b + "\"\n"
                        + "    branch_labels = (\"" + a + "_label\",)\n";
            case 4:
                return "def _helper():\n    revision = \"" + a + "\"\n    depends_on = '" + b + "'\n    return revision\n";
            case 5:
                return "_OPTS = dict(revision=\"" + a + "\", down_revision=None, depends_on=\"" + b + "\")";
            case 6:
                return "_MAP = {\"revision\": \"" + a + "\", 'branch_labels': ('" + b + "',)}";
            case 7:
                return "class _NS:\n    pass\n\n\n_NS.revision = \"" + a + "\"\n_NS.down_revision = None";
            case 8:
                return "_f = lambda revision=\"" + a + "\", down_revision=None: (revision, down_revision)";
            case 9:
                return "def _g():\n    global revision\n    revision = \"" + a + "\"\n";
            case 10:
                return "_S = 'revision = \\'" + a + "\\''  # escaped quotes";
            default:
                return "_DOC = '''\nrevision = \"" + a + "\"\nbranch_labels = None\n'''";
        }
    }

    private String functionBody(String decoyA) {
        switch (r.nextInt(6)) {
            case 0:
                return "    pass";
            case 1:
                return "    revision = \"" + decoyA + "\"\n    down_revision = None\n    return None";
            case 2:
                return "    op.create_table(\n        \"revision_log\",\n        sa.Column(\"revision\", sa.String(32)),\n"
                        + "        sa.Column('depends_on', sa.String(32)),\n    )";
            case 3:
                return "    \"\"\"Upgrade schema.\"\"\"\n    pass";
            case 4:
                return "\tdepends_on = ('" + decoyA + "',)\n\tbranch_labels = None\n\tpass";
            default:
                return "    # ### commands auto generated by Alembic - please adjust! ###\n    pass\n"
                        + "    # ### end Alembic commands ###";
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // the file

    /** The file's bytes. */
    byte[] write(FileSpec spec) {
        preamble.clear();
        postamble.clear();
        usedNames.clear();
        typing = false;

        int enc = r.nextInt(20);
        latin1 = enc == 0;
        boolean bom = !latin1 && enc <= 2;
        boolean crlf = chance(0.2);

        // the four attributes (values first: they may add preamble bindings)
        List<String[]> attrs = new ArrayList<>();
        if (spec.revision() != null) {
            String value = chance(0.08) ? boundName(spec.revision(), "REVISION") : topStr(spec.revision());
            attrs.add(new String[] {"revision", value});
        }
        if (!spec.omitDownRevision()) {
            attrs.add(new String[] {"down_revision", downRevisionValue(spec.downRevisions())});
        }
        if (spec.branchLabels() != null) {
            attrs.add(new String[] {"branch_labels", listValue(spec.branchLabels(), "LABEL")});
        }
        if (spec.dependsOn() != null) {
            attrs.add(new String[] {"depends_on", listValue(spec.dependsOn(), "DEPENDS")});
        }
        if (chance(0.25)) {
            Collections.shuffle(attrs, r);
        }
        List<String> attrLines = new ArrayList<>();
        for (int i = 0; i < attrs.size(); i++) {
            String[] a = attrs.get(i);
            // branch_labels = depends_on = None
            if (i + 1 < attrs.size() && a[1].equals("None") && attrs.get(i + 1)[1].equals("None") && chance(0.3)) {
                attrLines.add(a[0] + " = " + attrs.get(i + 1)[0] + " = None");
                i++;
                continue;
            }
            if (i + 1 < attrs.size() && chance(0.02)) {
                String[] b = attrs.get(i + 1);
                String v1 = "(" + a[1] + ")";
                String v2 = "(" + b[1] + ")";
                switch (r.nextInt(3)) {
                    case 0:
                        attrLines.add(a[0] + ", " + b[0] + " = " + v1 + ", " + v2);
                        break;
                    case 1:
                        attrLines.add("(" + a[0] + ", " + b[0] + ") = (" + v1 + ", " + v2 + ")");
                        break;
                    default:
                        attrLines.add("[" + a[0] + ", " + b[0] + "] = [" + v1 + ", " + v2 + "]");
                        break;
                }
                i++;
                continue;
            }
            String line = assignment(a[0], a[1], true);
            if (i + 1 < attrs.size() && !line.contains("\n") && !line.contains("#") && chance(0.12)) {
                String[] b = attrs.get(i + 1);
                String next = assignment(b[0], b[1], false);
                if (!next.contains("\n") && !next.contains("#")) {
                    attrLines.add(line + (line.endsWith(";") ? " " : chance(0.5) ? "; " : ";") + next);
                    i++;
                    continue;
                }
                attrLines.add(line);
                attrLines.add(next);
                i++;
                continue;
            }
            attrLines.add(line);
        }
        // earlier bindings that the final ones override (last binding wins)
        List<String> overridden = new ArrayList<>();
        for (String[] a : attrs) {
            if (chance(0.1)) {
                String old = a[0].equals("down_revision") || a[0].equals("depends_on")
                        ? pick(new String[] {"None", str(decoyId()), "(" + quote(decoyId()) + ",)"})
                        : str(decoyId());
                overridden.add(a[0] + " = " + old + "  # superseded below");
            }
        }
        // annotation without a value binds nothing: harmless after the real binding
        if (spec.revision() != null && chance(0.04)) {
            postamble.add("revision: str");
        }

        StringBuilder sb = new StringBuilder();
        if (chance(0.05)) {
            sb.append("#!/usr/bin/env python\n");
        }
        if (latin1) {
            sb.append(pick(LATIN1_COOKIES)).append('\n');
        } else if (chance(0.2)) {
            sb.append(pick(COOKIES)).append('\n');
        }
        String extra = latin1 ? pick(LATIN1_TEXT) : chance(0.3) ? pick(UTF8_TEXT) : null;
        docstring(sb, spec, extra);
        sb.append("from alembic import op\nimport sqlalchemy as sa\n");
        boolean typingImport = chance(0.5);
        StringBuilder body = new StringBuilder();
        List<String> blocks = new ArrayList<>();
        if (chance(0.35)) {
            blocks.add(decoyBlock());
        }
        blocks.addAll(overridden);
        blocks.addAll(preamble);
        for (String b : blocks) {
            body.append(b).append('\n');
        }
        body.append(chance(0.7) ? "\n# revision identifiers, used by Alembic.\n" : "\n");
        for (String line : attrLines) {
            body.append(line).append('\n');
            if (chance(0.05)) {
                body.append('\n');
            }
        }
        for (String p : postamble) {
            body.append(p).append('\n');
        }
        if (chance(0.3)) {
            body.append('\n').append(decoyBlock()).append('\n');
        }
        if (typing || typingImport) {
            sb.append("from typing import Optional, Sequence, Union\n");
        }
        if (extra != null && chance(0.5)) {
            sb.append("\n# ").append(extra).append('\n');
        }
        sb.append('\n').append(body);
        String decoyA = decoyId();
        sb.append("\n\ndef upgrade()").append(chance(0.5) ? " -> None" : "").append(":\n")
                .append(functionBody(decoyA)).append("\n\n\ndef downgrade():\n").append(functionBody(decoyId()));
        if (chance(0.95)) {
            sb.append('\n');
        }
        String text = sb.toString();
        if (crlf) {
            text = text.replace("\n", "\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes(text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void docstring(StringBuilder sb, FileSpec spec, String extra) {
        int form = r.nextInt(10);
        if (form == 0) {
            return;
        }
        if (form == 1) {
            sb.append(quote(spec.message())).append("\n");
            return;
        }
        String q = form <= 6 ? "\"\"\"" : form <= 8 ? "'''" : "r\"\"\"";
        sb.append(q).append(spec.message()).append("\n\n");
        sb.append("Revision ID: ").append(spec.revision() != null ? spec.revision() : decoyId()).append('\n');
        sb.append("Revises: ").append(chance(0.3) ? decoyId() : String.join(", ", spec.downRevisions())).append('\n');
        sb.append("Create Date: 2024-0").append(1 + r.nextInt(9)).append("-1").append(r.nextInt(10))
                .append(" 12:3").append(r.nextInt(10)).append(":00.123456\n");
        if (extra != null) {
            sb.append('\n').append(extra).append('\n');
        }
        if (chance(0.3)) {
            String d = decoyId();
            sb.append(q.endsWith("'''") ? "\nrevision = \"" + d + "\"\ndown_revision = None\n"
                    : "\nrevision = '" + d + "'\ndepends_on = ('" + d + "',)\n");
        }
        sb.append('\n').append(q.substring(q.length() - 3)).append('\n');
    }
}
