package io.github.alembicmaven.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.AlembicConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values were produced by CPython 3.11's {@code configparser} (see the javadoc of each test). */
class ConfigParserTest {
    private static final Path FILE = Path.of("f.ini");

    private static ConfigParser parse(String text) throws AlembicConfigException {
        return ConfigParser.parse(FILE, text, Map.of("here", "/proj"));
    }

    private static String get(String text, String key) throws AlembicConfigException {
        return parse(text).get("alembic", key).orElseThrow();
    }

    @Test
    void inlineCommentsArePartOfTheValueAndKeysAreLowerCased() throws Exception {
        ConfigParser p = parse("[alembic]\nScript_Location = %(here)s/migrations\n"
                + "version_path_separator = os  # Use os.pathsep. Default configuration used for new projects.\n");
        assertThat(p.get("alembic", "script_location")).hasValue("/proj/migrations");
        assertThat(p.get("alembic", "SCRIPT_LOCATION")).hasValue("/proj/migrations");
        assertThat(p.get("alembic", "version_path_separator"))
                .hasValue("os  # Use os.pathsep. Default configuration used for new projects.");
        assertThat(p.option("alembic", "version_path_separator").orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void firstDelimiterWinsAndValuesAreStripped() throws Exception {
        String text = "[alembic]\nkey: value : more\nk2 =  spaced   \nk3=a=b\n";
        assertThat(get(text, "key")).isEqualTo("value : more");
        assertThat(get(text, "k2")).isEqualTo("spaced");
        assertThat(get(text, "k3")).isEqualTo("a=b");
    }

    @Test
    void continuationLinesKeepEmptyLinesInsideAndDropTrailingOnes() throws Exception {
        String text = "[alembic]\nvl =\n    a\n\n    b\n\n\nnext = 1\n";
        assertThat(get(text, "vl")).isEqualTo("\na\n\nb");
        assertThat(get(text, "next")).isEqualTo("1");
    }

    @Test
    void commentLinesInsideAValueAreSkippedWithoutEndingIt() throws Exception {
        assertThat(get("[alembic]\nvl = a\n# comment\n  b\n ; c\n  c\n", "vl")).isEqualTo("a\nb\nc");
    }

    @Test
    void crlfAndLoneCrEndLines() throws Exception {
        assertThat(get("[alembic]\r\nx = a\r\n  b\r\ny = 1\rz = 2", "x")).isEqualTo("a\nb");
        assertThat(get("[alembic]\r\nx = a\r\n  b\r\ny = 1\rz = 2", "z")).isEqualTo("2");
    }

    @Test
    void anIndentedOptionAfterAHeaderIsAnOption() throws Exception {
        String text = "[alembic]\n  indented = 1\nother = 2\n";
        assertThat(get(text, "indented")).isEqualTo("1");
        assertThat(get(text, "other")).isEqualTo("2");
    }

    @Test
    void textAfterTheClosingBracketOfAHeaderIsIgnored() throws Exception {
        assertThat(get("[alembic] # comment\nx = 1\n", "x")).isEqualTo("1");
    }

    @Test
    void defaultSectionAndInterpolation() throws Exception {
        String text = "[DEFAULT]\nbase = /x\n[alembic]\nloc = %(BASE)s/y\npct = 100%%\nchain = %(loc)s/z\n";
        assertThat(get(text, "loc")).isEqualTo("/x/y");
        assertThat(get(text, "pct")).isEqualTo("100%");
        assertThat(get(text, "chain")).isEqualTo("/x/y/z");
        assertThat(parse(text).hasOption("alembic", "base")).isTrue();
        assertThat(parse(text).hasSection("DEFAULT")).isFalse();
        assertThat(parse(text).hasSection("Alembic")).isFalse();
    }

    @Test
    void hereCanBeOverriddenInDefault() throws Exception {
        assertThat(get("[DEFAULT]\nhere = /other\n[alembic]\nx = %(here)s\n", "x")).isEqualTo("/other");
    }

    @Test
    void lonePercentIsAnInterpolationSyntaxErrorWithFileAndLine() {
        assertThatThrownBy(() -> get("[alembic]\n\nbad = 50%\n", "bad"))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("f.ini:3: ")
                .hasMessageContaining("InterpolationSyntaxError: '%' must be followed by '%' or '(', found: '%'")
                .hasMessageContaining("'%%'");
        assertThatThrownBy(() -> get("[alembic]\nbad = %(x\n", "bad"))
                .hasMessageContaining("bad interpolation variable reference '%(x'");
    }

    @Test
    void interpolationIsLazyLikePython() throws Exception {
        ConfigParser p = parse("[alembic]\nsqlalchemy.url = 50%\nx = 1\n");
        assertThat(p.get("alembic", "x")).hasValue("1");
    }

    @Test
    void missingReferenceAndRecursionLimit() {
        assertThatThrownBy(() -> get("[alembic]\nbad = %(nope)s\n", "bad")).hasMessageContaining(
                "Bad value substitution: option 'bad' in section 'alembic' contains an interpolation key 'nope' which"
                        + " is not a valid option name. Raw value: '%(nope)s'");
        assertThatThrownBy(() -> get("[alembic]\na = %(b)s\nb = %(a)s\n", "a")).hasMessageContaining(
                "Recursion limit exceeded in value substitution: option 'a' in section 'alembic' contains an"
                        + " interpolation key which cannot be substituted in 10 steps. Raw value: '%(b)s'");
    }

    @Test
    void duplicateSectionAndOptionAreErrors() {
        assertThatThrownBy(() -> parse("[alembic]\na = 1\n[alembic]\n"))
                .hasMessageStartingWith("f.ini:3: section [alembic] appears twice (first at line 1)")
                .hasMessageContaining("While reading from 'f.ini' [line  3]: section 'alembic' already exists");
        assertThatThrownBy(() -> parse("[alembic]\na = 1\nA = 2\n"))
                .hasMessageStartingWith("f.ini:3: option 'a' appears twice in [alembic] (first at line 2)")
                .hasMessageContaining("option 'a' in section 'alembic' already exists");
    }

    @Test
    void defaultSectionMayRepeatButNotItsOptions() throws Exception {
        assertThat(get("[DEFAULT]\na = 1\n[DEFAULT]\nb = 2\n[alembic]\n", "b")).isEqualTo("2");
        assertThatThrownBy(() -> parse("[DEFAULT]\na = 1\n[DEFAULT]\na = 2\n")).hasMessageContaining("appears twice");
    }

    @Test
    void optionBeforeAnySectionAndLinesWithoutDelimiter() {
        assertThatThrownBy(() -> parse("a = 1\n"))
                .hasMessageStartingWith("f.ini:1: the file has no section header")
                .hasMessageContaining("MissingSectionHeaderError");
        assertThatThrownBy(() -> parse("[alembic]\njunk\nx = 1\nmore junk\n"))
                .hasMessageContaining("ParsingError")
                .hasMessageContaining("[line  2]: 'junk\\n'")
                .hasMessageContaining("[line  4]: 'more junk\\n'");
    }

    @Test
    void byteOrderMarkIsNotSkipped(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("alembic.ini");
        Files.write(ini, "\uFEFF[alembic]\nx=1\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ConfigParser.read(ini, Map.of()))
                .hasMessageContaining("MissingSectionHeaderError")
                .hasMessageContaining("byte order mark");
    }

    @Test
    void invalidUtf8IsReported(@TempDir Path dir) throws Exception {
        Path ini = dir.resolve("alembic.ini");
        Files.write(ini, new byte[] {'[', 'a', ']', '\n', 'x', '=', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> ConfigParser.read(ini, Map.of())).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void unicodeWhitespaceIsStrippedLikePython() throws Exception {
        // Python's str.strip() removes U+00A0 and U+3000; Java's String.strip() keeps U+00A0
        assertThat(get("[alembic]\nx =\u00a0value\u3000\n", "x")).isEqualTo("value");
    }
}
