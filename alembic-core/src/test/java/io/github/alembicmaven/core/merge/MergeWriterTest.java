package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.alembicmaven.core.merge.MergeWriter.Target;
import io.github.alembicmaven.core.merge.MergeWriter.WriteException;
import io.github.alembicmaven.core.merge.MergeWriter.Written;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeWriterTest {
    @TempDir
    Path dir;

    Path versions;

    @BeforeEach
    void tree() throws Exception {
        versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(versions.resolve("a1_init.py"), "revision = 'a1'\n");
    }

    static Target target(Path file, String text) {
        return new Target(file, text.getBytes(StandardCharsets.UTF_8));
    }

    WriteException writeFails(List<Target> targets) {
        return catchThrowableOfType(() -> MergeWriter.writeAll(targets), WriteException.class);
    }

    @Test
    void writesEveryTargetWithItsExactBytesCreatingMissingDirectoriesParentsFirst() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\r', '\n'};
        Path nested = versions.resolve("2024/03/m2.py");

        Written w = MergeWriter.writeAll(List.of(new Target(versions.resolve("m1.py"), bom),
                target(nested, "revision = 'm2'\n")));

        assertThat(w.files()).containsExactly(versions.resolve("m1.py"), nested);
        assertThat(w.directories()).containsExactly(versions.resolve("2024"), versions.resolve("2024/03"));
        assertThat(Files.readAllBytes(versions.resolve("m1.py"))).isEqualTo(bom);
        assertThat(Files.readString(nested)).isEqualTo("revision = 'm2'\n");
        // no temporary file is left next to the new files
        assertThat(FileTreeSnapshot.of(dir).keySet()).containsExactly("migrations", "migrations/versions",
                "migrations/versions/2024", "migrations/versions/2024/03", "migrations/versions/2024/03/m2.py",
                "migrations/versions/a1_init.py", "migrations/versions/m1.py");
    }

    @Test
    void targetBytesAreCopied() throws Exception {
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        Target t = new Target(versions.resolve("m.py"), bytes);
        bytes[0] = 'X';
        t.bytes()[1] = 'Y';

        MergeWriter.writeAll(List.of(t));

        assertThat(Files.readString(versions.resolve("m.py"))).isEqualTo("abc");
    }

    @Test
    void anExistingTargetFailsBeforeAnythingIsWrittenAndIsNotTouched() throws Exception {
        Map<String, String> before = FileTreeSnapshot.of(dir);
        Path existing = versions.resolve("a1_init.py");

        WriteException e = writeFails(List.of(target(versions.resolve("new.py"), "x"), target(existing, "y")));

        assertThat(e).hasMessage("File " + existing + " already exists; converge never replaces a file.");
        assertThat(e.file()).isEqualTo(existing);
        assertThat(e.leftBehind()).isEmpty();
        assertThat(FileTreeSnapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void aDanglingSymlinkCountsAsAnExistingTarget() throws Exception {
        Path link = Files.createSymbolicLink(versions.resolve("m.py"), dir.resolve("nowhere.py"));

        WriteException e = writeFails(List.of(target(link, "x")));

        assertThat(e).hasMessageContaining("already exists");
        assertThat(dir.resolve("nowhere.py")).doesNotExist();
    }

    @Test
    void twoTargetsWithTheSameNormalizedPathFailBeforeAnythingIsWritten() throws Exception {
        Map<String, String> before = FileTreeSnapshot.of(dir);

        WriteException e = writeFails(List.of(target(versions.resolve("m.py"), "x"),
                target(versions.resolve("sub/../m.py"), "y")));

        assertThat(e).hasMessage("Two new revisions would be written to the same file " + versions.resolve("m.py")
                + " (file_template gives them one name).");
        assertThat(e.leftBehind()).isEmpty();
        assertThat(FileTreeSnapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void anUnwritableDirectoryFailsWithPermissionTextAndLeavesNothing() throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Map<String, String> before = FileTreeSnapshot.of(dir);
        WriteException e;
        try (UnwritableDirectory u = UnwritableDirectory.of(locked)) {
            e = writeFails(List.of(target(versions.resolve("fresh/m1.py"), "one"),
                    target(locked.resolve("m2.py"), "two")));
        }

        assertThat(e.file()).isEqualTo(locked.resolve("m2.py"));
        assertThat(e.getMessage()).startsWith("Could not create " + locked.resolve("m2.py") + ": ")
                .containsAnyOf("permission denied", "Operation not permitted");
        assertThat(e.leftBehind()).isEmpty();
        assertThat(FileTreeSnapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void rollbackRemovesTheFilesTheirNewBytecodeAndTheDirectoriesCreated() throws Exception {
        Path pycache = Files.createDirectories(versions.resolve("__pycache__"));
        Files.writeString(pycache.resolve("a1_init.cpython-311.pyc"), "old");
        Map<String, String> before = FileTreeSnapshot.of(dir);

        Written w = MergeWriter.writeAll(List.of(target(versions.resolve("m1.py"), "one"),
                target(versions.resolve("deep/er/m2.py"), "two")));
        // what `python -c "import ..."` leaves behind
        Files.writeString(pycache.resolve("m1.cpython-311.pyc"), "new");
        Files.writeString(pycache.resolve("m1.cpython-312.opt-2.pyc"), "new");
        Path newPycache = Files.createDirectories(versions.resolve("deep/er/__pycache__"));
        Files.writeString(newPycache.resolve("m2.cpython-311.pyc"), "new");

        assertThat(w.rollback()).isEmpty();

        assertThat(FileTreeSnapshot.of(dir)).isEqualTo(before);
    }

    @Test
    void rollbackKeepsACreatedDirectoryThatSomeoneElseFilledAndBytecodeOfOtherFiles() throws Exception {
        Written w = MergeWriter.writeAll(List.of(target(versions.resolve("new/m1.py"), "one")));
        Files.writeString(versions.resolve("new/theirs.py"), "theirs");
        Path pycache = Files.createDirectories(versions.resolve("new/__pycache__"));
        Files.writeString(pycache.resolve("theirs.cpython-311.pyc"), "theirs");
        Files.writeString(pycache.resolve("m1.cpython-311.pyc"), "ours");

        assertThat(w.rollback()).isEmpty();

        assertThat(FileTreeSnapshot.of(versions).keySet()).containsExactly("a1_init.py", "new", "new/__pycache__",
                "new/__pycache__/theirs.cpython-311.pyc", "new/theirs.py");
    }

    @Test
    void whenTheSecondTargetFailsTheFirstFileAndTheDirectoriesCreatedAreRemoved() throws Exception {
        Files.writeString(versions.resolve("blocker"), "a regular file where a directory is needed");
        Map<String, String> before = FileTreeSnapshot.of(dir);
        Path second = versions.resolve("blocker/m2.py");

        WriteException e = writeFails(List.of(target(versions.resolve("new/dir/m1.py"), "one"),
                target(second, "two")));

        assertThat(e.file()).isEqualTo(second);
        assertThat(e).hasMessageStartingWith("Could not create " + second + ": ");
        assertThat(e.leftBehind()).isEmpty();
        assertThat(FileTreeSnapshot.of(dir)).isEqualTo(before);
    }
}
