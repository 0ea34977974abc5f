package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.config.PythonText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code script.py.mako} restricted to the Mako constructs of Alembic's stock templates (generic, async, multidb,
 * pyproject, pyproject_async; spec §5.2), parsed with Mako 1.2's lexer rules and rendered without Python.
 *
 * <p>Supported:
 * <ul>
 *   <li>text, with a line-ending {@code \} joining the next line (both characters dropped);
 *   <li>{@code ${name}} for the merge variables {@code message, up_revision, down_revision, branch_labels,
 *       depends_on, create_date} ({@code str()} of the value), {@code ${repr(name)}},
 *       {@code ${name if name else "literal"}}, and the filters {@code | comma,n} (also {@code n}, {@code str},
 *       {@code comma} in any combination, with Mako's default-filter rule);
 *   <li>{@code ##} comment lines, a leading {@code # ... coding: utf-8} line (skipped by Mako);
 *   <li>{@code <%! import re %>}; {@code <% NAME = config.get_main_option("option") %>};
 *       {@code % for VAR in re.split(r',\s*', NAME):} ... {@code % endfor} with {@code ${VAR}} and
 *       {@code ${context.get("%s_upgrades" % VAR, "literal")}} (or {@code _downgrades}) inside.
 * </ul>
 * Anything else ({@code <%def>}, {@code <%inherit>}, {@code % if}, other expressions or filters, {@code %%} lines,
 * a template variable that {@code alembic merge} does not pass such as {@code ${imports}} without a fallback)
 * makes {@link #parse} or {@link #render} throw {@link ScriptTemplateUnsupportedException} naming the construct and
 * its line. A whitespace variation of a supported expression is accepted (Python tokens are compared).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ScriptTemplate {

    /** Classpath resource of the built-in template: Alembic's current (HEAD) generic {@code script.py.mako}. */
    public static final String BUILT_IN_RESOURCE = "/io/github/alembicmaven/core/merge/script.py.mako";

    private static final Set<String> VARIABLES =
            Set.of("message", "up_revision", "down_revision", "branch_labels", "depends_on", "create_date");
    /** Passed by {@code alembic revision} but not by {@code alembic merge}: Mako's {@code UNDEFINED} (falsy). */
    private static final Set<String> UNDEFINED_IN_MERGE = Set.of("imports", "upgrades", "downgrades");
    private static final Set<String> RESERVED = Set.of("re", "config", "context", "comma", "str", "repr", "loop",
            "capture", "caller", "self", "local", "parent", "next", "UNDEFINED", "imports", "upgrades", "downgrades");
    private static final Pattern CODING = Pattern.compile("#[^\n]*coding[:=]\\s*([-\\w.]+)[^\n]*\r?\n");
    private static final Pattern TAG_START = Pattern.compile(
            "<%([\\w.:]+)((?:\\s+\\w+|\\s*=\\s*|\"[^\"]*?\"|'[^']*?'|\\s*,\\s*)*)\\s*(/)?>", Pattern.DOTALL);
    private static final Pattern CONTROL_LINE =
            Pattern.compile("[\\t ]*(%(?!%)|##)[\\t ]*((?:\\\\\\r?\\n|[^\\r\\n])*)(?:\\r?\\n|\\z)");
    private static final Pattern CONTROL_KEYWORD = Pattern.compile("(end)?(\\w+)\\s*(.*)", Pattern.DOTALL);
    private static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "UNDEFINED";
        }
    };

    private final String source;
    private final List<Node> nodes;

    private ScriptTemplate(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = List.copyOf(nodes);
    }

    /** The built-in template (Alembic's current generic template). */
    public static ScriptTemplate builtIn() {
        try (InputStream in = ScriptTemplate.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            Objects.requireNonNull(in, BUILT_IN_RESOURCE);
            return parse(in.readAllBytes(), "built-in script.py.mako");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScriptTemplateUnsupportedException e) {
            throw new IllegalStateException("the built-in template must be supported", e);
        }
    }

    /** Reads and parses a project's {@code script.py.mako}. */
    public static ScriptTemplate read(Path file) throws IOException, ScriptTemplateUnsupportedException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses template bytes as Mako does: a UTF-8 BOM is dropped, the text is UTF-8 (a magic encoding comment naming
     * another encoding is unsupported); a first line {@code # ... coding[:=] ...} produces no output.
     *
     * @param name the template's name for messages (usually its path)
     */
    public static ScriptTemplate parse(byte[] content, String name) throws ScriptTemplateUnsupportedException {
        byte[] body = content;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            body = java.util.Arrays.copyOfRange(body, 3, body.length);
        }
        String lenient = new String(body, StandardCharsets.UTF_8);
        Matcher coding = CODING.matcher(lenient);
        if (coding.lookingAt()) {
            String enc = coding.group(1).toLowerCase(Locale.ROOT).replace('-', '_');
            if (!enc.equals("utf_8") && !enc.equals("utf8") && !enc.equals("u8") && !enc.equals("utf")) {
                throw new ScriptTemplateUnsupportedException(name, 1, coding.group().strip(),
                        "a template encoding other than UTF-8 is not supported");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ScriptTemplateUnsupportedException(name, 0, "",
                    "the template is not valid UTF-8 (Mako fails: Unicode decode operation of encoding 'utf-8'"
                            + " failed)");
        }
        return parse(text, name);
    }

    /** Parses template text (already decoded). */
    public static ScriptTemplate parse(String text, String name) throws ScriptTemplateUnsupportedException {
        return new Parser(text, name).parse();
    }

    /** The template's name as given to {@link #parse}. */
    public String source() {
        return source;
    }

    /**
     * Renders the template with the variables {@code alembic merge} passes (Mako {@code render_unicode}).
     *
     * @param args the merge's template variables
     * @throws ScriptTemplateUnsupportedException when Alembic's rendering would fail too (for example a multidb
     *     template without a {@code databases} option, or {@code ${imports}} without a fallback)
     */
    public String render(ScriptTemplateArgs args) throws ScriptTemplateUnsupportedException {
        StringBuilder out = new StringBuilder();
        Scope scope = new Scope(args);
        for (Node node : nodes) {
            node.render(scope, out);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Runtime

    private final class Scope {
        final ScriptTemplateArgs args;
        String splitVar;
        String splitValue;
        boolean splitAssigned;
        String loopVar;
        String loopValue;

        Scope(ScriptTemplateArgs args) {
            this.args = args;
        }

        Object lookup(String name, Node where) throws ScriptTemplateUnsupportedException {
            if (name.equals(loopVar)) {
                return loopValue;
            }
            return switch (name) {
                case "message" -> args.message();
                case "up_revision" -> args.upRevision();
                case "down_revision" -> args.downRevision();
                case "branch_labels" -> args.branchLabels();
                case "depends_on" -> args.dependsOn();
                case "create_date" -> args.createDate();
                default -> {
                    if (UNDEFINED_IN_MERGE.contains(name)) {
                        yield UNDEFINED;
                    }
                    throw where.unsupported("the name " + name + " is not available here");
                }
            };
        }
    }

    private abstract static class Node {
        final int line;
        final String construct;
        final String name;

        Node(String name, int line, String construct) {
            this.name = name;
            this.line = line;
            this.construct = construct;
        }

        abstract void render(Scope scope, StringBuilder out) throws ScriptTemplateUnsupportedException;

        ScriptTemplateUnsupportedException unsupported(String reason) {
            return new ScriptTemplateUnsupportedException(name, line, construct, reason);
        }
    }

    private static final class Text extends Node {
        final String text;

        Text(String name, int line, String text) {
            super(name, line, text);
            this.text = text;
        }

        @Override
        void render(Scope scope, StringBuilder out) {
            out.append(text);
        }
    }

    private enum ExprKind { NAME, REPR, IF_ELSE, CONTEXT_GET }

    private static final class Expr extends Node {
        final ExprKind kind;
        final String var;
        final String literal;
        final List<String> filters;

        Expr(String name, int line, String construct, ExprKind kind, String var, String literal,
                List<String> filters) {
            super(name, line, construct);
            this.kind = kind;
            this.var = var;
            this.literal = literal;
            this.filters = List.copyOf(filters);
        }

        @Override
        void render(Scope scope, StringBuilder out) throws ScriptTemplateUnsupportedException {
            Object value = switch (kind) {
                case NAME -> scope.lookup(var, this);
                case REPR -> repr(scope.lookup(var, this));
                case IF_ELSE -> {
                    Object v = scope.lookup(var, this);
                    yield truthy(v) ? v : literal;
                }
                // the context holds the merge's template arguments; none of them is named "<x>_upgrades" or
                // "<x>_downgrades", so Mako's context.get returns the default
                case CONTEXT_GET -> literal;
            };
            for (String filter : filters) {
                value = filter.equals("str") ? str(value) : comma(value);
            }
            if (!(value instanceof String s)) {
                throw unsupported("Mako would write a non-str value (no str filter)");
            }
            out.append(s);
        }

        private String str(Object v) throws ScriptTemplateUnsupportedException {
            if (v == UNDEFINED) {
                throw unsupported("alembic merge does not pass " + var + " (Mako: NameError: Undefined)");
            }
            if (v == null) {
                return "None";
            }
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof CreateDate d) {
                return d.pythonStr();
            }
            return repr(v);
        }

        private String repr(Object v) throws ScriptTemplateUnsupportedException {
            if (v == null) {
                return "None";
            }
            if (v instanceof String s) {
                return PythonText.repr(s);
            }
            if (v instanceof List<?> tuple) {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < tuple.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(repr(tuple.get(i)));
                }
                return sb.append(tuple.size() == 1 ? ",)" : ")").toString();
            }
            throw unsupported("repr() of " + var + " is not supported");
        }

        private Object comma(Object v) throws ScriptTemplateUnsupportedException {
            if (v == null) {
                return "";
            }
            if (v instanceof String) {
                return v;
            }
            if (v instanceof List<?> tuple) {
                List<String> parts = new ArrayList<>();
                for (Object o : tuple) {
                    if (!(o instanceof String s)) {
                        throw unsupported("comma of a non-str item");
                    }
                    parts.add(s);
                }
                return String.join(", ", parts);
            }
            throw unsupported("the comma filter cannot format " + var + " (Alembic: Don't know how to comma-format)");
        }

        private static boolean truthy(Object v) {
            if (v == null || v == UNDEFINED) {
                return false;
            }
            if (v instanceof String s) {
                return !s.isEmpty();
            }
            if (v instanceof List<?> l) {
                return !l.isEmpty();
            }
            return true;
        }
    }

    /** {@code <% NAME = config.get_main_option("option") %>}. */
    private static final class MainOptionAssign extends Node {
        final String var;
        final String option;

        MainOptionAssign(String name, int line, String construct, String var, String option) {
            super(name, line, construct);
            this.var = var;
            this.option = option;
        }

        @Override
        void render(Scope scope, StringBuilder out) {
            scope.splitVar = var;
            scope.splitValue = scope.args.mainOptions().get(option);
            scope.splitAssigned = true;
        }
    }

    /** {@code % for VAR in re.split(r',\s*', NAME):} ... {@code % endfor}. */
    private static final class SplitLoop extends Node {
        final String loopVar;
        final String listVar;
        final List<Node> body;

        SplitLoop(String name, int line, String construct, String loopVar, String listVar, List<Node> body) {
            super(name, line, construct);
            this.loopVar = loopVar;
            this.listVar = listVar;
            this.body = List.copyOf(body);
        }

        @Override
        void render(Scope scope, StringBuilder out) throws ScriptTemplateUnsupportedException {
            if (!scope.splitAssigned || !listVar.equals(scope.splitVar)) {
                throw unsupported(listVar + " is not assigned before the loop");
            }
            if (scope.splitValue == null) {
                throw unsupported("the config option this loop splits is not set (Alembic's rendering fails:"
                        + " TypeError in re.split; note that Alembic < 1.9.4 cannot render it in merge at all)");
            }
            for (String item : splitCommaSpace(scope.splitValue)) {
                scope.loopVar = loopVar;
                scope.loopValue = item;
                for (Node n : body) {
                    n.render(scope, out);
                }
            }
            scope.loopVar = null;
            scope.loopValue = null;
        }

        /** Python {@code re.split(r',\s*', s)} ({@code \s}: Unicode whitespace). */
        static List<String> splitCommaSpace(String s) {
            List<String> parts = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == ',') {
                    parts.add(s.substring(from, i));
                    int j = i + 1;
                    while (j < s.length() && PythonText.isSpace(s.charAt(j))) {
                        j++;
                    }
                    from = j;
                    i = j - 1;
                }
            }
            parts.add(s.substring(from));
            return parts;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Parser: Mako 1.2 Lexer.parse() order — expression, control line, <%doc>, tag start, tag end, python block, text.

    private static final class Parser {
        final String text;
        final String name;
        int pos;
        final List<List<Node>> stack = new ArrayList<>();
        final List<String[]> loops = new ArrayList<>(); // {loopVar, listVar, construct, line}
        boolean importsRe;
        final List<String> assigned = new ArrayList<>();
        final StringBuilder pendingText = new StringBuilder();
        int pendingLine;

        Parser(String text, String name) {
            this.text = text;
            this.name = name;
        }

        ScriptTemplate parse() throws ScriptTemplateUnsupportedException {
            stack.add(new ArrayList<>());
            Matcher coding = CODING.matcher(text);
            if (coding.lookingAt()) {
                pos = coding.end();
            }
            int n = text.length();
            while (pos < n) {
                if (text.startsWith("${", pos)) {
                    expression();
                } else if (atLineStart() && controlLine()) {
                    continue;
                } else if (text.startsWith("<%doc>", pos)) {
                    throw unsupported(pos, "<%doc>", "Mako <%doc> comments are not used by the stock templates");
                } else if (text.startsWith("<%", pos) || text.startsWith("</%", pos)) {
                    pythonBlockOrTag();
                } else {
                    text();
                }
            }
            flushText();
            if (!loops.isEmpty()) {
                String[] open = loops.get(loops.size() - 1);
                throw new ScriptTemplateUnsupportedException(name, Integer.parseInt(open[3]), open[2],
                        "% for without % endfor (Mako: Unterminated control keyword: 'for')");
            }
            for (Node node : stack.get(0)) {
                checkUses(node);
            }
            return new ScriptTemplate(name, stack.get(0));
        }

        /** Static checks that need the whole template: names the merge does not pass are errors only when used. */
        private void checkUses(Node node) throws ScriptTemplateUnsupportedException {
            if (node instanceof SplitLoop loop) {
                if (!importsRe) {
                    throw node.unsupported("re is not imported (<%! import re %> is missing)");
                }
                for (Node child : loop.body) {
                    checkUses(child);
                }
            }
        }

        boolean atLineStart() {
            return pos == 0 || text.charAt(pos - 1) == '\n';
        }

        int lineAt(int offset) {
            int line = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        ScriptTemplateUnsupportedException unsupported(int at, String construct, String reason) {
            return new ScriptTemplateUnsupportedException(name, lineAt(at), abbreviate(construct), reason);
        }

        static String abbreviate(String s) {
            String one = s.strip();
            return one.length() > 80 ? one.substring(0, 77) + "..." : one;
        }

        List<Node> current() {
            return stack.get(stack.size() - 1);
        }

        void addText(String t, int at) {
            if (pendingText.length() == 0) {
                pendingLine = lineAt(at);
            }
            pendingText.append(t);
        }

        void flushText() {
            if (pendingText.length() > 0) {
                current().add(new Text(name, pendingLine, pendingText.toString()));
                pendingText.setLength(0);
            }
        }

        void add(Node node) {
            flushText();
            current().add(node);
        }

        /** Mako match_text: up to a line-start %/##, ${, <% or </% or <& or </&, or \ newline (dropped), or the end. */
        void text() throws ScriptTemplateUnsupportedException {
            int start = pos;
            int n = text.length();
            int i = pos;
            while (i < n) {
                if (i > 0 && text.charAt(i - 1) == '\n' && lineStartsControl(i)) {
                    break;
                }
                char c = text.charAt(i);
                if (c == '$' && text.startsWith("${", i)) {
                    break;
                }
                if (c == '<' && i + 1 < n && (text.charAt(i + 1) == '%' || text.charAt(i + 1) == '&'
                        || (text.charAt(i + 1) == '/' && i + 2 < n
                        && (text.charAt(i + 2) == '%' || text.charAt(i + 2) == '&')))) {
                    break;
                }
                if (c == '\\' && (text.startsWith("\\\n", i) || text.startsWith("\\\r\n", i))) {
                    addText(text.substring(start, i), start);
                    pos = i + (text.charAt(i + 1) == '\n' ? 2 : 3);
                    return;
                }
                i++;
            }
            if (i == pos) {
                // Mako's zero-length match skips one character: only reached for "%%" lines, "<&", "</&" and
                // malformed "</%"
                throw unsupported(pos, lineOf(pos), "a construct the stock templates do not use (%% line, <& or"
                        + " </% ... >)");
            }
            addText(text.substring(start, i), start);
            pos = i;
        }

        boolean lineStartsControl(int i) {
            int j = i;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            return text.startsWith("%", j) || text.startsWith("##", j);
        }

        String lineOf(int at) {
            int end = text.indexOf('\n', at);
            return text.substring(at, end < 0 ? text.length() : end);
        }

        boolean controlLine() throws ScriptTemplateUnsupportedException {
            Matcher m = CONTROL_LINE.matcher(text).region(pos, text.length());
            m.useTransparentBounds(true).useAnchoringBounds(false);
            if (!m.lookingAt()) {
                return false;
            }
            int at = pos;
            pos = m.end();
            if (m.group(1).equals("##")) {
                flushText();
                return true;
            }
            String body = m.group(2);
            Matcher kw = CONTROL_KEYWORD.matcher(body);
            if (!kw.matches()) {
                throw unsupported(at, m.group(), "invalid control line");
            }
            boolean end = kw.group(1) != null;
            String keyword = kw.group(2);
            if (!keyword.equals("for")) {
                throw unsupported(at, m.group(), "the control line % " + (end ? "end" : "") + keyword
                        + " is not used by the stock templates (only % for ... / % endfor)");
            }
            flushText();
            if (end) {
                if (loops.isEmpty()) {
                    throw unsupported(at, m.group(), "% endfor without % for");
                }
                String[] loop = loops.remove(loops.size() - 1);
                List<Node> bodyNodes = stack.remove(stack.size() - 1);
                current().add(new SplitLoop(name, Integer.parseInt(loop[3]), loop[2], loop[0], loop[1], bodyNodes));
                return true;
            }
            if (!loops.isEmpty()) {
                throw unsupported(at, m.group(), "nested % for loops are not used by the stock templates");
            }
            List<Tok> toks = tokens(body, at, m.group());
            // for VAR in re . split ( r',\s*' , NAME ) :
            if (toks.size() != 12 || !toks.get(0).is("for") || !toks.get(1).isName() || !toks.get(2).is("in")
                    || !toks.get(3).is("re") || !toks.get(4).isOp(".") || !toks.get(5).is("split")
                    || !toks.get(6).isOp("(") || !toks.get(7).isStr(",\\s*") || !toks.get(8).isOp(",")
                    || !toks.get(9).isName() || !toks.get(10).isOp(")") || !toks.get(11).isOp(":")) {
                throw unsupported(at, m.group(), "only % for NAME in re.split(r',\\s*', NAME): is supported");
            }
            String loopVar = toks.get(1).text;
            String listVar = toks.get(9).text;
            if (reservedOrVariable(loopVar)) {
                throw unsupported(at, m.group(), "the loop variable " + loopVar + " shadows a template name");
            }
            if (!assigned.contains(listVar)) {
                throw unsupported(at, m.group(), listVar + " is not assigned by a <% ... %> block before the loop");
            }
            loops.add(new String[] {loopVar, listVar, abbreviate(m.group()), Integer.toString(lineAt(at))});
            stack.add(new ArrayList<>());
            return true;
        }

        static boolean reservedOrVariable(String identifier) {
            return VARIABLES.contains(identifier) || RESERVED.contains(identifier);
        }

        void pythonBlockOrTag() throws ScriptTemplateUnsupportedException {
            int at = pos;
            Matcher tag = TAG_START.matcher(text).region(pos, text.length());
            if (tag.lookingAt()) {
                throw unsupported(at, tag.group(), "the Mako tag <%" + tag.group(1)
                        + "> is not used by the stock templates");
            }
            if (text.startsWith("</%", pos)) {
                throw unsupported(at, lineOf(at), "a Mako closing tag is not used by the stock templates");
            }
            boolean module = text.startsWith("<%!", pos);
            int codeStart = pos + (module ? 3 : 2);
            int end = text.indexOf("%>", codeStart);
            if (end < 0) {
                throw unsupported(at, lineOf(at), "unterminated <% block");
            }
            String code = text.substring(codeStart, end);
            String construct = text.substring(at, end + 2);
            pos = end + 2;
            List<Tok> toks = tokens(code, at, construct);
            if (module) {
                if (toks.size() == 2 && toks.get(0).is("import") && toks.get(1).is("re")) {
                    importsRe = true;
                    flushText();
                    return;
                }
                throw unsupported(at, construct, "only <%! import re %> is supported as a module-level block");
            }
            // NAME = config . get_main_option ( "option" )
            if (toks.size() == 8 && toks.get(0).isName() && toks.get(1).isOp("=") && toks.get(2).is("config")
                    && toks.get(3).isOp(".") && toks.get(4).is("get_main_option") && toks.get(5).isOp("(")
                    && toks.get(6).kind == TokKind.STR && toks.get(7).isOp(")")) {
                String var = toks.get(0).text;
                if (reservedOrVariable(var)) {
                    throw unsupported(at, construct, "the assignment to " + var + " shadows a template name");
                }
                if (!loops.isEmpty()) {
                    throw unsupported(at, construct, "a <% %> block inside % for is not used by the stock templates");
                }
                assigned.add(var);
                add(new MainOptionAssign(name, lineAt(at), abbreviate(construct), var, toks.get(6).text));
                return;
            }
            throw unsupported(at, construct,
                    "only <% NAME = config.get_main_option(\"option\") %> is supported as a code block");
        }

        /** Mako match_expression: {@code ${ expr [| filters] }}, ending at a top-level | or }. */
        void expression() throws ScriptTemplateUnsupportedException {
            int at = pos;
            int i = pos + 2;
            int depth = 0;
            int bar = -1;
            int n = text.length();
            while (true) {
                if (i >= n) {
                    throw unsupported(at, lineOf(at), "unterminated ${ expression");
                }
                char c = text.charAt(i);
                if (c == '#') {
                    throw unsupported(at, lineOf(at), "a comment inside ${ } is not supported");
                }
                if (c == '"' || c == '\'') {
                    i = skipString(i, at);
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']') && depth > 0) {
                    depth--;
                } else if (c == '}') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == '|' && depth == 0 && bar < 0) {
                    bar = i;
                }
                i++;
            }
            String construct = text.substring(at, i + 1);
            String expr = text.substring(pos + 2, bar < 0 ? i : bar).replace("\r\n", "\n");
            String filters = bar < 0 ? "" : text.substring(bar + 1, i).strip();
            pos = i + 1;
            // Mako: unless "n" is given the default filters (str) come first; then the given ones in order
            List<String> applied = new ArrayList<>();
            List<String> given = new ArrayList<>();
            if (!filters.isEmpty()) {
                for (String f : PythonText.split(filters, ",")) {
                    given.add(PythonText.strip(f));
                }
            }
            if (!given.contains("n")) {
                applied.add("str");
            }
            for (String f : given) {
                switch (f) {
                    case "n" -> { }
                    case "str", "comma" -> applied.add(f);
                    default -> throw unsupported(at, construct, "the filter " + f
                            + " is not supported (only n, str, comma)");
                }
            }
            List<Tok> toks = tokens(expr, at, construct);
            Expr node = expressionNode(toks, at, construct, applied);
            add(node);
        }

        Expr expressionNode(List<Tok> t, int at, String construct, List<String> filters)
                throws ScriptTemplateUnsupportedException {
            int line = lineAt(at);
            String c = abbreviate(construct);
            boolean inLoop = !loops.isEmpty();
            String loopVar = inLoop ? loops.get(loops.size() - 1)[0] : null;
            if (t.size() == 1 && t.get(0).isName()) {
                String v = t.get(0).text;
                if (VARIABLES.contains(v) || UNDEFINED_IN_MERGE.contains(v) || v.equals(loopVar)) {
                    if (UNDEFINED_IN_MERGE.contains(v)) {
                        throw unsupported(at, construct, "alembic merge does not pass " + v
                                + ": rendering fails (Mako NameError: Undefined); write ${" + v + " if " + v
                                + " else \"...\"}");
                    }
                    return new Expr(name, line, c, ExprKind.NAME, v, null, filters);
                }
            }
            if (t.size() == 4 && t.get(0).is("repr") && t.get(1).isOp("(") && t.get(2).isName()
                    && t.get(3).isOp(")") && VARIABLES.contains(t.get(2).text) && !t.get(2).is("create_date")) {
                return new Expr(name, line, c, ExprKind.REPR, t.get(2).text, null, filters);
            }
            if (t.size() == 5 && t.get(0).isName() && t.get(1).is("if") && t.get(2).is(t.get(0).text)
                    && t.get(3).is("else") && t.get(4).kind == TokKind.STR
                    && (VARIABLES.contains(t.get(0).text) || UNDEFINED_IN_MERGE.contains(t.get(0).text))) {
                return new Expr(name, line, c, ExprKind.IF_ELSE, t.get(0).text, t.get(4).text, filters);
            }
            // context . get ( "%s_upgrades" % VAR , "literal" )
            if (inLoop && t.size() == 10 && t.get(0).is("context") && t.get(1).isOp(".") && t.get(2).is("get")
                    && t.get(3).isOp("(") && (t.get(4).isStr("%s_upgrades") || t.get(4).isStr("%s_downgrades"))
                    && t.get(5).isOp("%") && t.get(6).is(loopVar) && t.get(7).isOp(",")
                    && t.get(8).kind == TokKind.STR && t.get(9).isOp(")")) {
                return new Expr(name, line, c, ExprKind.CONTEXT_GET, loopVar, t.get(8).text, filters);
            }
            throw unsupported(at, construct, "this expression is not one of the stock templates' expressions");
        }

        int skipString(int i, int at) throws ScriptTemplateUnsupportedException {
            char q = text.charAt(i);
            boolean triple = text.startsWith(String.valueOf(q).repeat(3), i);
            int j = i + (triple ? 3 : 1);
            while (j < text.length()) {
                char c = text.charAt(j);
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (triple ? text.startsWith(String.valueOf(q).repeat(3), j) : c == q) {
                    return j + (triple ? 3 : 1);
                }
                j++;
            }
            throw unsupported(at, lineOf(at), "unterminated string");
        }

        // ---- a tiny Python tokenizer for expressions, control lines and code blocks ----

        List<Tok> tokens(String code, int at, String construct) throws ScriptTemplateUnsupportedException {
            List<Tok> out = new ArrayList<>();
            int i = 0;
            int n = code.length();
            while (i < n) {
                char c = code.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                    i++;
                } else if (c == '\\' && (code.startsWith("\\\n", i) || code.startsWith("\\\r\n", i))) {
                    i += code.charAt(i + 1) == '\n' ? 2 : 3;
                } else if (c == '#') {
                    throw unsupported(at, construct, "comments inside Mako code are not supported");
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_')) {
                        j++;
                    }
                    String word = code.substring(i, j);
                    if (j < n && (code.charAt(j) == '\'' || code.charAt(j) == '"')) {
                        String prefix = word.toLowerCase(Locale.ROOT);
                        if (!prefix.equals("r") && !prefix.equals("u")) {
                            throw unsupported(at, construct, "the string prefix " + word + " is not supported");
                        }
                        i = string(code, j, prefix.equals("r"), out, at, construct);
                    } else {
                        out.add(new Tok(TokKind.NAME, word));
                        i = j;
                    }
                } else if (c == '\'' || c == '"') {
                    i = string(code, i, false, out, at, construct);
                } else if (c >= '0' && c <= '9') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '.')) {
                        j++;
                    }
                    out.add(new Tok(TokKind.NUM, code.substring(i, j)));
                    i = j;
                } else if ("().,:=%[]{}+-*/<>!|&~^@".indexOf(c) >= 0) {
                    out.add(new Tok(TokKind.OP, String.valueOf(c)));
                    i++;
                } else {
                    throw unsupported(at, construct, "the character " + PythonText.repr(String.valueOf(c))
                            + " is not supported in Mako code here");
                }
            }
            return out;
        }

        int string(String code, int i, boolean raw, List<Tok> out, int at, String construct)
                throws ScriptTemplateUnsupportedException {
            char q = code.charAt(i);
            if (code.startsWith(String.valueOf(q).repeat(3), i)) {
                throw unsupported(at, construct, "triple-quoted strings are not supported here");
            }
            StringBuilder value = new StringBuilder();
            int j = i + 1;
            while (j < code.length()) {
                char c = code.charAt(j);
                if (c == q) {
                    out.add(new Tok(TokKind.STR, value.toString()));
                    return j + 1;
                }
                if (c == '\n') {
                    break;
                }
                if (c == '\\') {
                    if (j + 1 >= code.length()) {
                        break;
                    }
                    char e = code.charAt(j + 1);
                    if (raw) {
                        value.append(c).append(e);
                    } else if (e == '\\' || e == '\'' || e == '"') {
                        value.append(e);
                    } else {
                        throw unsupported(at, construct, "the escape \\" + e + " is not supported here");
                    }
                    j += 2;
                    continue;
                }
                value.append(c);
                j++;
            }
            throw unsupported(at, construct, "unterminated string");
        }
    }

    private enum TokKind { NAME, STR, OP, NUM }

    private record Tok(TokKind kind, String text) {
        boolean is(String name) {
            return kind == TokKind.NAME && text.equals(name);
        }

        boolean isName() {
            return kind == TokKind.NAME && !Set.of("if", "else", "for", "in", "import", "not", "and", "or",
                    "lambda", "None", "True", "False").contains(text);
        }

        boolean isOp(String op) {
            return kind == TokKind.OP && text.equals(op);
        }

        boolean isStr(String value) {
            return kind == TokKind.STR && text.equals(value);
        }
    }
}
