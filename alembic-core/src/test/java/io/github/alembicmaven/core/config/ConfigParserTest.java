package io.github.alembicmaven.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.AlembicConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** (ini text, key in [alembic], value CPython 3.11 returns). */
    static Stream<Arguments> values() {
        return Stream.of(
                // first delimiter wins, values stripped
                Arguments.of("[alembic]\nkey: value : more\n", "key", "value : more"),
                Arguments.of("[alembic]\nk2 =  spaced   \n", "k2", "spaced"),
                Arguments.of("[alembic]\nk3=a=b\n", "k3", "a=b"),
                // continuation lines: empty lines kept inside, trailing ones dropped
                Arguments.of("[alembic]\nvl =\n    a\n\n    b\n\n\nnext = 1\n", "vl", "\na\n\nb"),
                Arguments.of("[alembic]\nvl =\n    a\n\n    b\n\n\nnext = 1\n", "next", "1"),
                // comment lines inside a value are skipped without ending it
                Arguments.of("[alembic]\nvl = a\n# comment\n  b\n ; c\n  c\n", "vl", "a\nb\nc"),
                // universal newlines (file reading): \r\n and a lone \r end lines
                Arguments.of("[alembic]\r\nx = a\r\n  b\r\ny = 1\rz = 2", "x", "a\nb"),
                Arguments.of("[alembic]\r\nx = a\r\n  b\r\ny = 1\rz = 2", "z", "2"),
                // an indented option right after a header is an option, not a continuation
                Arguments.of("[alembic]\n  indented = 1\nother = 2\n", "indented", "1"),
                Arguments.of("[alembic]\n  indented = 1\nother = 2\n", "other", "2"),
                // text after the closing bracket of a header is ignored
                Arguments.of("[alembic] # comment\nx = 1\n", "x", "1"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void valuesMatchPython(String text, String key, String expected) throws Exception {
        assertThat(get(text, key)).isEqualTo(expected);
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
