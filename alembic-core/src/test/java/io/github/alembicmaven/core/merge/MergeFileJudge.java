package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.RealAlembic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Python/Alembic judge ({@code /usr/bin/python3}, Debian's python3-alembic). Without it the judged tests
 * are skipped, except under {@code CI=true}, where they fail.
 */
final class MergeFileJudge {
    static final String PYTHON = RealAlembic.python();

    private MergeFileJudge() {}

    /** Skips (or under CI fails) the calling test unless {@link #PYTHON} can import alembic. */
    static void requireAlembic() {
        RealAlembic.require("The real-Alembic merge judge");
    }

    record Result(int exit, String output) {}

    static Result run(List<String> command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish within 300 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs Python code (from a file, so any text works) and returns its stdout decoded as UTF-8. */
    static String python(Path tmp, String code) throws IOException {
        Path script = Files.createTempFile(tmp, "judge", ".py");
        Files.writeString(script, code, StandardCharsets.UTF_8);
        Result r = run(List.of(PYTHON, script.toString()), tmp, Map.of("PYTHONIOENCODING", "utf-8"));
        if (r.exit != 0) {
            throw new IOException("python failed: " + r.output);
        }
        return r.output;
    }

    /** Copies a test resource to {@code dir/fileName}. */
    static Path resource(String resource, Path dir, String fileName) throws IOException {
        Path target = dir.resolve(fileName);
        Files.createDirectories(target.getParent());
        try (InputStream in = MergeFileJudge.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
