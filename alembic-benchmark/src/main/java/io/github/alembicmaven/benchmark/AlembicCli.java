package io.github.alembicmaven.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs real Alembic ({@code <python> -m alembic -c <dir>/alembic.ini heads}) and times the whole process. */
final class AlembicCli {
    private final String python;

    AlembicCli(String python) {
        this.python = python;
    }

    /** One timed run: wall time of the process, and the lines it printed. */
    record Run(long wallNs, List<String> lines) {
        /** The revision ids: the first word of each line ({@code <rev>[ (<labels>)] (head)}). */
        List<String> heads() {
            List<String> ids = new ArrayList<>();
            for (String l : lines) {
                String t = l.strip();
                if (!t.isEmpty()) {
                    ids.add(t.split("\\s+", 2)[0]);
                }
            }
            return ids;
        }
    }

    /** Removes {@code versions/__pycache__}, so the next run compiles every file as on a fresh checkout. */
    static void dropBytecodeCache(Path treeDir) throws IOException {
        TreeGenerator.deleteRecursively(treeDir.resolve("versions").resolve("__pycache__"));
    }

    static boolean hasBytecodeCache(Path treeDir) {
        return Files.isDirectory(treeDir.resolve("versions").resolve("__pycache__"));
    }

    String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, "-c", "import alembic, sqlalchemy, sys; "
                        + "print('alembic', alembic.__version__, '/ SQLAlchemy', sqlalchemy.__version__, "
                        + "'/ Python', sys.version.split()[0])")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(python + " cannot import alembic: " + out);
        }
        return out;
    }

    Run heads(Path treeDir) throws IOException, InterruptedException {
        Path err = Files.createTempFile("alembic-heads", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(
                            python, "-m", "alembic", "-c", treeDir.resolve("alembic.ini").toString(), "heads")
                    .directory(treeDir.toFile())
                    .redirectError(err.toFile());
            pb.environment().remove("PYTHONDONTWRITEBYTECODE");
            long t0 = System.nanoTime();
            Process p = pb.start();
            byte[] stdout = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            long wall = System.nanoTime() - t0;
            if (rc != 0) {
                throw new IllegalStateException("alembic heads failed (exit " + rc + ") in " + treeDir + ":\n"
                        + Files.readString(err));
            }
            return new Run(wall, new String(stdout, StandardCharsets.UTF_8).lines().toList());
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
