package io.github.alembicmaven.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@link PyTokenizer#forModule} (bodies of column-0 {@code def}/{@code class} skimmed) must give {@link ModuleEvaluator}
 * exactly what {@link PyTokenizer#tokenize} gives it: the same bindings, docstring and syntax errors (line and text).
 */
class PyTokenizerSkimTest {

    static List<String> tricky() {
        return List.of(
                // a triple-quoted string in a function body whose lines look like module-level statements
                "def f():\n    s = '''\nrevision = 'evil'\ndef g():\n    pass\n'''\n    return s\nrevision = 'a'\n",
                "def f():\n    s = \"\"\"\nrevision = 'evil'\n\"\"\"\nrevision = 'a'\n",
                // a def at column 0 inside a multi-line string at module level
                "x = '''\ndef f():\n    revision = 'evil'\n'''\nrevision = 'a'\n",
                // nested f-strings with quotes and braces
                "def f():\n    return f\"{d['k']:>{w}} {f'{x!r}'}\" + f'''{\nrevision}'''\nrevision = 'a'\n",
                "def f():\n    return f'{\"}\"}' rf'\\N{x}' f'\\N{BULLET} {{ }}'\nrevision = 'a'\n",
                // backslash continuations inside and at the end of bodies
                "def f():\n    x = 1 + \\\n2\n    return x\nrevision = \\\n 'a'\n",
                "def f():\n    x = 1\n\\\nrevision = 'a'\n",
                "def f():\n    \\\n    x = 1\nrevision = 'a'\n",
                // decorators, async def, class bodies with nested defs and deeper indentation
                "@dec(1,\n  2)\ndef f():\n    pass\n@dec\nclass C(Base):\n    revision = 'no'\n    def m(self):\n"
                        + "        if x:\n            return 1\n\n    down_revision = 'no'\nrevision = 'a'\n"
                        + "down_revision = None\n",
                "async def f():\n    await g()\nasync  def  h():\n\tpass\nrevision = 'a'\n",
                // CRLF-free but tabs and form feeds, comments at odd indentation
                "def f():\n\tx = 1\n        y = 2\n  # comment at col 2\n\f\n\tz = 3\nrevision = 'a'\n",
                "class C:\n    x = 1\n# comment at col 0 inside\n    y = 2\nrevision = 'a'\n",
                // brackets spanning lines in bodies, dedent inside brackets
                "def f():\n    x = (1,\n2,\n        3)\n    return [\n]\nrevision = 'a'\n",
                // bodies that are not a compound body: single-line def followed by indented lines
                "def f(): pass\n    revision = 'x'\nrevision = 'a'\n",
                "class C: x = 1\n    y = 2\n",
                "def f()\n    pass\nrevision = 'a'\n",
                "def f():\nrevision = 'a'\n",
                "def f():\n    return 1",
                "def f():\n    return 1\n    ",
                "def f(x=lambda: 1) -> int:\n    return x\nrevision = 'a'\n",
                // headers spanning lines, comments after the colon, bodies ending in comments and blank lines
                "def f(\n    a,\n    b='''\nrevision = 'evil'\n''',\n) -> None:  # c\n    pass\n\n# end\n\nrevision = 'a'\n",
                "class C(\n  Base):\n  x = '\\\n'\n  def m(self): return 1\nrevision = 'a'\n",
                "revision = 'a'\nclass C: pass\ndef f(): return 1\ndown_revision = None\n",
                // errors inside skimmed bodies: same line and text
                "revision = 'a'\ndef f():\n    x = 'unterminated\n    return x\ndown_revision = None\n",
                "revision = 'a'\ndef f():\n    x = '''never closed\n",
                "revision = 'a'\ndef f():\n    x = (1, 2]\n",
                "revision = 'a'\ndef f():\n    x = (1,\n",
                "revision = 'a'\ndef f():\n    return $x\n",
                "revision = 'a'\ndef f():\n        x = 1\n    y = 2\n",
                "revision = 'a'\ndef f():\n    x = 1 \\ y\n",
                "revision = 'a'\ndef f():\n    x = f'{x'\n",
                "revision = 'a'\ndef f():\n    return 1\\",
                "revision = 'a'\ndef f():\n    x = 1\n  y = 2\n",
                "revision = 'a'\ndef f():\n    x = 'bad\n",
                "revision = 'a'\ndef f():\n  ok = 1\n  x = )\n",
                // conditional bindings in module-level compound statements are still evaluated
                "if x:\n    revision = 'a'\n    def f():\n        revision = 'b'\nelse:\n    revision = 'c'\n",
                "try:\n    import foo\nexcept ImportError:\n    foo = None\nrevision = 'a'\ndown_revision = foo\n",
                // prefixes next to numbers and names
                "def f():\n    return 1if x else'a', rb'\\'', Rb\"\", bx, 0xrb\nrevision = 'a'\n",
                // the generic template
                "\"\"\"add col\n\nRevision ID: abc\nRevises: \nCreate Date: 2024\n\n\"\"\"\nfrom typing import Sequence,"
                        + " Union\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n# revision identifiers\n"
                        + "revision: str = 'abc'\ndown_revision: Union[str, Sequence[str], None] = None\n"
                        + "branch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n"
                        + "    op.add_column('t', sa.Column('c', sa.String(50), nullable=True))\n\n\n"
                        + "def downgrade() -> None:\n    op.drop_column('t', 'c')\n");
    }

    @ParameterizedTest
    @MethodSource("tricky")
    void skimmingChangesNothingTheEvaluatorSees(String src) {
        assertSame(src);
        // CRLF and CR files: the decoder turns their line ends into \n before tokenizing, as Python does
        for (String eol : new String[] {"\r\n", "\r"}) {
            SourceDecoder.Decoded decoded = SourceDecoder.decode(
                    src.replace("\n", eol).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(decoded.text()).isEqualTo(src);
            assertSame(decoded.text());
        }
        // tabs for indentation
        assertSame(src.replace("    ", "\t"));
    }

    @Test
    void crlfFileWithLookAlikesInAFunctionBodyReadsTheModuleLevelValues() {
        String src = "\"\"\"doc\"\"\"\r\nrevision = 'a'\r\ndown_revision = None\r\n\r\ndef upgrade():\r\n"
                + "    s = '''\r\nrevision = 'evil'\r\n'''\r\n    down_revision = 'evil'\r\n\r\ndef downgrade():\r\n"
                + "\tdown_revision = 'evil'\r\n";
        ScriptReadResult r = new RevisionScriptReader(Map.of()).read(java.nio.file.Path.of("a_x.py"),
                src.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.script().revision()).isEqualTo("a");
        assertThat(r.script().downRevisions()).isEmpty();
        assertThat(r.script().docstring()).isEqualTo("doc");
    }

    @Test
    void skimmedBodiesStoreNoTokensButKeepIndentAndDedent() {
        PyTokens full = PyTokenizer.tokenize("def f():\n    x = 1\n    if x:\n        y = 2\nrevision = 'a'\n");
        PyTokens skim = PyTokenizer.forModule("def f():\n    x = 1\n    if x:\n        y = 2\nrevision = 'a'\n");
        assertThat(skim.size).isLessThan(full.size);
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < skim.size; i++) {
            types.add(skim.type[i]);
        }
        assertThat(types).containsExactly(PyTokens.NAME, PyTokens.NAME, PyTokens.OP, PyTokens.OP, PyTokens.OP,
                PyTokens.NEWLINE, PyTokens.INDENT, PyTokens.DEDENT, PyTokens.NAME, PyTokens.OP, PyTokens.STRING,
                PyTokens.NEWLINE, PyTokens.ENDMARKER);
    }

    @Test
    void lookAlikesInsideSkimmedBodiesAreNotBindings() {
        ModuleEvaluator e = ModuleEvaluator.evaluate(PyTokenizer.forModule(
                "def f():\n    s = '''\nrevision = 'evil'\ndef g():\n'''\n    revision = 'x'\nrevision = 'a'\n"),
                Map.of());
        assertThat(e.binding("revision").value()).isEqualTo(new PyValue.Str("a"));
        assertThat(e.binding("revision").line()).isEqualTo(7);
        assertThat(e.error()).isNull();
    }

    /** Random edits of the tricky inputs (inserting quotes, brackets, backslashes, newlines, indentation, keywords). */
    @Test
    void randomMutationsAgree() {
        String[] pieces = {"'", "\"", "'''", "\"\"\"", "(", ")", "[", "]", "{", "}", "\\", "\\\n", "\n", "    ", "\t",
            "#", "f'", "rb'", "f'{", "def f():\n", "class C:\n", "\ndef g():\n    ", "revision = 'z'\n", ":", "@d\n",
            "async def h():\n", "if x:\n", "\n\n", "$", "x", "1", "  ", "\f", ";"};
        Random random = new Random(12345);
        List<String> seeds = tricky();
        for (int k = 0; k < 20000; k++) {
            StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length() + 1);
                if (random.nextInt(4) == 0 && sb.length() > 0 && at < sb.length()) {
                    sb.deleteCharAt(at);
                } else {
                    sb.insert(at, pieces[random.nextInt(pieces.length)]);
                }
            }
            assertSame(sb.toString());
        }
    }

    private static void assertSame(String src) {
        PyTokens full = PyTokenizer.tokenize(src);
        PyTokens skim = PyTokenizer.forModule(src);
        assertThat(skim.error).as("tokenizer error of %s", src).isEqualTo(full.error);
        assertThat(skim.errorLine).as("tokenizer error line of %s", src).isEqualTo(full.errorLine);
        ModuleEvaluator a = ModuleEvaluator.evaluate(full, Map.of());
        ModuleEvaluator b = ModuleEvaluator.evaluate(skim, Map.of());
        assertThat(b.error()).as("evaluator error of %s", src).isEqualTo(a.error());
        assertThat(b.errorLine()).as("evaluator error line of %s", src).isEqualTo(a.errorLine());
        assertThat(b.docstring()).as("docstring of %s", src).isEqualTo(a.docstring());
        assertThat(String.valueOf(new java.util.TreeMap<>(b.bindings()))).as("bindings of %s", src)
                .isEqualTo(String.valueOf(new java.util.TreeMap<>(a.bindings())));
    }
}
