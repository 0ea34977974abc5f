package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a failed write says: the OS's reason, without the absolute name of the temporary file (which differs on every
 * run and which the user never sees), so that alembic:converge's failure message is stable and readable; and no path
 * that was never created is reported as left behind (its removal fails only because its parent is not a directory).
 */
class MergeWriterFailureMessageTest {

    @TempDir
    Path dir;

    @Test
    void failureOnTheTemporaryFileGivesTheReasonOnly() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("versions"), "a file, not a directory");
        Path target = notADirectory.resolve("d770c6ac8771_merge_heads.py");

        MergeWriter.WriteException e = failedWrite(target);

        assertThat(e.getMessage()).isEqualTo("Could not create " + target + ": Not a directory");
        assertThat(e.file()).isEqualTo(target);
        assertThat(e.leftBehind()).isEmpty();
        assertThat(dir).isDirectoryContaining(p -> p.equals(notADirectory));
    }

    @Test
    void failureOnAnotherPathNamesThatPath() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("versions"), "a file, not a directory");
        Path target = notADirectory.resolve("2026/d770c6ac8771_merge_heads.py");

        MergeWriter.WriteException e = failedWrite(target);

        assertThat(e.getMessage())
                .isEqualTo("Could not create " + target + ": " + notADirectory.resolve("2026") + ": Not a directory");
    }

    private static MergeWriter.WriteException failedWrite(Path target) {
        byte[] bytes = "revision = 'd770c6ac8771'\n".getBytes(StandardCharsets.UTF_8);
        return catchThrowableOfType(() -> MergeWriter.writeAll(List.of(new MergeWriter.Target(target, bytes))),
                MergeWriter.WriteException.class);
    }
}
