package io.github.alembicmaven.core;

import static io.github.alembicmaven.core.ConvergeRunTest.MERGE_BC;
import static io.github.alembicmaven.core.ConvergeRunTest.MERGE_BC_TEXT;
import static io.github.alembicmaven.core.ConvergeRunTest.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.ConvergeProject.Opts;
import io.github.alembicmaven.core.ConvergeRun.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link ConvergeRun} names, renders, encodes and places the files: templates, ini naming options, locations. */
class ConvergeRunFilesTest {
    static final String BUILT_IN_WARNING_TAIL = ". The merge revisions are rendered with the built-in template"
            + " (Alembic's generic script.py.mako) instead; review them, or keep script.py.mako to the constructs of"
            + " Alembic's stock templates.";

    @TempDir
    Path dir;

    ConvergeProject project(String... iniLines) throws Exception {
        return new ConvergeProject(dir).ini(iniLines);
    }

    static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void withoutScriptPyMakoTheBuiltInTemplateIsUsedWithAWarning() throws Exception {
        ConvergeProject p = project().twoHeads();

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.warningLines()).containsExactly("No migrations/script.py.mako: the merge revisions are rendered"
                + " with the built-in template (Alembic's generic script.py.mako).");
        assertThat(run.files()).singleElement().satisfies(f -> assertThat(f.template())
                .isEqualTo("built-in script.py.mako"));
        assertThat(read(p.versions().resolve("243f6114da12_merge_heads.py"))).isEqualTo(MERGE_BC_TEXT);
    }

    /** The merge of the two heads was written with the built-in template, and one warning says why. */
    static void assertFellBackToTheBuiltInTemplate(ConvergeRun run, ConvergeProject p, String where, String what)
            throws Exception {
        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.warningLines()).singleElement().asString()
                .startsWith(where)
                .contains(what)
                .endsWith(BUILT_IN_WARNING_TAIL);
        assertThat(run.files()).singleElement().satisfies(f -> assertThat(f.template())
                .isEqualTo("built-in script.py.mako"));
        assertThat(read(p.versions().resolve("243f6114da12_merge_heads.py"))).isEqualTo(MERGE_BC_TEXT);
    }

    @Test
    void anUnsupportedConstructFallsBackToTheBuiltInTemplateWithAWarningNamingFileAndLine() throws Exception {
        ConvergeProject p = project().twoHeads()
                .template("\"\"\"${message}\n\n<%def name=\"x()\">custom</%def>\nRevision ID: ${up_revision}\n");

        assertFellBackToTheBuiltInTemplate(p.converge(), p, "migrations/script.py.mako:3: ", "<%def name=\"x()\">");
        assertThat(p.heads()).containsExactly(MERGE_BC);
    }

    /** Converges the two heads, checks that the project's template was used without warnings, returns the text. */
    static String writtenWithTheProjectTemplate(ConvergeProject p) throws Exception {
        ConvergeRun run = p.converge();
        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.warningLines()).isEmpty();
        assertThat(run.files()).singleElement().satisfies(f -> assertThat(f.template())
                .isEqualTo("migrations/script.py.mako"));
        return read(p.versions().resolve("243f6114da12_merge_heads.py"));
    }

    @Test
    void aCustomTemplateWithStockConstructsIsUsedAsIs() throws Exception {
        String anchor = "import sqlalchemy as sa\n";
        String custom = ConvergeProject.stockTemplateText().replace(anchor, anchor + "# Owned by the data team.\n");
        assertThat(custom).contains("# Owned by the data team.");
        ConvergeProject p = project().twoHeads().template(custom);

        assertThat(writtenWithTheProjectTemplate(p))
                .isEqualTo(MERGE_BC_TEXT.replace(anchor, anchor + "# Owned by the data team.\n"));
    }

    @Test
    void fileTemplateWithDateTokensNamesTheFileFromTheCreateDate() throws Exception {
        ConvergeProject p = project("file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-"
                + "%%(rev)s_%%(slug)s").stockTemplate().twoHeads();

        assertThat(p.converge().status()).isEqualTo(Status.WRITTEN);

        assertThat(read(p.versions().resolve("2024_03_01_1000-243f6114da12_merge_heads.py")))
                .isEqualTo(MERGE_BC_TEXT);
        assertThat(p.pyFiles("migrations/versions")).hasSize(4);
    }

    @Test
    void fileTemplateWithASubDirectoryCreatesItInARecursiveLocation() throws Exception {
        ConvergeProject p = project("file_template = %%(year)d/%%(rev)s", "recursive_version_locations = true")
                .stockTemplate().twoHeads();

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.infoLines()).contains("Created migrations/versions/2024/243f6114da12.py (revision"
                + " 243f6114da12, merge of bbbb00000002, cccc00000003)");
        assertThat(read(p.versions().resolve("2024/243f6114da12.py"))).isEqualTo(MERGE_BC_TEXT);
        assertThat(p.heads()).containsExactly(MERGE_BC);
    }

    @Test
    void truncateSlugLengthShortensTheSlugAsAlembicDoes() throws Exception {
        ConvergeProject p = project("truncate_slug_length = 10").stockTemplate().twoHeads();
        String message = "a message that is quite long with more words";

        assertThat(p.converge(new Opts().message(message)).status()).isEqualTo(Status.WRITTEN);

        // slug[:10] = "a_message_" → rsplit("_", 1)[0] + "_" = "a_message_"; id from hashlib with this message
        assertThat(read(p.versions().resolve("b043800a2ce7_a_message_.py"))).isEqualTo(stock("b043800a2ce7",
                "bbbb00000002, cccc00000003", "('bbbb00000002', 'cccc00000003')", "None",
                "2024-03-01 10:00:00.500000", message));
    }

    @Test
    void outputEncodingIsAppliedToTheBytes() throws Exception {
        ConvergeProject p = project("output_encoding = utf-8-sig").stockTemplate().twoHeads();

        assertThat(p.converge(new Opts().message("Mérge")).status()).isEqualTo(Status.WRITTEN);

        // hashlib: bbbb00000002 + cccc00000003, no label, "Mérge"; slug lower-cased
        byte[] bytes = Files.readAllBytes(p.versions().resolve("cc765615adfd_mérge.py"));
        byte[] text = stock("cc765615adfd", "bbbb00000002, cccc00000003", "('bbbb00000002', 'cccc00000003')",
                "None", "2024-03-01 10:00:00.500000", "Mérge").getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[text.length + 3];
        expected[0] = (byte) 0xEF;
        expected[1] = (byte) 0xBB;
        expected[2] = (byte) 0xBF;
        System.arraycopy(text, 0, expected, 3, text.length);
        assertThat(bytes).isEqualTo(expected);
        assertThat(p.heads()).containsExactly("cc765615adfd");
    }

    /** db/one: a, c1 (→ a); db/two: b1 (→ a). Sorted parents b1, c1: b1's directory comes first. */
    ConvergeProject twoLocations() throws Exception {
        return project("version_locations = %(here)s/db/one %(here)s/db/two", "path_separator = space")
                .stockTemplate()
                .revIn("db/one", "a", "2024-01-01 00:00:00")
                .revIn("db/two", "b1", "2024-01-02 00:00:00", "a")
                .revIn("db/one", "c1", "2024-01-03 00:00:00", "a");
    }

    @Test
    void withSeveralVersionLocationsTheMergeGoesToTheFirstSortedParentsDirectory() throws Exception {
        ConvergeProject p = twoLocations();

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        // hashlib: b1 + c1, no label, "merge heads"
        assertThat(p.pyFiles("db/two")).containsExactly("15e76c47289d_merge_heads.py", "b1_rev.py");
        assertThat(p.pyFiles("db/one")).containsExactly("a_rev.py", "c1_rev.py");
        assertThat(read(dir.resolve("db/two/15e76c47289d_merge_heads.py"))).isEqualTo(stock("15e76c47289d",
                "b1, c1", "('b1', 'c1')", "None", "2024-01-03 00:00:00", "merge heads"));
        assertThat(p.heads()).containsExactly("15e76c47289d");
    }

    @Test
    void versionPathChoosesTheLocation() throws Exception {
        ConvergeProject p = twoLocations();

        ConvergeRun run = p.converge(new Opts().versionPath("db/one/"));

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(p.pyFiles("db/one")).containsExactly("15e76c47289d_merge_heads.py", "a_rev.py", "c1_rev.py");
        assertThat(p.pyFiles("db/two")).containsExactly("b1_rev.py");
        assertThat(p.heads()).containsExactly("15e76c47289d");
    }

    @Test
    void aSubDirectoryOutsideARecursiveLocationIsRefusedBeforeWriting() throws Exception {
        ConvergeProject p = project("file_template = %%(year)d/%%(rev)s").stockTemplate().twoHeads();
        Map<String, String> before = p.snapshot();

        assertThatThrownBy(p::converge)
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageEndingWith("alembic.ini: file_template gives '2024/243f6114da12.py', a file in a"
                        + " sub-directory of migrations/versions, which Alembic reads only with"
                        + " recursive_version_locations = true (Alembic >= 1.10): the merge revision would be"
                        + " invisible. Set recursive_version_locations = true, or drop the '/' from file_template.");
        assertThat(p.snapshot()).isEqualTo(before);
        assertThat(dir.resolve("migrations/versions/2024")).doesNotExist();
    }

    @Test
    void anOutputEncodingPythonCannotImportDoesNotReadBackAndIsRemovedAgain() throws Exception {
        ConvergeProject p = project("output_encoding = latin-1").stockTemplate().twoHeads();
        Map<String, String> before = p.snapshot();

        ConvergeRun run = p.converge(new Opts().message("Mérge"));

        assertThat(run.status()).isEqualTo(Status.VERIFY_FAILED);
        assertThat(run.failureMessage())
                .startsWith("The new revision files do not read back as planned: [undecodable-file]"
                        + " migrations/versions/cc765615adfd_mérge.py:1: Non-UTF-8 code starting with '\\xe9'")
                .contains("were removed again; the migration tree is as before.")
                .endsWith("preview the files with 'mvn alembic:converge -Dalembic.message=\"Mérge\" -Dalembic.dryRun'.");
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void namingAndEncodingProblemsAreConfigurationErrorsBeforeAnythingIsWritten() throws Exception {
        ConvergeProject p = project("file_template = ../../%%(rev)s").stockTemplate().twoHeads();
        Map<String, String> before = p.snapshot();
        assertThatThrownBy(p::converge)
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage(dir.resolve("alembic.ini") + ": file_template gives '../../243f6114da12.py', which is not"
                        + " a file inside migrations/versions.");
        assertThat(p.snapshot()).isEqualTo(before);

        p.ini("output_encoding = ebcdic-xx");
        assertThatThrownBy(p::converge)
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith(dir.resolve("alembic.ini") + ": output_encoding 'ebcdic-xx' is not supported");

        p.ini("file_template = %%(rev)s_%%(nope)s");
        assertThatThrownBy(p::converge)
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith(dir.resolve("alembic.ini") + ": file_template '%(rev)s_%(nope)s': ");
    }

    @Test
    void parentsWithoutCreateDateNeedOutputTimestampNeverTheWallClock() throws Exception {
        ConvergeProject p = project().stockTemplate()
                .rev("a", "not a date").rev("b", "not a date", "a").rev("c", "not a date", "a");
        Map<String, String> before = p.snapshot();

        assertThatThrownBy(p::converge)
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("None of b, c has a 'Create Date:' line");
        assertThatThrownBy(() -> p.converge(new Opts().outputTimestamp("yesterday")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("project.build.outputTimestamp 'yesterday' is neither ISO-8601");
        assertThat(p.snapshot()).isEqualTo(before);

        ConvergeRun run = p.converge(new Opts().outputTimestamp("2023-05-06T07:08:09Z"));

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        // hashlib: b + c, no label, "merge heads"
        assertThat(read(p.versions().resolve("6fa3bf01fff7_merge_heads.py"))).isEqualTo(stock("6fa3bf01fff7", "b, c", "('b', 'c')",
                "None", "2023-05-06 07:08:09+00:00", "merge heads"));
    }

    static String multidbTemplate() throws Exception {
        return ConvergeProject.resource("/merge/alembic-1.8.1/multidb.py.mako");
    }

    @Test
    void theMultidbTemplateReadsDatabasesFromTheIni() throws Exception {
        ConvergeProject p = project("databases = engine1, engine2").twoHeads().template(multidbTemplate());

        assertThat(writtenWithTheProjectTemplate(p))
                .startsWith("\"\"\"merge heads\n\nRevision ID: 243f6114da12\n")
                .contains("down_revision = ('bbbb00000002', 'cccc00000003')\n")
                .endsWith("\ndef upgrade_engine1() -> None:\n    pass\n\n\ndef downgrade_engine1() -> None:\n    pass\n"
                        + "\n\ndef upgrade_engine2() -> None:\n    pass\n\n\ndef downgrade_engine2() -> None:\n"
                        + "    pass\n\n");
    }

    @Test
    void aTemplateThatFailsToRenderForThisProjectFallsBackWithAWarning() throws Exception {
        ConvergeProject p = project().twoHeads().template(multidbTemplate());

        assertFellBackToTheBuiltInTemplate(p.converge(), p, "migrations/script.py.mako:36: ", "not set");
    }
}
