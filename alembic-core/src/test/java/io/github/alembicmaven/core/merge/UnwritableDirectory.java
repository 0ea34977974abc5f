package io.github.alembicmaven.core.merge;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a directory refuse new entries for the duration of a test. As root (CI) POSIX permissions do not stop writes,
 * so the directory is made immutable with {@code chattr +i}; otherwise it is {@code chmod 555}. When neither works the
 * test fails on CI ({@code CI=true}) and is aborted (not passed) elsewhere. {@link #close()} always undoes it.
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
        String why;
        if ("root".equals(System.getProperty("user.name"))) {
            int rc = exec("chattr", "+i", dir.toString());
            UnwritableDirectory u = new UnwritableDirectory(dir, true);
            if (rc == 0 && !writable(dir)) {
                return u;
            }
            u.close();
            why = "running as root and 'chattr +i " + dir + "' " + (rc == 0 ? "did not stop writes" : "failed (" + rc + ")");
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            UnwritableDirectory u = new UnwritableDirectory(dir, false);
            if (!writable(dir)) {
                return u;
            }
            u.close();
            why = "'chmod 555 " + dir + "' did not stop writes";
        }
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

    private static int exec(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
