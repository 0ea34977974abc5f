package io.github.alembicmaven.core.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script with real Alembic ({@code differential/alembic_oracle.py},
 * {@code differential/converge_judge.py}) over many trees in one Python process: one tree a line on stdin, one JSON
 * object a line on stdout.
 */
final class AlembicOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlembicOracle() {}

    /** Copies the oracle script from the test classpath into {@code dir}. */
    static Path extractScript(Path dir) throws IOException {
        return extractScript(dir, "alembic_oracle.py");
    }

    /** Copies the script {@code differential/<name>} from the test classpath into {@code dir}. */
    static Path extractScript(Path dir, String name) throws IOException {
        Path script = dir.resolve(name);
        try (InputStream in = AlembicOracle.class.getResourceAsStream("/differential/" + name)) {
            Objects.requireNonNull(in, "test resource differential/" + name + " is missing");
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    /**
     * Loads every tree with real Alembic.
     *
     * @return one JSON object per tree, in the order of {@code trees}
     */
    static List<JsonNode> run(String python, Path script, List<Path> trees, Path stderrLog) throws IOException {
        return run(python, script, trees, null, stderrLog);
    }

    /**
     * Runs {@code script} over every tree: stdin gets the tree's absolute path, then a tab and its argument when
     * {@code arguments} is not {@code null}; each result's {@code tree} must be that path.
     *
     * @param arguments one per tree, or {@code null}
     * @return one JSON object per tree, in the order of {@code trees}
     */
    static List<JsonNode> run(String python, Path script, List<Path> trees, List<String> arguments, Path stderrLog)
            throws IOException {
        Process p = new ProcessBuilder(python, script.toString())
                .redirectError(stderrLog.toFile())
                .start();
        List<JsonNode> results = new ArrayList<>();
        Thread feeder = new Thread(() -> {
            try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (int i = 0; i < trees.size(); i++) {
                    w.write(trees.get(i).toAbsolutePath().toString());
                    if (arguments != null) {
                        w.write('\t');
                        w.write(arguments.get(i));
                    }
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "oracle-stdin");
        feeder.start();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    results.add(JSON.readTree(line));
                }
            }
        }
        try {
            feeder.join(TimeUnit.MINUTES.toMillis(1));
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(script.getFileName() + " did not finish within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while waiting for " + script.getFileName(), e);
        }
        if (p.exitValue() != 0 || results.size() != trees.size()) {
            throw new IOException(script.getFileName() + " exited " + p.exitValue() + " with " + results.size() + " of "
                    + trees.size() + " results; stderr:\n" + tail(stderrLog));
        }
        for (int i = 0; i < trees.size(); i++) {
            String expected = trees.get(i).toAbsolutePath().toString();
            String got = results.get(i).path("tree").asText();
            if (!expected.equals(got)) {
                throw new IOException("oracle result " + i + " is for " + got + ", expected " + expected);
            }
        }
        return results;
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
