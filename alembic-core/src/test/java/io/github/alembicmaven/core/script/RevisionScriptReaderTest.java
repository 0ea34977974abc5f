package io.github.alembicmaven.core.script;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RevisionScriptReaderTest {

    private static final Path DIR = Path.of("versions").toAbsolutePath();

    static ScriptReadResult read(String source) {
        return read("abc_message.py", source, Map.of());
    }

    static ScriptReadResult read(String fileName, String source, Map<String, String> constants) {
        return new RevisionScriptReader(constants).read(DIR.resolve(fileName), source.getBytes(UTF_8));
    }

    static RevisionScript script(String source) {
        ScriptReadResult r = read(source);
        assertThat(r.diagnostics()).as("diagnostics of:\n%s", source).isEmpty();
        assertThat(r.script()).isNotNull();
        return r.script();
    }

    static Diagnostic only(ScriptReadResult r) {
        assertThat(r.diagnostics()).hasSize(1);
        return r.diagnostics().get(0);
    }

    // ----------------------------------------------------------------------------------------------- value forms

    /** Expected values cross-checked with {@code /usr/bin/python3}: {@code to_tuple(<expr>)}. */
    static Stream<Arguments> downRevisionForms() {
        return Stream.of(
                Arguments.of("None", List.of()),
                Arguments.of("'a1'", List.of("a1")),
                Arguments.of("\"\"\"a1\"\"\"", List.of("a1")),
                Arguments.of("'''a1'''", List.of("a1")),
                Arguments.of("r'a1'", List.of("a1")),
                Arguments.of("R'a1'", List.of("a1")),
                Arguments.of("u\"a1\"", List.of("a1")),
                Arguments.of("U\"a1\"", List.of("a1")),
                Arguments.of("\"a\" \"1\"", List.of("a1")),
                Arguments.of("(\"a\"\n    \"1\")", List.of("a1")),
                Arguments.of("f\"a1\"", List.of("a1")),
                Arguments.of("rF\"a1\"", List.of("a1")),
                Arguments.of("\"a,b\"", List.of("a,b")),
                Arguments.of("\"a\", \"b\"", List.of("a", "b")),
                Arguments.of("(\"a\", \"b\",)", List.of("a", "b")),
                Arguments.of("(\"a\",)", List.of("a")),
                Arguments.of("()", List.of()),
                Arguments.of("[]", List.of()),
                Arguments.of("[\"a\", \"b\"]", List.of("a", "b")),
                Arguments.of("{\"b\", \"a\"}", List.of("b", "a")), // source order (Python: hash order)
                Arguments.of("(\n    \"a\",  # first\n    \"b\",  # second\n)", List.of("a", "b")),
                Arguments.of("\"a\" + \"b\"", List.of("ab")),
                Arguments.of("(\"a\",) + (\"b\",)", List.of("a", "b")),
                Arguments.of("\\\n    \"a\"", List.of("a")),
                Arguments.of("\"\"", List.of("")),
                Arguments.of("(\"a\", \"a\")", List.of("a", "a")),
                Arguments.of("\"\\x61\\u0062\\N{LATIN SMALL LETTER C}\"", List.of("abc")),
                Arguments.of("((\"a\"))", List.of("a")),
                Arguments.of("(*(\"a\", \"b\"), \"c\")", List.of("a", "b", "c")),
                Arguments.of("[\"a\", *\"bc\"]", List.of("a", "b", "c")),
                Arguments.of("'it''s'", List.of("its")),
                Arguments.of("f\"{{a}}\"", List.of("{a}")),
                Arguments.of("\"a\" f\"b\" r\"\\c\"", List.of("ab\\c")));
    }

    @ParameterizedTest(name = "down_revision = {0}")
    @MethodSource("downRevisionForms")
    void evaluatesDownRevisionLikePython(String expression, List<String> expected) {
        RevisionScript s = script("revision = 'r1'\ndown_revision = " + expression + "\n");
        assertThat(s.revision()).isEqualTo("r1");
        assertThat(s.downRevisions()).containsExactlyElementsOf(expected);
        assertThat(s.downRevisionLine()).isEqualTo(2);
    }

    /** Expected values cross-checked with {@code /usr/bin/python3 -c 'print(repr(<literal>))'}. */
    static Stream<Arguments> stringLiterals() {
        return Stream.of(
                Arguments.of("\"a\\x41\\101\\n\\N{EM DASH}\\u00e9\\U0001F600\"", "aAA\n\u2014\u00e9\uD83D\uDE00"),
                Arguments.of("r\"a\\nb\\\"c\"", "a\\nb\\\"c"),
                Arguments.of("\"ab\" 'cd' r\"\\e\" u\"f\"", "abcd\\ef"),
                Arguments.of("\"\\q\\8\"", "\\q\\8"),
                Arguments.of("\"line1\\\nline2\"", "line1line2"),
                Arguments.of("\"\\0\\07\\777\"", "\u0000\u0007\u01ff"),
                Arguments.of("F\"a\\N{DIGIT ONE}\"", "a1"),
                Arguments.of("\"\"\"a\nb\"\"\"", "a\nb"),
                Arguments.of("'\\'\"'", "'\""),
                Arguments.of("\"\"\"x\"y\"\"z\"\"\"", "x\"y\"\"z"));
    }

    @ParameterizedTest(name = "revision = {0}")
    @MethodSource("stringLiterals")
    void decodesEscapesExactlyAsPython(String literal, String expected) {
        RevisionScript s = script("revision = " + literal + "\ndown_revision = None\n");
        assertThat(s.revision()).isEqualTo(expected);
    }

    /** Found by the differential test: Python treats {@code (x) = v} as {@code x = v}, not as unpacking. */
    @Test
    void parenthesisedSingleTargetIsAPlainAssignment() {
        RevisionScript s = script("(revision) = 'abc'\n((down_revision)) = 'a1'\n(branch_labels): tuple = ('x',)\n"
                + "depends_on = ()\n(depends_on) += ('a0',)\n");
        assertThat(s.revision()).isEqualTo("abc");
        assertThat(s.downRevisions()).containsExactly("a1");
        assertThat(s.branchLabels()).containsExactly("x");
        assertThat(s.dependsOn()).containsExactly("a0");
        // a one-element target list in brackets still unpacks: [x] = 'ab' fails, (x,) = ('a1',) works
        assertThat(script("revision = 'r'\n(down_revision,) = ('a1',)\n").downRevisions()).containsExactly("a1");
        assertThat(read("revision = 'r'\n[down_revision] = 'ab'\n").diagnostics())
                .extracting(d -> d.code().id()).containsExactly("unresolved-value");
    }

    @Test
    void readsTypedGenericTemplateOutput() throws IOException {
        RevisionScript s = script(resource("generic_typed_merge.py"));
        assertThat(s.revision()).isEqualTo("000000merged");
        assertThat(s.revisionLine()).isEqualTo(15);
        assertThat(s.downRevisions()).containsExactly("b1b1b1b1b1b1", "b2b2b2b2b2b2");
        assertThat(s.downRevisionLine()).isEqualTo(16);
        assertThat(s.branchLabels()).isEmpty();
        assertThat(s.branchLabelsLine()).isEqualTo(17);
        assertThat(s.dependsOn()).isEmpty();
        assertThat(s.dependsOnLine()).isEqualTo(18);
        assertThat(s.docstring()).startsWith("merge heads\n\nRevision ID: 000000merged\n").endsWith("678901\n\n");
        assertThat(s.message()).isEqualTo("merge heads");
    }

    @Test
    void readsUntypedGenericTemplateOutput() throws IOException {
        RevisionScript s = script(resource("generic_untyped_merge.py"));
        assertThat(s.revision()).isEqualTo("000000merged");
        assertThat(s.revisionLine()).isEqualTo(13);
        assertThat(s.downRevisions()).containsExactly("b1b1b1b1b1b1", "b2b2b2b2b2b2");
        assertThat(s.downRevisionLine()).isEqualTo(14);
        assertThat(s.message()).isEqualTo("merge heads");
    }

    @Test
    void annotatedBareTupleAndDeclarationWithoutValue() {
        RevisionScript s = script("""
                revision: str = "r1"
                down_revision: Union[str, Sequence[str], None] = "a", "b"
                branch_labels: Union[str, Sequence[str], None]
                depends_on: "Union[str, None]" = ("x",)
                """);
        assertThat(s.downRevisions()).containsExactly("a", "b");
        assertThat(s.branchLabels()).isEmpty();
        assertThat(s.branchLabelsLine()).isZero();
        assertThat(s.dependsOn()).containsExactly("x");
        assertThat(s.dependsOnLine()).isEqualTo(4);
    }

    @Test
    void lastBindingWinsAcrossChainsSemicolonsUnpackingAndNames() {
        RevisionScript s = script("""
                revision = "first"
                BASE = "p1"; OTHER = BASE
                revision = alias = "second"
                down_revision, branch_labels = OTHER, ("lbl",)
                depends_on = None ; depends_on = alias
                """);
        assertThat(s.revision()).isEqualTo("second");
        assertThat(s.revisionLine()).isEqualTo(3);
        assertThat(s.downRevisions()).containsExactly("p1");
        assertThat(s.downRevisionLine()).isEqualTo(4);
        assertThat(s.branchLabels()).containsExactly("lbl");
        assertThat(s.dependsOn()).containsExactly("second");
        assertThat(s.dependsOnLine()).isEqualTo(5);
    }

    @Test
    void augmentedAssignmentAndStarredUnpacking() {
        RevisionScript s = script("""
                revision = "r"
                revision += "1"
                first, *rest = "a", "b", "c"
                down_revision = rest
                depends_on = [first]
                depends_on += ["z"]
                """);
        assertThat(s.revision()).isEqualTo("r1");
        assertThat(s.downRevisions()).containsExactly("b", "c");
        assertThat(s.dependsOn()).containsExactly("a", "z");
    }

    @Test
    void delRemovesTheBinding() {
        ScriptReadResult r = read("revision = 'r1'\ndown_revision = None\ndel down_revision\n");
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.MISSING_DOWN_REVISION_ATTRIBUTE);
        assertThat(d.message()).contains("module 'abc_message_py' has no attribute 'down_revision'");
        assertThat(r.script().downRevisions()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- encodings, ends

    @Test
    void crlfAndCrLineEndsKeepLinesAndNormaliseStringNewlines() {
        String src = "\"\"\"msg\n\nRevision ID: x\n\"\"\"\nrevision = 'r1'\ndown_revision = (\n  'a',\n  'b')\n"
                + "def upgrade():\n    pass\n";
        for (String eol : List.of("\r\n", "\r")) {
            RevisionScript s = script(src.replace("\n", eol));
            assertThat(s.docstring()).isEqualTo("msg\n\nRevision ID: x\n");
            assertThat(s.revisionLine()).isEqualTo(5);
            assertThat(s.downRevisionLine()).isEqualTo(6);
            assertThat(s.downRevisions()).containsExactly("a", "b");
        }
    }

    @Test
    void utf8BomIsSkipped() {
        byte[] body = "\"\"\"caf\u00e9\"\"\"\nrevision = 'r1'\ndown_revision = None\n".getBytes(UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        ScriptReadResult r = new RevisionScriptReader(Map.of()).read(DIR.resolve("x.py"), bytes);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.script().docstring()).isEqualTo("caf\u00e9");
        assertThat(r.script().revisionLine()).isEqualTo(2);
    }

    @Test
    void latin1CookieDecodesNonAsciiDocstring() {
        for (String cookie : List.of("# -*- coding: latin-1 -*-\n", "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n",
                "# coding=cp1252\n")) {
            byte[] bytes = (cookie + "\"\"\"Caf\u00e9 \u00fcber\"\"\"\nrevision = 'r\u00e9'\ndown_revision = None\n")
                    .getBytes(ISO_8859_1);
            ScriptReadResult r = new RevisionScriptReader(Map.of()).read(DIR.resolve("x.py"), bytes);
            assertThat(r.diagnostics()).as(cookie).isEmpty();
            assertThat(r.script().docstring()).isEqualTo("Caf\u00e9 \u00fcber");
            assertThat(r.script().revision()).isEqualTo("r\u00e9");
        }
    }

    @Test
    void cookieOnLineTwoIsIgnoredAfterCode() {
        byte[] bytes = "revision = 'r1'\n# coding: latin-1\ndown_revision = None\nx = '\u00e9'\n".getBytes(ISO_8859_1);
        ScriptReadResult r = new RevisionScriptReader(Map.of()).read(DIR.resolve("x.py"), bytes);
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNDECODABLE_FILE);
        assertThat(d.line()).isEqualTo(4);
        assertThat(d.message()).contains("Non-UTF-8 code starting with '\\xe9' on line 4");
        assertThat(r.script()).isNull();
    }

    @Test
    void undecodableUtf8NamesTheLineOfTheFirstBadByte() {
        byte[] good = "revision = 'r1'\ndown_revision = None\n# ok \u00e9\n".getBytes(UTF_8);
        byte[] bytes = new byte[good.length + 6];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = '#';
        bytes[good.length + 1] = ' ';
        bytes[good.length + 2] = (byte) 0xC3; // truncated sequence
        bytes[good.length + 3] = '(';
        bytes[good.length + 4] = '\n';
        bytes[good.length + 5] = '\n';
        ScriptReadResult r = new RevisionScriptReader(Map.of()).read(DIR.resolve("x.py"), bytes);
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNDECODABLE_FILE);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.line()).isEqualTo(4);
        assertThat(d.path()).isEqualTo(DIR.resolve("x.py"));
        assertThat(d.fix()).isNotBlank();
    }

    @Test
    void unknownCodecIsAnError() {
        ScriptReadResult r = read("# coding: klingon-9\nrevision = 'r1'\ndown_revision = None\n");
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNDECODABLE_FILE);
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).contains("unknown encoding 'klingon-9'");
    }

    // ----------------------------------------------------------------------------------------------- look-alikes

    @Test
    void lookAlikesInDocstringsStringsCommentsFunctionsAndClassesAreIgnored() {
        RevisionScript s = script("""
                \"""Revision ID: fake1
                Revises: fake2
                revision = "fake3"
                \"""
                from alembic import op
                import sqlalchemy as sa

                # revision = "fake4"
                note = "revision = 'fake5'"
                other = '''
                down_revision = "fake6"
                '''
                revision = "real"
                down_revision = "parent"  # down_revision = "fake7"


                @decorator(revision="fake8")
                def upgrade():
                    revision = "fake9"
                    if True:
                        down_revision = "fake10"
                    op.execute(\"""
                revision = "fake11"
                \""")


                async def downgrade() -> None:
                    global revision
                    revision = "fake12"


                class Helper(Base):
                    revision = "fake13"

                    def method(self):
                        depends_on = "fake14"

                f = lambda revision="fake15": revision
                """);
        assertThat(s.revision()).isEqualTo("real");
        assertThat(s.revisionLine()).isEqualTo(13);
        assertThat(s.downRevisions()).containsExactly("parent");
        assertThat(s.dependsOn()).isEmpty();
        assertThat(s.message()).isEqualTo("Revision ID: fake1");
    }

    @Test
    void docstringHeaderIsNeverTheSourceOfTruth() {
        ScriptReadResult r = read("\"\"\"msg\n\nRevision ID: abc\nRevises: def\n\"\"\"\n");
        assertThat(r.script()).isNull();
        assertThat(only(r).code()).isEqualTo(DiagnosticCode.MISSING_REVISION);
    }

    @Test
    void docstringOnlyForPlainStringFirstStatement() {
        String tail = "\nrevision = 'r1'\ndown_revision = None\n";
        assertThat(script("'a' \"b\"" + tail).docstring()).isEqualTo("ab");
        assertThat(script("f'a'" + tail).docstring()).isNull();
        assertThat(script("b'a'" + tail).docstring()).isNull();
        assertThat(script("import os\n'a'" + tail).docstring()).isNull();
        assertThat(script("# comment\n\n'''doc'''" + tail).docstring()).isEqualTo("doc");
    }

    @Test
    void conditionalBindingIsUnresolvedUnlessOverriddenLater() {
        ScriptReadResult r = read("""
                revision = "r1"
                down_revision = None
                if os.environ.get("X"):
                    down_revision = "a"
                else:
                    pass
                """);
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNRESOLVED_VALUE);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.line()).isEqualTo(4);
        assertThat(d.message()).isEqualTo(
                "down_revision = \"a\" cannot be evaluated without running Python (it is bound inside an if block at line 3)");
        assertThat(d.fix()).contains("-Dalembic.constants=");

        RevisionScript s = script("""
                revision = "r1"
                for x in range(3):
                    down_revision = "a"
                while False: down_revision = "b"
                with open("f") as down_revision:
                    pass
                try:
                    down_revision = "c"
                except Exception as down_revision:
                    pass
                finally:
                    down_revision = "d"
                match command:
                    case "x":
                        down_revision = "e"
                match = 3
                down_revision = "real"
                """);
        assertThat(s.downRevisions()).containsExactly("real");
        assertThat(s.downRevisionLine()).isEqualTo(17);
    }

    @Test
    void nameBoundInsideTryIsUnresolved() {
        ScriptReadResult r = read("""
                revision = "r1"
                try:
                    from app.migrations import BASE
                except ImportError:
                    BASE = "fallback"
                down_revision = BASE
                """);
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNRESOLVED_VALUE);
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.message()).isEqualTo("down_revision = BASE cannot be evaluated without running Python "
                + "('BASE' is bound inside an except block at line 4)");
        assertThat(d.fix()).isEqualTo("supply it with -Dalembic.constants=BASE=value or write the literal");
        assertThat(r.script().downRevisions()).isEmpty();

        ScriptReadResult supplied = read("abc.py", "revision = 'r1'\nif X:\n    BASE = 'x'\ndown_revision = BASE\n",
                Map.of("BASE", "p0"));
        assertThat(supplied.diagnostics()).isEmpty();
        assertThat(supplied.script().downRevisions()).containsExactly("p0");
    }

    // ---------------------------------------------------------------------------------------- imported constants

    @Test
    void importedConstantNeedsTheConstantsMap() {
        String src = """
                from alembic import cli
                from alembic.cli import EXPAND_BRANCH as EXPAND

                revision = "r1"
                down_revision = cli.BASE
                branch_labels = EXPAND
                """;
        ScriptReadResult r = read("abc.py", src, Map.of());
        assertThat(r.diagnostics()).hasSize(2);
        Diagnostic down = r.diagnostics().get(0);
        assertThat(down.code()).isEqualTo(DiagnosticCode.UNRESOLVED_VALUE);
        assertThat(down.severity()).isEqualTo(Severity.ERROR);
        assertThat(down.line()).isEqualTo(5);
        assertThat(down.message()).isEqualTo("down_revision = cli.BASE cannot be evaluated without running Python "
                + "(the name 'cli' comes from 'from alembic import cli' at line 1)");
        assertThat(down.fix()).isEqualTo("supply it with -Dalembic.constants=cli.BASE=value or write the literal");
        Diagnostic labels = r.diagnostics().get(1);
        assertThat(labels.severity()).isEqualTo(Severity.WARNING);
        assertThat(labels.line()).isEqualTo(6);
        assertThat(labels.message()).endsWith("branch_labels is treated as absent");
        assertThat(r.script().branchLabels()).isEmpty();
        assertThat(r.script().branchLabelsLine()).isZero();

        ScriptReadResult ok = read("abc.py", src, Map.of("cli.BASE", "p1", "alembic.cli.EXPAND_BRANCH", "expand"));
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.script().downRevisions()).containsExactly("p1");
        assertThat(ok.script().branchLabels()).containsExactly("expand");

        ScriptReadResult plain = read("abc.py", "from alembic.cli import EXPAND_BRANCH\nrevision = 'r'\n"
                + "down_revision = None\ndepends_on = (EXPAND_BRANCH, 'x')\n", Map.of("EXPAND_BRANCH", "e"));
        assertThat(plain.diagnostics()).isEmpty();
        assertThat(plain.script().dependsOn()).containsExactly("e", "x");
    }

    @Test
    void callsAndFStringsWithFieldsAreUnresolved() {
        ScriptReadResult r = read("""
                revision = "r1"
                down_revision = get_parent("r1")
                depends_on = f"{revision}_dep"
                """);
        assertThat(r.diagnostics()).extracting(Diagnostic::line, Diagnostic::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple(3, Severity.WARNING));
        assertThat(r.diagnostics().get(0).message()).contains("it calls a function");
        assertThat(r.diagnostics().get(1).message()).contains("f-string with replacement fields");
        assertThat(r.diagnostics()).allMatch(d -> d.code() == DiagnosticCode.UNRESOLVED_VALUE);
    }

    @Test
    void undefinedNameIsUnresolved() {
        Diagnostic d = only(read("revision = 'r1'\ndown_revision = PARENT\n"));
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNRESOLVED_VALUE);
        assertThat(d.message()).contains("the name 'PARENT' is not bound at module level before line 2");
    }

    // --------------------------------------------------------------------------------------- Alembic's errors

    @Test
    void legacyHexFileNameSuppliesTheRevision() {
        ScriptReadResult r = read("0a1b2c3d.py", "down_revision = None\n", Map.of());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.script().revision()).isEqualTo("0a1b2c3d");
        assertThat(r.script().revisionLine()).isZero();
        for (String name : List.of("0A1B.py", "abc_def.py", "0a1b.pyc.py", ".0a1b.py")) {
            ScriptReadResult missing = read(name, "down_revision = None\n", Map.of());
            assertThat(missing.script()).as(name).isNull();
            Diagnostic d = only(missing);
            assertThat(d.code()).isEqualTo(DiagnosticCode.MISSING_REVISION);
            assertThat(d.message()).startsWith("Could not determine revision id from filename " + name
                    + ". Be sure the 'revision' variable is declared inside the script.");
        }
    }

    @Test
    void nonStringRevisionIds() {
        Map<String, String> cases = Map.of(
                "12345", "revision = 12345 is an int, not a str",
                "b'12345'", "revision identifier b'12345' is not a string",
                "None", "revision = None is a NoneType, not a str",
                "('a',)", "revision = ('a',) is a tuple, not a str",
                "1.5", "is a float");
        cases.forEach((expr, text) -> {
            ScriptReadResult r = read("revision = " + expr + "\ndown_revision = None\n");
            assertThat(r.script()).as(expr).isNull();
            Diagnostic d = only(r);
            assertThat(d.code()).isEqualTo(DiagnosticCode.NON_STRING_REVISION);
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.message()).contains(text);
        });
        for (String expr : List.of("5", "('a', 1)", "[b'x']", "True")) {
            ScriptReadResult r = read("revision = 'r1'\ndown_revision = " + expr + "\n");
            Diagnostic d = only(r);
            assertThat(d.code()).as(expr).isEqualTo(DiagnosticCode.NON_STRING_REVISION);
            assertThat(d.line()).isEqualTo(2);
            assertThat(r.script().downRevisions()).isEmpty();
        }
    }

    @Test
    void templateStringIsNotAStr() {
        Diagnostic d = only(read("revision = t'abc'\ndown_revision = None\n"));
        assertThat(d.code()).isEqualTo(DiagnosticCode.NON_STRING_REVISION);
        assertThat(d.message()).contains("is a Template, not a str");
    }

    @Test
    void emptyFileWithLegacyNameLacksOnlyDownRevision() {
        ScriptReadResult r = read("ab12.py", "", Map.of());
        assertThat(r.script().revision()).isEqualTo("ab12");
        assertThat(r.script().docstring()).isNull();
        assertThat(only(r).message()).contains("module 'ab12_py' has no attribute 'down_revision'");
        ScriptReadResult unicode = read("\u00e9t\u00e9_x.py", "revision = 'r'\n", Map.of());
        assertThat(only(unicode).message()).contains("module '\u00e9t\u00e9_x_py'"); // re.sub(r"\W", "_", name)
    }

    @Test
    void illegalRevisionCharactersUseAlembicsText() {
        ScriptReadResult r = read("revision = 'no@atsigns-or:colons+'\ndown_revision = None\n");
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.ILLEGAL_REVISION_CHARS);
        assertThat(d.message()).isEqualTo(
                "Character(s) '+, -, :, @' not allowed in revision identifier 'no@atsigns-or:colons+'");
        assertThat(r.script().revision()).isEqualTo("no@atsigns-or:colons+");
        assertThat(RevisionScriptReader.illegalChars("a-b:c")).isEqualTo("-, :");
        assertThat(RevisionScriptReader.illegalChars("abc_123")).isNull();
    }

    @Test
    void missingDownRevisionKeepsTheScriptAsBase() {
        ScriptReadResult r = read("revision = 'r1'\nbranch_labels = 'core'\n");
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.MISSING_DOWN_REVISION_ATTRIBUTE);
        assertThat(d.path()).isEqualTo(DIR.resolve("abc_message.py"));
        assertThat(r.script().downRevisions()).isEmpty();
        assertThat(r.script().branchLabels()).containsExactly("core");
    }

    // --------------------------------------------------------------------------------------------- syntax errors

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("revision = 'r1'\ndown_revision = None\nx = 'open\n", 3, "unterminated string literal"),
                Arguments.of("revision = 'r1'\ndown_revision = (\n  'a',\n", 2, "'(' was never closed"),
                Arguments.of("revision = 'r1'\nx = [1, (2]\ndown_revision = None\n", 2, "does not match"),
                Arguments.of("revision = 'r1'\ndown_revision = None\nx = 1)\n", 3, "unmatched ')'"),
                Arguments.of("revision = 'r1'\ndown_revision = None\ndef f():\n        a = 1\n    b = 2\n", 5,
                        "unindent does not match"),
                Arguments.of("revision = 'r1'\ndown_revision = None\n  x = 1\n", 3, "unexpected indent"),
                Arguments.of("revision = 'r1'\ndown_revision =\n", 2, "invalid syntax"),
                Arguments.of("revision = 'r1'\ndown_revision = '\\x4'\n", 2, "truncated \\xXX escape"),
                Arguments.of("revision = 'r1'\ndown_revision = 'a' b'b'\n", 2, "cannot mix bytes and nonbytes"),
                Arguments.of("revision = 'r1'\ndown_revision = None\nif x:\ny = 1\n", 4,
                        "expected an indented block after 'if' statement on line 3"),
                Arguments.of("revision = 'r1'\ndown_revision = None\ndef f():\n    '''doc\n", 4,
                        "unterminated triple-quoted string literal"),
                Arguments.of("revision = 'r1'\ndown_revision = None\nx = 1 \\ y\n", 3,
                        "unexpected character after line continuation"),
                Arguments.of("revision = 'r1'\ndown_revision = None\nx = $y\n", 3, "invalid character '$'"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("syntaxErrors")
    void reportsSyntaxErrorsWithTheirLine(String source, int line, String text) {
        ScriptReadResult r = read(source);
        List<Diagnostic> syntax = new ArrayList<>();
        for (Diagnostic d : r.diagnostics()) {
            if (d.code() == DiagnosticCode.SYNTAX_ERROR) {
                syntax.add(d);
            }
        }
        assertThat(syntax).hasSize(1);
        assertThat(syntax.get(0).line()).isEqualTo(line);
        assertThat(syntax.get(0).message()).contains(text);
        assertThat(syntax.get(0).isError()).isTrue();
        assertThat(syntax.get(0).fix()).contains("line " + line);
        // attributes bound before the error are still reported so the graph stays useful
        assertThat(r.script()).isNotNull();
        assertThat(r.script().revision()).isEqualTo("r1");
    }

    @Test
    void syntaxErrorDoesNotCascadeIntoMissingAttributes() {
        ScriptReadResult r = read("x = (\nrevision = 'r1'\ndown_revision = None\n");
        assertThat(r.script()).isNull();
        Diagnostic d = only(r);
        assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
        assertThat(d.line()).isEqualTo(1);
    }

    @Test
    void validButUnevaluatedPythonIsNoSyntaxError() {
        RevisionScript s = script("""
                import typing as t
                revision = "r1"
                down_revision = None
                type Alias = list[int]
                value = {"a": 1, **other}
                total = [x for x in range(10) if x % 2]
                flag = a if b else c
                print(f"{revision!r:>{width}} {'nested'} {x["k"]}")
                if (n := len(value)) > 10: pass
                g = lambda a, b=2, *c, d: (a, b)
                s = value[1:2, ::3]
                @property
                def f(x: int = 1, /, *, y: str = "s") -> dict[str, int]:
                \tif x:
                \t\treturn {**x}
                \treturn y
                class C(metaclass=M): pass
                async def h():
                    async with a as b:
                        await b
                x = 1 if y else \\
                    2
                \f
                assert x, "msg"
                raise SystemExit from None
                """);
        assertThat(s.revision()).isEqualTo("r1");
        assertThat(s.downRevisions()).isEmpty();
    }

    // -------------------------------------------------------------------------------------------- files, speed

    @Test
    void readAllKeepsInputOrderAndReportsUnreadableFiles(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path f = dir.resolve(String.format("r%02d_x.py", i));
            Files.writeString(f, "revision = 'r" + i + "'\ndown_revision = " + (i == 0 ? "None" : "'r" + (i - 1) + "'")
                    + "\n");
            files.add(f);
        }
        files.add(5, dir.resolve("does_not_exist.py"));
        List<ScriptReadResult> results = new RevisionScriptReader(Map.of()).readAll(files);
        assertThat(results).hasSize(41);
        Diagnostic d = only(results.get(5));
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNREADABLE_FILE);
        assertThat(d.path()).isEqualTo(dir.resolve("does_not_exist.py"));
        assertThat(results.get(5).script()).isNull();
        for (int k = 0; k < 41; k++) {
            assertThat(results.get(k).path()).isEqualTo(files.get(k));
        }
        assertThat(results.get(6).script().revision()).isEqualTo("r5");
        assertThat(results.get(40).script().downRevisions()).containsExactly("r38");
    }

    @Test
    void unreadableFilesAreReportedWithFilesReadAllBytesMessages(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.py");
        Path directory = Files.createDirectory(dir.resolve("dir.py"));
        Path empty = Files.writeString(dir.resolve("empty.py"), "");
        for (Path p : List.of(missing, directory)) {
            IOException expected = null;
            try {
                Files.readAllBytes(p);
            } catch (IOException e) {
                expected = e;
            }
            assertThat(expected).isNotNull();
            Diagnostic d = only(new RevisionScriptReader(Map.of()).read(p));
            assertThat(d.code()).isEqualTo(DiagnosticCode.UNREADABLE_FILE);
            assertThat(d.message()).isEqualTo("Cannot read the version file (" + expected.getClass().getSimpleName()
                    + ": " + expected.getMessage() + ")");
        }
        assertThat(RevisionScriptReader.readBytes(empty)).isEmpty();
        byte[] bytes = new byte[70_000];
        new java.util.Random(3).nextBytes(bytes);
        assertThat(RevisionScriptReader.readBytes(Files.write(dir.resolve("big.py"), bytes))).isEqualTo(bytes);
    }

    @Test
    void largeFileIsReadInOnePass() {
        StringBuilder sb = new StringBuilder("\"\"\"big\"\"\"\nfrom alembic import op\nrevision = 'big1'\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("def upgrade_").append(i).append("():\n    op.execute(\"\"\"\n    UPDATE t SET x = '")
                    .append(i).append("' -- revision = 'fake'\n    \"\"\")\n    y = [1, 2, {'k': (3, 4)}]\n\n");
        }
        sb.append("down_revision = ('p1', 'p2')\n");
        String src = sb.toString();
        RevisionScript s = script(src);
        assertThat(s.revision()).isEqualTo("big1");
        assertThat(s.downRevisions()).containsExactly("p1", "p2");
        assertThat(s.downRevisionLine()).isEqualTo((int) src.chars().filter(c -> c == '\n').count());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RevisionScriptReaderTest.class.getResourceAsStream("/script/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
