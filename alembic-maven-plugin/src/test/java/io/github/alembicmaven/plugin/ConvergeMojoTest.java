package io.github.alembicmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * alembic:converge in the harness. Every test first copies its fixture project into a temporary directory and points
 * the mojo there, so that nothing is ever written below target/test-classes (or src/test/resources).
 */
@MojoTest
class ConvergeMojoTest extends MojoTestSupport {

    /** The merge of the two-heads fixture: parents sorted, derived id, the newest parent's create date. */
    private static final String MERGE = "migrations/versions/632b3d75c6c6_merge_heads.py";

    @TempDir
    Path temp;

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "converge")
    @MojoParameter(name = "dryRun", value = "true")
    void dryRunLogsPathAndFullContentAndWritesNothing(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        assertDoesNotThrow(mojo::execute);

        assertThat(tree(temp)).isEqualTo(before);
        List<String> info = log.info();
        assertThat(info.subList(0, 3)).containsExactly(
                "1 revision to write: 'head' (5e6f7a8b9c0d, 6f7a8b9c0d1e -> 632b3d75c6c6).",
                "Dry run: nothing is written. A real run ('mvn alembic:converge') writes this file:",
                "");
        assertThat(info.get(3)).matches("--- " + MERGE
                + " \\(\\d+ bytes, revision 632b3d75c6c6, template built-in script\\.py\\.mako\\) ---");
        assertThat(info.get(info.size() - 1)).isEqualTo("--- end of " + MERGE + " ---");
        List<String> content = info.subList(4, info.size() - 1);
        assertThat(content).contains(
                "Revision ID: 632b3d75c6c6",
                "Revises: 5e6f7a8b9c0d, 6f7a8b9c0d1e",
                "Create Date: 2026-03-02 10:15:00",
                "down_revision: Union[str, Sequence[str], None] = ('5e6f7a8b9c0d', '6f7a8b9c0d1e')");
        assertThat(info.get(3)).contains("(" + (String.join("\n", content) + "\n").getBytes(StandardCharsets.UTF_8)
                .length + " bytes,");
        // both lines add a column to 'account' (a warning, not a refusal); the fixture has no script.py.mako: the
        // built-in template is used, and the log says so
        assertThat(log.warn()).containsExactly("Schema conflict: [warning same-table] both lines change table account"
                + " (different columns or objects): migrations/versions/5e6f7a8b9c0d_add_email_to_account.py:20"
                + " add_column account.email [type=sa.String(255), nullable=True] (line of 5e6f7a8b9c0d) /"
                + " migrations/versions/6f7a8b9c0d1e_add_phone_to_account.py:20 add_column account.phone"
                + " [type=sa.String(32), nullable=True] (line of 6f7a8b9c0d1e)",
                "No migrations/script.py.mako: the merge revisions are rendered with the built-in template (Alembic's"
                        + " generic script.py.mako).");
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "converge")
    void realRunCreatesTheMergeRevision(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly(
                "1 revision to write: 'head' (5e6f7a8b9c0d, 6f7a8b9c0d1e -> 632b3d75c6c6).",
                "Created " + MERGE + " (revision 632b3d75c6c6, merge of 5e6f7a8b9c0d, 6f7a8b9c0d1e)");
        Map<String, String> after = tree(temp);
        assertThat(after).containsAllEntriesOf(before).containsKey(MERGE).hasSize(before.size() + 1);
        assertThat(after.get(MERGE)).contains(
                "revision: str = '632b3d75c6c6'\n",
                "down_revision: Union[str, Sequence[str], None] = ('5e6f7a8b9c0d', '6f7a8b9c0d1e')\n");
        assertThat(readReport(mojo).path("goal").asText()).isEqualTo("converge");
    }

    @Test
    @Basedir("/projects/linear")
    @InjectMojo(goal = "converge")
    void convergedTreeSaysSoAndWritesNothing(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly(
                "Already converged: every line of history has one head; nothing to write.");
        assertThat(tree(temp)).isEqualTo(before);
    }

    @Test
    @Basedir("/projects/missing-parent")
    @InjectMojo(goal = "converge")
    void integrityErrorRefusesWithTheThreePartMessageAndWritesNothing(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        List<String> lines = e.getMessage().lines().toList();
        assertThat(lines.get(0)).startsWith("alembic:converge refused: The Alembic migration graph has 1 integrity"
                + " error");
        // the error is listed with a path relative to the project, like every other message
        assertThat(lines.get(1)).startsWith("  - [missing-parent] migrations/versions/");
        assertThat(e.getMessage()).doesNotContain(temp.toString());
        assertThat(lines.get(2)).startsWith("A merge joins the heads of a history that loads;")
                .endsWith("Nothing was written.");
        assertThat(lines.get(3)).isEqualTo("Fix the errors above, confirm with 'mvn alembic:check', then run"
                + " 'mvn alembic:converge'.");
        assertThat(lines).hasSize(4);
        assertThat(log.info()).isEmpty();
        assertThat(tree(temp)).isEqualTo(before);
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "converge")
    @MojoParameter(name = "verifyCommand", value = "echo rejected by the verify command; exit 3")
    void failingVerifyCommandRemovesTheNewFileAndFails(ConvergeMojo mojo) throws Exception {
        prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage()).startsWith("The verify command failed with exit code 3: echo rejected")
                .contains("--- output ---\nrejected by the verify command\n--- end of output ---\n")
                .contains("The new files (" + MERGE + ") were removed again; the migration tree is as before.");
        assertThat(tree(temp)).isEqualTo(before);
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "converge")
    @MojoParameter(name = "strategy", value = "zigzag")
    void invalidStrategyIsAConfigurationError(ConvergeMojo mojo) throws Exception {
        prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertThat(e.getMessage()).isEqualTo("Invalid alembic.strategy 'zigzag': expected 'single' (one merge of all"
                + " heads, the default) or 'pairwise' (a chain of two-parent merges).");
        assertThat(tree(temp)).isEqualTo(before);
    }

    @Test
    @Basedir("/projects/two-heads")
    @InjectMojo(goal = "converge")
    @MojoParameter(name = "skip", value = "true")
    void skipLogsOneLineAndWritesNothing(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("Skipping alembic:converge (alembic.skip=true)");
        assertThat(tree(temp)).isEqualTo(before);
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "converge")
    void moduleWithoutAlembicConfigurationIsSkippedWithOneInfoLine(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).singleElement().asString().contains("nothing to do");
        assertThat(log.warn()).isEmpty();
        assertThat(tree(temp)).isEqualTo(before);
    }

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "converge")
    void aSchemaConflictRefusesTheMergeAndWritesNothing(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertThat(e.getMessage()).isEqualTo("alembic:converge refused: s" + ConflictingHeads.errors("run 'mvn"
                + " alembic:converge' again (or write the merge anyway with 'mvn alembic:converge"
                + " -Dalembic.allowConflicts')").substring(1) + "\nNothing was written.");
        assertThat(log.info()).isEmpty();
        assertThat(log.warn()).isEmpty();
        assertThat(tree(temp)).isEqualTo(before);
        assertThat(readReport(mojo).path("converge").path("status").asText()).isEqualTo("refused");
    }

    @Test
    @Basedir(ConflictingHeads.PROJECT)
    @InjectMojo(goal = "converge")
    @MojoParameter(name = "allowConflicts", value = "true")
    void allowConflictsWritesTheMergeAndLogsTheConflictAsAWarning(ConvergeMojo mojo) throws Exception {
        RecordingLog log = prepareCopy(mojo);
        Map<String, String> before = tree(temp);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.warn()).first().isEqualTo("Schema conflict: " + ConflictingHeads.FINDING);
        assertThat(log.info()).hasSize(2);
        assertThat(log.info().get(1)).matches("Created migrations/versions/[0-9a-f]{12}_merge_heads\\.py \\(revision"
                + " [0-9a-f]{12}, merge of " + ConflictingHeads.LEFT + ", " + ConflictingHeads.RIGHT + "\\)");
        assertThat(tree(temp)).containsAllEntriesOf(before).hasSize(before.size() + 1);
        assertThat(readReport(mojo).path("converge").path("status").asText()).isEqualTo("written");
    }

    /** Copies the fixture project into {@link #temp} and points the mojo (project directory and report) there. */
    private RecordingLog prepareCopy(ConvergeMojo mojo) throws IOException {
        Path fixture = mojo.basedir.toPath();
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = fixture.relativize(p);
                if (rel.startsWith("target")) {
                    continue; // a report an analysis test left in the fixture
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(temp.resolve(rel.toString()));
                } else {
                    Files.copy(p, temp.resolve(rel.toString()));
                }
            }
        }
        mojo.basedir = temp.toFile();
        mojo.reportDirectory = temp.resolve("target/alembic").toFile();
        return prepare(mojo);
    }

    /** Every file below {@code dir} but outside target/ (the report), by relative path, with its content. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).startsWith("target")).forEach(p -> {
                try {
                    out.put(dir.relativize(p).toString().replace('\\', '/'),
                            new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }
}
