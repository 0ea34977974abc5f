package io.github.alembicmaven.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code alembic heads} timings of one tree, recorded in {@code <tree>/alembic-timings.properties} so that a later
 * run with {@code -Dbench.reuseAlembic=true} can skip minutes of Python (100,000 revisions) while iterating on the
 * core. The report says when timings were reused.
 *
 * @param firstNs the run without {@code __pycache__}, or -1 when it was not made
 * @param runsNs the runs with the bytecode cache present
 * @param lines what the last run printed
 * @param load the load average before -> after Alembic ran
 */
record AlembicTimings(String version, long firstNs, List<Long> runsNs, List<String> lines, String load,
        String measuredAt, boolean reused) {
    static final String FILE = "alembic-timings.properties";

    void save(Path treeDir) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("firstNs", String.valueOf(firstNs));
        p.setProperty("runsNs", runsNs.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.setProperty("lines", String.join("\n", lines));
        p.setProperty("load", load);
        p.setProperty("measuredAt", measuredAt);
        try (Writer w = Files.newBufferedWriter(treeDir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(w, "alembic heads timings (alembic-benchmark)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded timings, or {@code null} if there are none for this Alembic version. */
    static AlembicTimings load(Path treeDir, String version) {
        Path f = treeDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!version.equals(p.getProperty("version"))) {
            return null;
        }
        return new AlembicTimings(version, Long.parseLong(p.getProperty("firstNs")),
                Arrays.stream(p.getProperty("runsNs").split(",")).map(Long::parseLong).toList(),
                List.of(p.getProperty("lines").split("\n")), p.getProperty("load"), p.getProperty("measuredAt"), true);
    }
}
