package io.github.alembicmaven.core.merge;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a directory refuse new entries for the duration of a test: {@code chmod 555}, and when that does not stop writes
 * (root, as on CI) {@code chattr +i}. When neither works the test fails on CI ({@code CI=true}) and is aborted (not
 * passed) elsewhere. {@link #close()} always undoes it.
 */
public final class UnwritableDirectory implements AutoCloseable {
    private final Path dir;
    private final boolean immutable;

    private UnwritableDirectory(Path dir, boolean immutable) {
        this.dir = dir;
        this.immutable = immutable;
    }

    /** Makes {@code dir} unwritable, proven by a probe file that cannot be created. */
    public static UnwritableDirectory of(Path dir) throws IOException {
        // chmod first: enough for an ordinary user; root (uid 0, whatever its name) ignores it, so then chattr +i
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        UnwritableDirectory byMode = new UnwritableDirectory(dir, false);
        if (!writable(dir)) {
            return byMode;
        }
        byMode.close();
        int rc = exec("chattr", "+i", dir.toString());
        UnwritableDirectory immutable = new UnwritableDirectory(dir, true);
        if (rc == 0 && !writable(dir)) {
            return immutable;
        }
        immutable.close();
        String why = "neither 'chmod 555' nor 'chattr +i' (" + (rc == 0 ? "ran, writes still work" : "exit " + rc)
                + ") stops writes to " + dir;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("Cannot make a directory unwritable on CI: " + why);
        }
        Assumptions.abort("Cannot make a directory unwritable here (" + why + "); the test needs that");
        throw new IllegalStateException("unreachable");
    }

    private static boolean writable(Path dir) {
        Path probe = dir.resolve(".probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The exit code, or -1 when the command cannot be started (no chattr) or hangs. */
    private static int exec(String... command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return -1;
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws IOException {
        if (immutable) {
            exec("chattr", "-i", dir.toString());
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
