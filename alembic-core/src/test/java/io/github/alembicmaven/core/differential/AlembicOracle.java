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

/** Runs {@code differential/alembic_oracle.py} (real Alembic) over many trees in one Python process. */
final class AlembicOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlembicOracle() {}

    /** Copies the oracle script from the test classpath into {@code dir}. */
    static Path extractScript(Path dir) throws IOException {
        Path script = dir.resolve("alembic_oracle.py");
        try (InputStream in = AlembicOracle.class.getResourceAsStream("/differential/alembic_oracle.py")) {
            Objects.requireNonNull(in, "test resource differential/alembic_oracle.py is missing");
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
        Process p = new ProcessBuilder(python, script.toString())
                .redirectError(stderrLog.toFile())
                .start();
        List<JsonNode> results = new ArrayList<>();
        Thread feeder = new Thread(() -> {
            try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Path t : trees) {
                    w.write(t.toAbsolutePath().toString());
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
                throw new IOException("the Alembic oracle did not finish within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while waiting for the Alembic oracle", e);
        }
        if (p.exitValue() != 0 || results.size() != trees.size()) {
            throw new IOException("the Alembic oracle exited " + p.exitValue() + " with " + results.size() + " of "
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
