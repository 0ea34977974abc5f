package io.github.alembicmaven.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token streams compared with CPython 3.11's {@code tokenize} (minus COMMENT/NL, which are not stored). */
class PyTokenizerTest {

    private static final String[] NAMES = {"", "NAME", "NUMBER", "STRING", "OP", "NEWLINE", "INDENT", "DEDENT",
        "ENDMARKER"};

    static List<String> tokens(String src) {
        PyTokens t = PyTokenizer.tokenize(src);
        assertThat(t.error).as("error in %s", src).isNull();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size; i++) {
            int ty = t.type[i];
            String text = ty == PyTokens.NEWLINE || ty == PyTokens.INDENT || ty == PyTokens.DEDENT
                    || ty == PyTokens.ENDMARKER ? "" : " " + t.text(i);
            out.add(NAMES[ty] + text + "@" + t.line[i]);
        }
        return out;
    }

    @Test
    void tabsIndentToMultiplesOfEightAndFormFeedLinesAreBlank() {
        // python3 -c 'tokenize.generate_tokens(...)' on the same source gives this sequence
        assertThat(tokens("if a:\n\tb = 1\n        c = 2\n\f\nd = 3\n")).containsExactly(
                "NAME if@1", "NAME a@1", "OP :@1", "NEWLINE@1",
                "INDENT@2", "NAME b@2", "OP =@2", "NUMBER 1@2", "NEWLINE@2",
                "NAME c@3", "OP =@3", "NUMBER 2@3", "NEWLINE@3",
                "DEDENT@5", "NAME d@5", "OP =@5", "NUMBER 3@5", "NEWLINE@5",
                "ENDMARKER@6");
    }

    @Test
    void noNewlineInsideBracketsNorAfterContinuationsAndCommentsAreDropped() {
        assertThat(tokens("x = (1,  # one\n     2) \\\n  + y  # c\n# only comment\n")).containsExactly(
                "NAME x@1", "OP =@1", "OP (@1", "NUMBER 1@1", "OP ,@1", "NUMBER 2@2", "OP )@2", "OP +@3",
                "NAME y@3", "NEWLINE@3", "ENDMARKER@5");
    }

    @Test
    void operatorsAndNumbersAreMaximalMunch() {
        assertThat(tokens("a **= b // c ... -> d := 0x1F + 1_000.5e-3j != e >>= 1\n")).containsExactly(
                "NAME a@1", "OP **=@1", "NAME b@1", "OP //@1", "NAME c@1", "OP ...@1", "OP ->@1", "NAME d@1",
                "OP :=@1", "NUMBER 0x1F@1", "OP +@1", "NUMBER 1_000.5e-3j@1", "OP !=@1", "NAME e@1", "OP >>=@1",
                "NUMBER 1@1", "NEWLINE@1", "ENDMARKER@2");
    }

    @Test
    void stringPrefixesAndFStringFieldsWithNestedQuotes() {
        assertThat(tokens("x = rb'\\'' Rb\"\" f\"{d['k']:>{w}} {x!r}\" f'''{\n1}''' rf'{{' bx\n")).containsExactly(
                "NAME x@1", "OP =@1", "STRING rb'\\''@1", "STRING Rb\"\"@1",
                "STRING f\"{d['k']:>{w}} {x!r}\"@1", "STRING f'''{\n1}'''@1", "STRING rf'{{'@2", "NAME bx@2",
                "NEWLINE@2", "ENDMARKER@3");
        PyTokens t = PyTokenizer.tokenize("f'{x}' f'{{x}}' f'\\N{BULLET}'\n");
        assertThat(t.flags[0] & PyTokens.HAS_FIELDS).isNotZero();
        assertThat(t.flags[1] & PyTokens.HAS_FIELDS).isZero();
        assertThat(t.flags[2] & PyTokens.HAS_FIELDS).isZero();
    }

    @Test
    void fStringWithoutFieldsDecodesEscapesAndBraces() throws Exception {
        // python3: f"\N{BULLET} {{x}}" == '• {x}'
        PyTokens t = PyTokenizer.tokenize("f\"\\N{BULLET} {{x}}\"\n");
        assertThat(StringLiterals.decode(t, 0)).isEqualTo("\u2022 {x}");
    }

    @Test
    void unicodeIdentifiersAreNames() {
        assertThat(tokens("révision = 1\n")).containsExactly("NAME révision@1", "OP =@1", "NUMBER 1@1", "NEWLINE@1",
                "ENDMARKER@2");
    }

    @Test
    void errorsKeepTheCompleteLinesBeforeThem() {
        PyTokens t = PyTokenizer.tokenize("a = 1\nb = 'x\nc = 2\n");
        assertThat(t.errorLine).isEqualTo(2);
        assertThat(t.error).isEqualTo("unterminated string literal (detected at line 2)");
        assertThat(t.text(0)).isEqualTo("a");
        assertThat(t.type[t.size - 1]).isEqualTo(PyTokens.ENDMARKER);
        assertThat(t.size).isEqualTo(5); // a = 1 NEWLINE ENDMARKER

        PyTokens nul = PyTokenizer.tokenize("a = 1\nb = '\0'\n");
        assertThat(nul.errorLine).isEqualTo(2);
        assertThat(nul.error).contains("null bytes");
    }

    @Test
    void decoderMapsPythonCodecNames() {
        assertThat(SourceDecoder.pythonCodec("utf_8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(SourceDecoder.pythonCodec("UTF8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(SourceDecoder.pythonCodec("utf-8-unix")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(SourceDecoder.pythonCodec("latin_1")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(SourceDecoder.pythonCodec("iso-latin-1")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(SourceDecoder.pythonCodec("ascii")).isEqualTo(StandardCharsets.US_ASCII);
        assertThat(SourceDecoder.pythonCodec("cp1252").name()).isEqualTo("windows-1252");
        assertThat(SourceDecoder.pythonCodec("iso8859_15").name()).isEqualTo("ISO-8859-15");
        assertThat(SourceDecoder.pythonCodec("no-such-codec")).isNull();
    }

    @Test
    void asciiCodecRejectsHighBytes() {
        SourceDecoder.Decoded d = SourceDecoder.decode("# coding: ascii\nx = 1\ny = '\u00e9'\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(d.text()).isNull();
        assertThat(d.errorLine()).isEqualTo(3);
        assertThat(d.error()).contains("'ascii' codec can't decode byte '\\xe9'");
    }
}
