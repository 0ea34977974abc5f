package io.github.alembicmaven.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.AnalysisRequest;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void scriptDir() throws IOException {
        Files.createDirectories(dir.resolve("migrations/versions"));
    }

    private void write(String name, String content) throws IOException {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), content);
    }

    private AlembicSettings load() throws AlembicConfigException {
        return load(AnalysisRequest.builder(dir));
    }

    private static AlembicSettings load(AnalysisRequest.Builder b) throws AlembicConfigException {
        return SettingsLoader.load(b.build()).orElseThrow();
    }

    private AlembicSettings ini(String body) throws Exception {
        write("alembic.ini", "[alembic]\nscript_location = migrations\n" + body);
        return load();
    }

    private static List<String> messages(AlembicSettings s) {
        return s.warnings().stream().map(Diagnostic::message).toList();
    }

    @Test
    void nothingConfiguredIsEmpty() throws Exception {
        assertThat(SettingsLoader.load(AnalysisRequest.builder(dir).build())).isEmpty();
        write("alembic.ini", "[loggers]\nkeys = root\n");
        write("pyproject.toml", "[project]\nname = \"x\"\n");
        assertThat(SettingsLoader.load(AnalysisRequest.builder(dir).build())).isEmpty();
    }

    @Test
    void defaultsOfAMinimalIni() throws Exception {
        AlembicSettings s = ini("");
        assertThat(s.configFiles()).containsExactly(dir.resolve("alembic.ini"));
        assertThat(s.scriptLocation()).isEqualTo(dir.resolve("migrations"));
        assertThat(s.versionLocations()).containsExactly(dir.resolve("migrations/versions"));
        assertThat(s.versionLocationsExplicit()).isFalse();
        assertThat(s.recursiveVersionLocations()).isFalse();
        assertThat(s.sourceless()).isFalse();
        assertThat(s.fileTemplate()).isEqualTo("%(rev)s_%(slug)s");
        assertThat(s.truncateSlugLength()).isEqualTo(40);
        assertThat(s.timezone()).isNull();
        assertThat(s.outputEncoding()).isEqualTo("utf-8");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void hereIsTheIniDirectoryAndOtherOptionsAreRead() throws Exception {
        Files.createDirectories(dir.resolve("conf/db"));
        write("conf/my.ini", "[db]\nscript_location = %(here)s/db\nrecursive_version_locations = true\n"
                + "sourceless = True\nfile_template = %%(year)d_%%(rev)s\ntruncate_slug_length = 0\n"
                + "timezone = UTC\noutput_encoding = latin-1\n");
        AlembicSettings s = load(AnalysisRequest.builder(dir).configFile(Path.of("conf/my.ini")).iniSection("db"));
        assertThat(s.scriptLocation()).isEqualTo(dir.resolve("conf/db"));
        assertThat(s.recursiveVersionLocations()).isTrue();
        assertThat(s.sourceless()).as("only the exact string 'true' counts").isFalse();
        assertThat(s.fileTemplate()).isEqualTo("%(year)d_%(rev)s");
        assertThat(s.truncateSlugLength()).as("int(value) or 40").isEqualTo(40);
        assertThat(s.timezone()).isEqualTo("UTC");
        assertThat(s.outputEncoding()).isEqualTo("latin-1");
    }

    @Test
    void badTruncateSlugLength() throws Exception {
        assertThat(ini("truncate_slug_length = 1_0\n").truncateSlugLength()).isEqualTo(10);
        assertThatThrownBy(() -> ini("truncate_slug_length = x\n"))
                .hasMessageContaining("alembic.ini:3: truncate_slug_length: ValueError: invalid literal for int()"
                        + " with base 10: 'x'");
    }

    @Test
    void missingScriptLocation() throws Exception {
        write("alembic.ini", "[alembic]\nversion_locations = a\n");
        assertThatThrownBy(this::load).isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("No 'script_location' key found in configuration.")
                .hasMessageContaining("alembic.ini");
    }

    @Test
    void scriptLocationMustExist() throws Exception {
        write("alembic.ini", "[alembic]\n\nscript_location = nope\n");
        assertThatThrownBy(this::load)
                .hasMessageContaining("alembic.ini:3: Path doesn't exist: " + dir.resolve("nope")
                        + ".  Please use the 'init' command to create a new scripts folder.");
    }

    @Test
    void explicitConfigFileOrSectionMustExist() throws Exception {
        assertThatThrownBy(() -> load(AnalysisRequest.builder(dir).configFile(Path.of("missing.ini"))))
                .hasMessageContaining("missing.ini does not exist");
        write("alembic.ini", "[Alembic]\nscript_location = migrations\n");
        assertThatThrownBy(() -> load(AnalysisRequest.builder(dir).configFile(Path.of("alembic.ini"))))
                .hasMessageContaining("No config file '" + dir.resolve("alembic.ini")
                        + "' found, or file has no '[alembic]' section (sections found: [Alembic];");
        assertThatThrownBy(() -> load(AnalysisRequest.builder(dir).iniSection("other")))
                .hasMessageContaining("has no '[other]' section");
        write("pyproject.toml", "[tool.black]\nx = 1\n");
        assertThatThrownBy(() -> load(AnalysisRequest.builder(dir).configFile(Path.of("pyproject.toml"))))
                .hasMessageContaining("has no [tool.alembic] table");
    }

    @Test
    void pyprojectOnly() throws Exception {
        write("pyproject.toml", "[tool.alembic]\nscript_location = \"%(here)s/migrations\"\n"
                + "version_locations = [\"%(here)s/v1\", \"v2\"]\nsourceless = false\n"
                + "recursive_version_locations = true\nfile_template = \"%%(rev)s\"\ntruncate_slug_length = \"12\"\n");
        AlembicSettings s = load();
        assertThat(s.configFiles()).containsExactly(dir.resolve("pyproject.toml"));
        assertThat(s.scriptLocation()).isEqualTo(dir.resolve("migrations"));
        assertThat(s.versionLocations()).containsExactly(dir.resolve("v1"), dir.resolve("v2"));
        assertThat(s.versionLocationsExplicit()).isTrue();
        assertThat(s.recursiveVersionLocations()).isTrue();
        assertThat(s.fileTemplate()).isEqualTo("%(rev)s");
        assertThat(s.truncateSlugLength()).isEqualTo(12);
        assertThat(s.warnings()).as("TOML needs no path separator").isEmpty();
    }

    @Test
    void tomlBooleansMustBeRealBooleans() throws Exception {
        write("pyproject.toml", "[tool.alembic]\nscript_location = \"migrations\"\nsourceless = \"true\"\n");
        assertThatThrownBy(this::load).hasMessageContaining("boolean value expected for TOML parameter 'sourceless'");
    }

    @Test
    void tomlPercentFormatting() throws Exception {
        write("pyproject.toml", "[tool.alembic]\nscript_location = \"migrations\"\ntimezone = \"50%\"\n");
        assertThatThrownBy(this::load).hasMessageContaining("incomplete format");
        write("pyproject.toml", "[tool.alembic]\nscript_location = \"%(root)s/migrations\"\n");
        assertThatThrownBy(this::load).hasMessageContaining("KeyError: 'root'");
        write("pyproject.toml", "[tool.alembic]\nscript_location = \"migrations\"\nversion_locations = \"a b\"\n");
        assertThatThrownBy(this::load).hasMessageContaining("version_locations must be a list of strings");
    }

    @Test
    void iniWinsOverPyprojectPerOption() throws Exception {
        Files.createDirectories(dir.resolve("other"));
        write("alembic.ini", "[alembic]\nscript_location = migrations\nversion_locations =\n");
        write("pyproject.toml", "[tool.alembic]\nscript_location = \"other\"\nversion_locations = [\"tv\"]\n"
                + "timezone = \"UTC\"\n");
        AlembicSettings s = load();
        assertThat(s.configFiles()).containsExactly(dir.resolve("alembic.ini"), dir.resolve("pyproject.toml"));
        assertThat(s.scriptLocation()).isEqualTo(dir.resolve("migrations"));
        assertThat(s.versionLocations()).as("an empty ini value falls through to TOML")
                .containsExactly(dir.resolve("tv"));
        assertThat(s.timezone()).isEqualTo("UTC");

        write("alembic.ini", "[alembic]\nscript_location = migrations\nversion_locations = iv\npath_separator = os\n");
        assertThat(load().versionLocations()).containsExactly(dir.resolve("iv"));
    }

    @Test
    void explicitValuesOverrideTheConfig() throws Exception {
        Files.createDirectories(dir.resolve("explicit"));
        write("alembic.ini", "[alembic]\nscript_location = migrations\nversion_locations = a b\n"
                + "path_separator = bogus\n");
        AlembicSettings s = load(AnalysisRequest.builder(dir).scriptLocation("explicit")
                .versionLocations(List.of("x y", "/abs/z")));
        assertThat(s.scriptLocation()).isEqualTo(dir.resolve("explicit"));
        assertThat(s.versionLocations()).as("used as-is, separators not evaluated")
                .containsExactly(dir.resolve("x y"), Path.of("/abs/z"));
        assertThat(s.versionLocationsExplicit()).isTrue();
    }

    @Test
    void explicitVersionLocationsWithoutAnyConfig() throws Exception {
        AlembicSettings s = load(AnalysisRequest.builder(dir).versionLocations(List.of("migrations/versions")));
        assertThat(s.configFiles()).isEmpty();
        assertThat(s.scriptLocation()).isNull();
        assertThat(s.versionLocations()).containsExactly(dir.resolve("migrations/versions"));
    }

    @Test
    void packageResourceScriptLocation() throws Exception {
        Files.createDirectories(dir.resolve("src/myapp/db/migrations"));
        write("alembic.ini", "[alembic]\nscript_location = myapp.db:migrations\nversion_locations = myapp.db:v\n"
                + "path_separator = space\n");
        AlembicSettings s = load();
        assertThat(s.scriptLocation()).isEqualTo(dir.resolve("src/myapp/db/migrations"));
        assertThat(s.versionLocations()).containsExactly(dir.resolve("src/myapp/db/v"));

        write("alembic.ini", "[alembic]\nscript_location = nopkg:migrations\n");
        assertThatThrownBy(this::load)
                .hasMessageContaining("alembic.ini:2: script_location 'nopkg:migrations' is a package resource")
                .hasMessageContaining(dir.resolve("src/main/python/nopkg").toString())
                .hasMessageContaining("Use a plain path instead, e.g. %(here)s/nopkg/migrations");
    }

    @Test
    void windowsDrivePathIsNotAPackageResource() throws Exception {
        AlembicSettings s = load(AnalysisRequest.builder(dir).versionLocations(List.of("C:\\x\\versions")));
        assertThat(s.versionLocations().get(0).toString()).contains("x").doesNotContain("src");
    }

    @Test
    void generatedIniOf1_8WithInlineCommentFailsOnceVersionLocationsIsSet() throws Exception {
        String generated = "version_path_separator = os  # Use os.pathsep. Default configuration used for new"
                + " projects.\n";
        assertThat(ini(generated).versionLocations()).as("not evaluated without version_locations")
                .containsExactly(dir.resolve("migrations/versions"));
        assertThatThrownBy(() -> ini(generated + "version_locations = a\n"))
                .hasMessageStartingWith(dir.resolve("alembic.ini") + ":3: 'os  # Use os.pathsep. Default configuration"
                        + " used for new projects.' is not a valid value for version_path_separator; expected 'space',"
                        + " 'newline', 'os', ':', ';'")
                .hasMessageContaining("no inline comments")
                .hasMessageContaining("own line");
    }

    @Test
    void invalidPathSeparator() {
        assertThatThrownBy(() -> ini("version_locations = a\npath_separator = |\n"))
                .hasMessageContaining(":4: '|' is not a valid value for path_separator; expected 'space', 'newline',"
                        + " 'os', ':', ';'. Use one of those values.");
        assertThatThrownBy(() -> ini("version_locations = a\npath_separator =\n"))
                .hasMessageContaining("'' is not a valid value for path_separator");
    }

    @Test
    void separators() throws Exception {
        assertThat(ini("version_locations = %(here)s/a  %(here)s/b\npath_separator = space\n").versionLocations())
                .containsExactly(dir.resolve("a"), dir.resolve("b"));
        assertThat(ini("version_locations =  /foo  \n  /bar  \npath_separator = newline\n").versionLocations())
                .containsExactly(Path.of("/foo"), Path.of("/bar"));
        assertThat(ini("version_locations = /Project A:/b\npath_separator = :\n").versionLocations())
                .containsExactly(Path.of("/Project A"), Path.of("/b"));
        assertThat(ini("version_locations = a;b\npath_separator = ;\n").versionLocations())
                .containsExactly(dir.resolve("a"), dir.resolve("b"));
        assertThat(ini("version_locations = a" + File.pathSeparator + " b\npath_separator = os\n").versionLocations())
                .containsExactly(dir.resolve("a"), dir.resolve("b"));
    }

    @Test
    void pathSeparatorWinsOverTheDeprecatedKey() throws Exception {
        AlembicSettings s = ini("version_locations = a;b c\npath_separator = ;\nversion_path_separator = space\n");
        assertThat(s.versionLocations()).containsExactly(dir.resolve("a"), dir.resolve("b c"));
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void deprecatedVersionPathSeparatorStillWorksWithAWarning() throws Exception {
        AlembicSettings s = ini("version_locations = a b\nversion_path_separator = space\n");
        assertThat(s.versionLocations()).containsExactly(dir.resolve("a"), dir.resolve("b"));
        assertThat(s.warnings()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.CONFIG_WARNING);
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.message()).isEqualTo(
                    "The version_path_separator configuration parameter is deprecated; please use path_separator");
        });
    }

    @Test
    void legacySplitting() throws Exception {
        AlembicSettings s = ini("version_locations = /foo /bar\n");
        assertThat(s.versionLocations()).containsExactly(Path.of("/foo"), Path.of("/bar"));
        assertThat(messages(s)).containsExactly("No path_separator found in configuration; falling back to legacy"
                + " splitting on spaces/commas for version_locations.  Consider adding path_separator=os to Alembic"
                + " config.");
        assertThat(ini("version_locations = a, b\n").versionLocations())
                .containsExactly(dir.resolve("a"), dir.resolve("b"));
    }

    @Test
    void legacySplittingKeepsEmptyEntriesAndNewlines() throws Exception {
        AlembicSettings s = ini("version_locations = a , b\n");
        assertThat(s.versionLocations()).as("re.split keeps '' which Alembic resolves to the working directory")
                .containsExactly(dir.resolve("a"), dir, dir.resolve("b"));
        assertThat(messages(s)).anySatisfy(m -> assertThat(m).contains("empty entry"));
        AlembicSettings multi = ini("version_locations =\n  a\n  b\n");
        assertThat(multi.versionLocations()).hasSize(1);
        assertThat(messages(multi)).anySatisfy(m -> assertThat(m).contains("spans several lines"));
    }

    @Test
    void separatorSplitDropsEmptyPartsOnlyBeforeStripping() throws Exception {
        assertThat(ini("version_locations = a;;b\npath_separator = ;\n").versionLocations())
                .containsExactly(dir.resolve("a"), dir.resolve("b"));
        assertThat(ini("version_locations = a; ;b\npath_separator = ;\n").versionLocations())
                .containsExactly(dir.resolve("a"), dir, dir.resolve("b"));
    }

    @Test
    void versionLocationsFromDefaultSection() throws Exception {
        write("alembic.ini", "[DEFAULT]\nversion_locations = %(here)s/d\npath_separator = os\n"
                + "[alembic]\nscript_location = migrations\n");
        assertThat(load().versionLocations()).containsExactly(dir.resolve("d"));
    }

    @Test
    void invalidTomlIsReportedWhenItMentionsAlembic() throws Exception {
        write("pyproject.toml", "[tool.alembic\nscript_location = 1\n");
        assertThatThrownBy(this::load).hasMessageContaining("invalid TOML");
        write("pyproject.toml", "[tool.black\n");
        assertThat(SettingsLoader.load(AnalysisRequest.builder(dir).build())).isEqualTo(Optional.empty());
    }
}
