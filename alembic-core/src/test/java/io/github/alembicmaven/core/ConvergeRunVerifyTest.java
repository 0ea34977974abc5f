package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.ConvergeProject.Opts;
import io.github.alembicmaven.core.ConvergeRun.Status;
import io.github.alembicmaven.core.merge.UnwritableDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConvergeRun} after writing: the verify command, and rollback when it or the writing fails. */
class ConvergeRunVerifyTest {
    static final String MERGE_FILE = "migrations/versions/243f6114da12_merge_heads.py";
    static final String PYCACHE = "migrations/versions/__pycache__";

    @TempDir
    Path dir;

    ConvergeProject twoHeads() throws Exception {
        return new ConvergeProject(dir).ini().stockTemplate().twoHeads();
    }

    @Test
    void aFailingVerifyCommandRemovesTheNewFilesAndShowsItsOutputAndExitCode() throws Exception {
        ConvergeProject p = twoHeads();
        Map<String, String> before = p.snapshot();
        // exit 9 would say the command did not run in the project directory after the file was written
        String command = "test -f " + MERGE_FILE + " || exit 9; echo 'upgrade failed: table exists'; exit 3";

        ConvergeRun run = p.converge(new Opts().verify(command));

        assertThat(run.status()).isEqualTo(Status.VERIFY_FAILED);
        assertThat(run.failed()).isTrue();
        assertThat(run.verifyResult().exitCode()).isEqualTo(3);
        assertThat(run.verifyResult().timedOut()).isFalse();
        assertThat(run.failureMessage()).isEqualTo("The verify command failed with exit code 3: " + command + "\n"
                + "--- output ---\nupgrade failed: table exists\n--- end of output ---\n"
                + "The new files (" + MERGE_FILE + ") were removed again; the migration tree is as before."
                + " A merge that this command rejects would fail the same way at deploy time.\n"
                + "Fix what the output shows, then run 'mvn alembic:converge -Dalembic.verifyCommand=\""
                + command + "\"' (preview the files with 'mvn alembic:converge -Dalembic.dryRun').");
        assertThat(run.infoLines())
                .containsExactly("1 revision to write: 'head' (bbbb00000002, cccc00000003 -> 243f6114da12).");
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void bytecodeCompiledFromTheNewFileIsRemovedWithItsNewPycacheDirectory() throws Exception {
        ConvergeProject p = twoHeads();
        Map<String, String> before = p.snapshot();
        String command = "mkdir " + PYCACHE + " && echo x > " + PYCACHE + "/243f6114da12_merge_heads.cpython-311.pyc"
                + " && exit 1";

        ConvergeRun run = p.converge(new Opts().verify(command));

        assertThat(run.status()).isEqualTo(Status.VERIFY_FAILED);
        assertThat(run.failureMessage()).contains("were removed again; the migration tree is as before.");
        assertThat(dir.resolve(PYCACHE)).doesNotExist();
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void preexistingBytecodeStaysWhenTheNewFilesBytecodeIsRemoved() throws Exception {
        ConvergeProject p = twoHeads();
        Files.createDirectories(dir.resolve(PYCACHE));
        Files.writeString(dir.resolve(PYCACHE + "/aaaa00000001_rev.cpython-311.pyc"), "old");
        Files.writeString(dir.resolve(PYCACHE + "/243f6114da12_merge_heads.cpython-310.pyc"), "stale, not ours");
        Map<String, String> before = p.snapshot();
        String command = "echo new > " + PYCACHE + "/243f6114da12_merge_heads.cpython-311.pyc"
                + " && echo new > " + PYCACHE + "/243f6114da12_merge_heads.cpython-312.opt-1.pyc && exit 1";

        ConvergeRun run = p.converge(new Opts().verify(command));

        assertThat(run.status()).isEqualTo(Status.VERIFY_FAILED);
        assertThat(p.snapshot()).isEqualTo(before);
        assertThat(Files.readString(dir.resolve(PYCACHE + "/243f6114da12_merge_heads.cpython-310.pyc")))
                .isEqualTo("stale, not ours");
    }

    @Test
    void bytecodeTheCommandCompiledFromExistingFilesAndEnvPyIsRemovedToo() throws Exception {
        // 'alembic upgrade heads' compiles env.py and every revision file, not only the new one
        ConvergeProject p = twoHeads();
        Files.createDirectories(dir.resolve(PYCACHE));
        Files.writeString(dir.resolve(PYCACHE + "/aaaa00000001_rev.cpython-311.pyc"), "kept");
        Map<String, String> before = p.snapshot();
        String command = "echo new > " + PYCACHE + "/bbbb00000002_rev.cpython-311.pyc"
                + " && mkdir migrations/__pycache__ && echo new > migrations/__pycache__/env.cpython-311.pyc"
                + " && exit 1";

        ConvergeRun run = p.converge(new Opts().verify(command));

        assertThat(run.status()).isEqualTo(Status.VERIFY_FAILED);
        assertThat(dir.resolve("migrations/__pycache__")).doesNotExist();
        assertThat(dir.resolve(PYCACHE + "/bbbb00000002_rev.cpython-311.pyc")).doesNotExist();
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void aPassingVerifyCommandKeepsTheFiles() throws Exception {
        ConvergeProject p = twoHeads();
        String command = "  grep -q \"down_revision.*('bbbb00000002', 'cccc00000003')\" " + MERGE_FILE + "  ";

        ConvergeRun run = p.converge(new Opts().verify(command));

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.verifyResult().passed()).isTrue();
        assertThat(run.infoLines()).last().isEqualTo("Verify command passed: " + command.strip());
        assertThat(dir.resolve(MERGE_FILE)).isRegularFile();
        assertThat(p.heads()).containsExactly("243f6114da12");
    }

    @Test
    void aVerifyCommandThatTimesOutIsStoppedAndTheFilesAreRemoved() throws Exception {
        ConvergeProject p = twoHeads();
        Map<String, String> before = p.snapshot();

        long start = System.nanoTime();
        ConvergeRun run = p.converge(new Opts().verify("sleep 5").verifyTimeout("1"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(run.status()).isEqualTo(Status.VERIFY_FAILED);
        assertThat(run.verifyResult().timedOut()).isTrue();
        assertThat(run.failureMessage()).startsWith("The verify command did not finish within 1 s: sleep 5\n");
        assertThat(millis).isLessThan(4500);
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void anUnwritableVersionDirectoryFailsTheWriteAndLeavesNothing() throws Exception {
        ConvergeProject p = twoHeads();
        Map<String, String> before = p.snapshot();

        ConvergeRun run;
        try (UnwritableDirectory u = UnwritableDirectory.of(p.versions())) {
            run = p.converge(new Opts().message("merge it"));
        }

        assertThat(run.status()).isEqualTo(Status.WRITE_FAILED);
        assertThat(run.failed()).isTrue();
        String[] parts = run.failureMessage().split("\n");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).matches("Could not create migrations/versions/[0-9a-f]{12}_merge_it\\.py: .*")
                .containsAnyOf("permission denied", "Operation not permitted");
        assertThat(parts[1]).isEqualTo(
                "Converge writes all merge revisions or none: nothing was written, the migration tree is as before.");
        assertThat(parts[2]).isEqualTo("Make migrations/versions writable (or choose another version location with"
                + " -Dalembic.versionPath=...), then run 'mvn alembic:converge -Dalembic.message=\"merge it\"'.");
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void whenTheSecondFileCannotBeWrittenTheFirstAndItsDirectoryAreRemoved() throws Exception {
        ConvergeProject p = new ConvergeProject(dir)
                .ini("file_template = %%(rev)s/%%(slug)s", "recursive_version_locations = true").stockTemplate()
                .twoHeads().rev("dddd00000004", "2024-01-15 00:00:00", "aaaa00000001");
        // pairwise writes 243f6114da12/merge_heads.py, then 240c2c4483da/merge_heads.py: block the second directory
        Files.writeString(p.versions().resolve("240c2c4483da"), "a file, not a directory");
        Map<String, String> before = p.snapshot();

        ConvergeRun run = p.converge(new Opts().strategy("pairwise"));

        assertThat(run.status()).isEqualTo(Status.WRITE_FAILED);
        assertThat(run.failureMessage()).startsWith("Could not create migrations/versions/240c2c4483da/merge_heads.py:")
                .contains("nothing was written, the migration tree is as before.")
                .endsWith("\nRemove the cause named above, then run 'mvn alembic:converge -Dalembic.strategy=pairwise'.")
                .doesNotContain("writable", ".alembic-maven.tmp");
        assertThat(p.snapshot()).isEqualTo(before);
        assertThat(p.versions().resolve("243f6114da12")).doesNotExist();
    }
}
